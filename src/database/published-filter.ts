/**
 * Strapi 5.54 writes the published-rows condition of a `status: 'published'` read twice into the
 * root query: once as a lookup (`where.publishedAt = { $notNull: true }`, document-service
 * draft-and-publish statusToLookup) and once through the query's `filters` function
 * (`{ publishedAt: { $null: false } }`, @strapi/utils convertStatusParams), which is also what
 * populated relations inherit. The SQL then says `published_at IS NOT NULL` twice and
 * PostgreSQL, multiplying the two as if independent, expects a ninth of the rows instead of a
 * third: it then prefers sorting "few" rows to walking the published-order index. This
 * `beforeFindMany` / `beforeCount` lifecycle drops the lookup's copy when the filters function
 * gives the same condition for the queried type, so the condition stays, once.
 */
export function onePublishedCondition(event: {
  model: { uid: string };
  params: { where?: unknown; filters?: unknown };
}): void {
  const { where, filters } = event.params;
  if (typeof filters !== 'function' || !isRecord(where)) return;
  const lookup = where.publishedAt;
  if (!isRecord(lookup) || Object.keys(lookup).length !== 1 || lookup.$notNull !== true) return;
  const fromFilters = (filters as (context: { meta: { uid: string } }) => unknown)({
    meta: { uid: event.model.uid },
  });
  if (!isRecord(fromFilters) || !isRecord(fromFilters.publishedAt)) return;
  if (fromFilters.publishedAt.$null !== false || Object.keys(fromFilters).length !== 1) return;
  const { publishedAt: _duplicate, ...rest } = where;
  event.params.where = rest;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
