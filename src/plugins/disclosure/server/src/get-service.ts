import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './kernel/constants';
import type { services as consultations } from './consultations/services';
import type { services as inquiries } from './inquiries/services';
import type { services as kernel } from './kernel/services';
import type { services as monitor } from './monitor/services';
import type { services as prescreen } from './prescreen/services';
import type { services as proposals } from './proposals/services';
import type { services as reporting } from './reporting/services';
import type { services as requests } from './requests/services';
import type { services as review } from './review/services';
import type { services as serviceItems } from './service-items/services';

type Factories = typeof kernel &
  typeof review &
  typeof requests &
  typeof reporting &
  typeof serviceItems &
  typeof proposals &
  typeof inquiries &
  typeof consultations &
  typeof monitor &
  typeof prescreen;

/** Every service of the plugin by name, as its factory builds it. */
export type Services = { [Name in keyof Factories]: ReturnType<Factories[Name]> };

/**
 * The plugin's one service accessor: the compiler checks every call made through it (as
 * `getService` in Strapi's content-releases).
 */
export function getService<Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): Services[Name] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
}
