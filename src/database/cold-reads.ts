import type { Core } from '@strapi/strapi';
import { CATALOGUE_ITEM_UIDS } from '../constants';
import { narrowToColumn } from '../content-api/column-filter';
import { cacheLocaleReads } from '../i18n/locales';
import { onePublishedCondition } from './published-filter';
import { ensurePublishedOrderIndexes } from './published-order-index';

/**
 * What makes an uncached website list cheap (issue #15, decision 0035): the default order from a
 * partial index, the default locale and the locale list read once per few seconds instead of on
 * every call, `?column=` resolved inside the list's own statements, and the published-rows
 * condition written once (published-filter.ts).
 */
export async function setUpColdReads(strapi: Core.Strapi): Promise<void> {
  cacheLocaleReads(strapi);
  const i18n = strapi.plugin('i18n').service('locales') as { getDefaultLocale(): Promise<string> };
  const narrow = narrowToColumn(strapi, () => i18n.getDefaultLocale());
  const beforeRead = async (event: Parameters<typeof narrow>[0]) => {
    onePublishedCondition(event);
    await narrow(event);
  };
  strapi.db.lifecycles.subscribe({
    models: [...CATALOGUE_ITEM_UIDS],
    beforeFindMany: beforeRead,
    beforeCount: beforeRead,
  } as never);
  const created = await ensurePublishedOrderIndexes(strapi);
  if (created.length > 0) strapi.log.info(`[database] created ${created.join(', ')}`);
}
