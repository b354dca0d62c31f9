import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, UID } from '../constants';
import { DEFAULT_COLUMNS, type ColumnSeed } from './default-columns';
import { seedOnce, type UpdateData } from '../seed-store';

/**
 * Creates the default catalogue columns that were never seeded before, in both locales, published.
 * A column is seeded at most once: a restart never duplicates it, and a column the coordinator
 * renamed, moved or deleted stays as the coordinator left it. Returns the codes created.
 */
export async function seedCatalogue(strapi: Core.Strapi): Promise<string[]> {
  const created: string[] = [];
  for (const seed of DEFAULT_COLUMNS) {
    const didCreate = await seedOnce(strapi, `column:${seed.code}`, () =>
      createColumn(strapi, seed)
    );
    if (didCreate) created.push(seed.code);
  }
  return created;
}

async function findColumnId(strapi: Core.Strapi, code: string): Promise<string | null> {
  const found = await strapi
    .documents(UID.column)
    .findFirst({ filters: { code }, locale: DEFAULT_LOCALE, status: 'draft', fields: ['code'] });
  return found?.documentId ?? null;
}

async function createColumn(strapi: Core.Strapi, seed: ColumnSeed): Promise<void> {
  // A column with this code may exist from an earlier, interrupted run: never duplicate it.
  if (await findColumnId(strapi, seed.code)) return;
  const parent = seed.parent ? await findColumnId(strapi, seed.parent) : null;
  const shared = {
    code: seed.code,
    kind: seed.kind,
    sortOrder: seed.sortOrder,
    updateClass: seed.updateClass,
    parent,
  };
  const columns = strapi.documents(UID.column);
  const zh = await columns.create({
    locale: DEFAULT_LOCALE,
    data: { ...shared, name: seed.name['zh-Hans'] },
  });
  const en = { ...shared, name: seed.name.en } as UpdateData;
  await columns.update({ documentId: zh.documentId, locale: 'en', data: en });
  await columns.publish({ documentId: zh.documentId, locale: '*' });
}
