import type { Core } from '@strapi/strapi';
import type { EncryptedFields } from './domain/personal-data-key';
import { getService } from '../get-service';
import type { StaffReference } from './domain/staff-refs';

type Factory = (deps: { strapi: Core.Strapi }) => unknown;

/** A route as Strapi's router takes it; `config.policies` names the permission it needs. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config: Record<string, unknown>;
}

/**
 * One module of the plugin: what it adds to Strapi, and its start-up and shut-down steps. The
 * plugin's entry merges the modules; a module reaches another only through the kernel or a
 * declared port (the statistics registry, the review's submission guard).
 */
export interface DisclosureModule {
  name: string;
  contentTypes?: Record<string, { schema: object }>;
  services?: Record<string, Factory>;
  controllers?: Record<string, Factory>;
  routes?: { admin?: RouteDefinition[]; contentApi?: RouteDefinition[] };
  policies?: Record<string, unknown>;
  middlewares?: Record<string, unknown>;
  /** The fields of its types holding personal data encrypted (`v1:…`): rotated with the key. */
  encryptedFields?: readonly EncryptedFields[];
  /**
   * Where the module stores admin-user ids (with the e-mail beside each): the kernel fills the
   * e-mails on write and reconciles the ids after a transfer of the data.
   */
  staffReferences?: StaffReference[];
  /** Before the routes are mounted. */
  register?(strapi: Core.Strapi): void;
  /** After every module is registered, in module order (the kernel first). */
  bootstrap?(strapi: Core.Strapi): Promise<void> | void;
  destroy?(strapi: Core.Strapi): Promise<void> | void;
}

/** The Strapi plugin object of a list of modules. */
export function assembleModules(modules: readonly DisclosureModule[], config: object) {
  const merge = <K extends keyof DisclosureModule>(key: K) => {
    const merged: Record<string, unknown> = {};
    for (const module of modules) {
      for (const [name, value] of Object.entries((module[key] ?? {}) as object)) {
        if (name in merged) {
          throw new Error(`Modules "${module.name}" and another both define ${key} "${name}"`);
        }
        merged[name] = value;
      }
    }
    return merged;
  };
  const routesOf = (kind: 'admin' | 'contentApi') =>
    modules.flatMap((module) => module.routes?.[kind] ?? []);
  return {
    register({ strapi }: { strapi: Core.Strapi }) {
      getService(strapi, 'personal-data').declare(
        modules.flatMap((module) => module.encryptedFields ?? [])
      );
      for (const module of modules) module.register?.(strapi);
    },
    async bootstrap({ strapi }: { strapi: Core.Strapi }) {
      getService(strapi, 'staffIdentity').declare(
        modules.flatMap((module) => module.staffReferences ?? [])
      );
      for (const module of modules) await module.bootstrap?.(strapi);
    },
    async destroy({ strapi }: { strapi: Core.Strapi }) {
      for (const module of modules) await module.destroy?.(strapi);
    },
    config,
    contentTypes: merge('contentTypes'),
    services: merge('services'),
    controllers: merge('controllers'),
    policies: merge('policies'),
    middlewares: merge('middlewares'),
    routes: {
      admin: { type: 'admin', routes: routesOf('admin') },
      'content-api': { type: 'content-api', routes: routesOf('contentApi') },
    },
  };
}
