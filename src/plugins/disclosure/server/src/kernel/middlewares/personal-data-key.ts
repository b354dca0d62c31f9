/**
 * The refusal of routes that read or write personal data while the personal-data key cannot open
 * the stored data (a restore started with another DISCLOSURE_PERSONAL_DATA_KEY): a 503 naming
 * the setting, in Strapi's error form, before the handler runs — never a 500 from a failed
 * decryption. Everything not holding personal data keeps working. Modules mark their routes with
 * `holdingPersonalData`.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { KEY_MISMATCH_CODE, KEY_SETTING } from '../domain/personal-data-key';
import type { RouteDefinition } from '../module';
import { getService } from '../../get-service';

export const PERSONAL_DATA_KEY = `plugin::${PLUGIN_ID}.personal-data-key`;

/** The routes (those `holds` picks; all by default) with the refusal added after their own. */
export const holdingPersonalData = (
  routes: readonly RouteDefinition[],
  holds: (route: RouteDefinition) => boolean = () => true
): RouteDefinition[] =>
  routes.map((route) =>
    holds(route)
      ? {
          ...route,
          config: {
            ...route.config,
            middlewares: [...((route.config.middlewares as unknown[]) ?? []), PERSONAL_DATA_KEY],
          },
        }
      : route
  );

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { status: number; body?: unknown }, next: () => Promise<void>) => {
    const personalData = getService(strapi, 'personal-data');
    if (!personalData.isRefusing()) return next();
    ctx.status = 503;
    ctx.body = {
      data: null,
      error: {
        status: 503,
        name: 'ServiceUnavailableError',
        message: personalData.refusal(),
        details: { code: KEY_MISMATCH_CODE, setting: KEY_SETTING },
      },
    };
  };
