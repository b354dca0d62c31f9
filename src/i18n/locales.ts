import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, LOCALES } from '../constants';
import { seedOnce } from '../seed-store';

interface LocaleService {
  find(): Promise<Array<{ code: string }>>;
  findByCode(code: string): Promise<{ code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  update(...args: unknown[]): Promise<unknown>;
  delete(...args: unknown[]): Promise<unknown>;
  setDefaultLocale(locale: { code: string }): Promise<void>;
  getDefaultLocale(): Promise<string>;
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

/**
 * How long a node trusts its copy of the locales and of the default locale. A change made on this
 * node clears its copy at once; another node (several behind one database) sees it within this
 * time. Locales change a few times in a site's life, lists are read on every page.
 */
export const LOCALE_CACHE_MS = 10_000;

/** A value read at most once per LOCALE_CACHE_MS, concurrent callers sharing the read. */
function memo<T>(read: () => Promise<T>) {
  let cached: { value: Promise<T>; until: number } | null = null;
  return {
    get(): Promise<T> {
      const now = Date.now();
      if (!cached || cached.until <= now) {
        const value = read();
        cached = { value, until: now + LOCALE_CACHE_MS };
        // A failed read is not kept.
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      return cached.value;
    },
    clear(): void {
      cached = null;
    },
  };
}

const knownCodes = new WeakMap<Core.Strapi, ReturnType<typeof memo<string[]>>>();

/**
 * Strapi's i18n reads the default locale from the core store on every Document Service call
 * that gives none (twice per list: its page and its count), and the app checks `?locale=`
 * against the locale table on every call that gives one. Both become one read per
 * LOCALE_CACHE_MS: the i18n locales service's `getDefaultLocale` is memoised on its instance, and
 * its writes (setDefaultLocale, create, update, delete) clear both copies after they run.
 */
export function cacheLocaleReads(strapi: Core.Strapi): void {
  const service = localeService(strapi);
  const codes = memo(async () => (await service.find()).map((locale) => locale.code));
  const defaultLocale = memo(service.getDefaultLocale.bind(service));
  knownCodes.set(strapi, codes);
  service.getDefaultLocale = () => defaultLocale.get();
  for (const write of ['setDefaultLocale', 'create', 'update', 'delete'] as const) {
    const original = (service[write] as (...args: unknown[]) => Promise<unknown>).bind(service);
    (service as unknown as Record<string, unknown>)[write] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } finally {
        defaultLocale.clear();
        codes.clear();
      }
    };
  }
}

/** The codes of the content locales that exist now (at most LOCALE_CACHE_MS old). */
export async function knownLocaleCodes(strapi: Core.Strapi): Promise<string[]> {
  const cached = knownCodes.get(strapi);
  if (cached) return [...(await cached.get())];
  return (await localeService(strapi).find()).map((locale) => locale.code);
}

/** A 400 listing the locales unless `locale` is one of them (what published-only.ts answers). */
export async function assertKnownLocale(strapi: Core.Strapi, locale: string): Promise<void> {
  const locales = await knownLocaleCodes(strapi);
  if (!locales.includes(locale)) {
    throw new errors.ValidationError(
      `Unknown locale "${locale}". Available locales: ${locales.join(', ')}.`
    );
  }
}
