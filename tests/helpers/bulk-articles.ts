import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Codes of the columns the bulk articles are filed in, round robin. */
export const BULK_COLUMNS = [
  'work-news',
  'notices',
  'law-enforcement',
  'administrative-power',
  'department-documents',
  'plans',
  'budgets',
  'policies',
  'surveys',
  'complaints',
];

export const BULK_TITLE = 'BULK';
export const BULK_NEVER_PUBLISHED = 'BULKNEVERPUB';

/**
 * Inserts `published` published articles (a draft row and a published row each, as Strapi stores
 * them) and `neverPublished` never-published drafts in zh-Hans, filed round robin in
 * BULK_COLUMNS, with multi-row INSERTs through knex: the document service would take minutes.
 * Published ones are first published one hour apart, some sharing a date (ties for the sort).
 * Then ANALYZE, so the planner sees the real sizes.
 */
export async function insertBulkArticles(
  strapi: Core.Strapi,
  { published, neverPublished }: { published: number; neverPublished: number }
): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const columnRows = (await knex('columns')
    .where('locale', 'zh-Hans')
    .whereIn('code', BULK_COLUMNS)
    .select('id', 'code', 'published_at')) as Array<{
    id: number;
    code: string;
    published_at: unknown;
  }>;
  const columnRow = (code: string, isPublished: boolean) =>
    columnRows.find((row) => row.code === code && (row.published_at !== null) === isPublished)!.id;
  const start = Date.parse('2016-01-01T00:00:00Z');
  const now = new Date();
  const rows: Array<Record<string, unknown>> = [];
  const links: Array<{ documentId: string; isPublished: boolean; code: string }> = [];
  for (let index = 0; index < published + neverPublished; index += 1) {
    const isPublished = index < published;
    const documentId = `bulk${String(index).padStart(20, '0')}`;
    const code = BULK_COLUMNS[index % BULK_COLUMNS.length];
    // Every fifth shares its neighbour's first publication: ties broken by publishedAt, then id.
    const first = isPublished ? new Date(start + Math.floor(index / 5) * 5 * 3_600_000) : null;
    const base = {
      document_id: documentId,
      title: isPublished ? `${BULK_TITLE} ${index}` : `${BULK_NEVER_PUBLISHED} ${index}`,
      locale: 'zh-Hans',
      created_at: now,
      updated_at: now,
      first_published_at: first,
    };
    rows.push({ ...base, published_at: null });
    links.push({ documentId, isPublished: false, code });
    if (isPublished) {
      rows.push({ ...base, published_at: new Date(first!.getTime() + (index % 5) * 60_000) });
      links.push({ documentId, isPublished: true, code });
    }
  }
  await knex.transaction(async (trx) => {
    await trx.batchInsert('articles' as never, rows as never, 500);
    const inserted = (await trx('articles')
      .where('document_id', 'like', 'bulk%')
      .select('id', 'document_id', 'published_at')) as Array<{
      id: number;
      document_id: string;
      published_at: unknown;
    }>;
    const idOf = new Map(
      inserted.map((row) => [`${row.document_id}:${row.published_at !== null}`, row.id])
    );
    await trx.batchInsert(
      'articles_column_lnk' as never,
      links.map((link) => ({
        article_id: idOf.get(`${link.documentId}:${link.isPublished}`),
        column_id: columnRow(link.code, link.isPublished),
      })) as never,
      500
    );
  });
  await knex.raw('ANALYZE');
}
