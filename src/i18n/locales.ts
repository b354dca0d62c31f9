import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../constants';
import { seedOnce } from '../seed-store';

interface LocaleService {
  find(): Promise<Array<{ code: string }>>;
  findByCode(code: string): Promise<{ code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  setDefaultLocale(locale: { code: string }): Promise<void>;
}

const localeService = (strapi: Core.Strapi): LocaleService =>
  strapi.plugin('i18n').service('locales') as LocaleService;

/**
 * On a new database: Simplified Chinese becomes the default content locale and English is added.
 * Runs once, so a coordinator's later choice of locales survives restarts.
 */
export async function setUpContentLocales(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'locales', async () => {
    const locales = localeService(strapi);
    for (const locale of LOCALES) {
      if (!(await locales.findByCode(locale.code))) await locales.create({ ...locale });
    }
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  });
}

/** The codes of the content locales that exist now. */
export async function knownLocaleCodes(strapi: Core.Strapi): Promise<string[]> {
  return (await localeService(strapi).find()).map((locale) => locale.code);
}
