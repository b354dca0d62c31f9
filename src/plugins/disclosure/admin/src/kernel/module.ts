/**
 * What a module adds to the admin panel, declared as data in its `index.ts`; the plugin's
 * `index.tsx` hands every module's additions to Strapi (`registerModules`, `bootstrapModules`,
 * `moduleTranslations`). A new module is a folder with an `index.ts` plus one line there.
 */
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';

type MenuLink = Parameters<StrapiApp['addMenuLink']>[0];
type SettingsLink = Exclude<Parameters<StrapiApp['addSettingsLink']>[1], unknown[]>;
type Translations = Record<string, string>;

export interface AdminModule {
  /** Pages in the main menu; each is shown to a user holding any one of its permissions. */
  menuLinks?: MenuLink[];
  /** Pages under Settings › Global settings. */
  settingsLinks?: SettingsLink[];
  /** Panels beside the Content Manager's edit view. */
  editViewSidePanels?: PanelComponent[];
  /** The module's texts in one locale, keys without the plugin prefix (its translations/ file). */
  translations(locale: string): Promise<{ default: Translations }>;
}

/** The permissions of a link: holding any one of these actions shows it. */
export const anyOf = (...actions: string[]) => actions.map((action) => ({ action, subject: null }));

/** Adds the modules' menu and settings links (the plugin's `register`). */
export function registerModules(app: StrapiApp, modules: readonly AdminModule[]) {
  for (const { menuLinks = [], settingsLinks = [] } of modules) {
    for (const link of menuLinks) app.addMenuLink(link);
    for (const link of settingsLinks) app.addSettingsLink('global', link);
  }
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: PanelComponent[]): void;
}

/** Adds the modules' edit-view panels (the plugin's `bootstrap`: the Content Manager is loaded). */
export function bootstrapModules(app: StrapiApp, modules: readonly AdminModule[]) {
  const panels = modules.flatMap(({ editViewSidePanels = [] }) => editViewSidePanels);
  if (panels.length === 0) return;
  const contentManager = app.getPlugin('content-manager') as unknown as {
    apis: ContentManagerApis;
  };
  contentManager.apis.addEditViewSidePanel(panels);
}

/** Every module's texts per locale, prefixed with the plugin id (the plugin's `registerTrads`). */
export function moduleTranslations(
  pluginId: string,
  modules: readonly AdminModule[],
  locales: string[]
) {
  return Promise.all(
    locales.map(async (locale) => {
      const parts = await Promise.all(
        modules.map(({ translations }) =>
          translations(locale).then(
            ({ default: data }) => data,
            // A locale a module has no file for: Strapi shows the default messages.
            (): Translations => ({})
          )
        )
      );
      const data = Object.fromEntries(
        parts.flatMap((part) =>
          Object.entries(part).map(([key, value]) => [`${pluginId}.${key}`, value])
        )
      );
      return { data, locale };
    })
  );
}
