/**
 * Figures on the catalogue's items first published in a Beijing year (`items.*`): per column as a
 * tree with subtotals, per division, month, genre and type. One GROUP BY over the four item tables
 * (UNION ALL) counts every dimension at once; JavaScript only adds up the grouped rows.
 */
import type { Knex } from 'knex';
import { buildColumnTree, type ColumnNode, type ColumnRow } from '../catalogue/column-tree';
import { CATALOGUE_ITEM_UIDS, UID } from '../constants';
import { GENRE_LABELS, NONE, TYPE_LABELS } from './labels';
import {
  beijingMidnight,
  instant,
  monthOf,
  namesOf,
  pageOf,
  splitFigureKey,
  toCount,
  toIso,
  type Figure,
  type FigureNode,
  type Page,
  type RecordPage,
  type StatisticsContext,
  type StatisticsProvider,
} from 'strapi-plugin-gov-disclosure/sdk';

interface Filter {
  columnCodes?: string[];
  /** Items without a column. */
  noColumn?: boolean;
  division?: string;
  month?: number;
  genre?: string;
  uid?: string;
  /** Also the overview profiles (leaders, the organisation profile) published in the year. */
  withProfiles?: boolean;
}

/**
 * The 政府网站工作年度报表's 信息发布 categories (国办函〔2018〕12号): the catalogue columns whose
 * items each counts, with their sub-columns. 概况类 also counts the overview profiles (领导之窗's
 * leaders, the 机构概况 page) published or updated in the year, which are not catalogue items.
 */
export const WEBSITE_CATEGORIES = {
  overview: { label: '概况类信息更新量', columns: ['functions', 'leaders'], withProfiles: true },
  news: { label: '政务动态信息更新量', columns: ['work-news'], withProfiles: false },
  catalogue: {
    label: '信息公开目录信息更新量',
    columns: ['government-disclosure'],
    withProfiles: false,
  },
} as const;
export type WebsiteCategory = keyof typeof WEBSITE_CATEGORIES;

/** The overview profiles: published versions whose last publication falls in the year. */
const PROFILE_TYPES = [
  { uid: UID.leader, title: 'name' },
  { uid: UID.organisationProfile, title: 'name' },
] as const;

function profileRows(context: StatisticsContext, uid: string, titleAttribute: string) {
  const names = namesOf(context.strapi, uid);
  const published = `p.${names.column('publishedAt')}`;
  return context.knex
    .from({ p: names.table })
    .where('p.locale', context.locale)
    .whereNotNull(published)
    .where(published, '>=', instant(context, context.from))
    .where(published, '<', instant(context, context.to))
    .select({
      uid: context.knex.raw('?', [uid]),
      document_id: `p.${names.column('documentId')}`,
      title: `p.${names.column(titleAttribute)}`,
      first_published_at: published,
      index_number: context.knex.raw('NULL'),
    });
}

async function profileCount(context: StatisticsContext) {
  let total = 0;
  for (const { uid, title } of PROFILE_TYPES) {
    const [{ n }] = (await profileRows(context, uid, title)
      .clearSelect()
      .count({ n: '*' })) as Array<{ n: unknown }>;
    total += toCount(n);
  }
  return total;
}

/** The year's first publications of one item type, with the dimensions the figures group by. */
function itemRows(context: StatisticsContext, uid: string, filter: Filter) {
  const { strapi, knex } = context;
  const item = namesOf(strapi, uid);
  const columnLink = item.link('column');
  const departmentLink = item.link('department');
  const metadata = item.component('metadata');
  const columns = namesOf(strapi, UID.column);
  const departments = namesOf(strapi, UID.department);
  const firstPublished = `t.${item.column('firstPublishedAt')}`;
  const range =
    filter.month === undefined
      ? { from: context.from, to: context.to }
      : {
          from: beijingMidnight(context.year, filter.month),
          to: filter.month === 12 ? context.to : beijingMidnight(context.year, filter.month + 1),
        };

  const query = knex
    .from({ t: item.table })
    .leftJoin({ cl: columnLink.table }, `cl.${columnLink.owner}`, 't.id')
    .leftJoin({ c: columns.table }, 'c.id', `cl.${columnLink.target}`)
    .leftJoin({ dl: departmentLink.table }, `dl.${departmentLink.owner}`, 't.id')
    .leftJoin({ d: departments.table }, 'd.id', `dl.${departmentLink.target}`)
    .leftJoin({ mc: metadata.table }, (on) => {
      on.on(`mc.${metadata.owner}`, '=', 't.id').andOn(
        'mc.field',
        '=',
        knex.raw('?', [metadata.field])
      );
    })
    .leftJoin({ m: metadata.componentTable }, 'm.id', `mc.${metadata.target}`)
    .where('t.locale', context.locale)
    .whereNotNull(`t.${item.column('publishedAt')}`)
    .where(firstPublished, '>=', instant(context, range.from))
    .where(firstPublished, '<', instant(context, range.to));

  if (filter.columnCodes) query.whereIn(`c.${columns.column('code')}`, filter.columnCodes);
  if (filter.noColumn) query.whereNull('c.id');
  if (filter.division === NONE) query.whereNull('d.id');
  else if (filter.division) query.where(`d.${departments.column('documentId')}`, filter.division);
  if (filter.genre === NONE) query.whereNull('m.genre');
  else if (filter.genre) query.where('m.genre', filter.genre);

  return {
    query,
    columnCode: `c.${columns.column('code')}`,
    division: `d.${departments.column('documentId')}`,
    firstPublished,
    documentId: `t.${item.column('documentId')}`,
    title: `t.${item.column('title')}`,
    indexNumber: 'm.index_number',
  };
}

const uidsFor = (filter: Filter) =>
  CATALOGUE_ITEM_UIDS.filter((uid) => !filter.uid || filter.uid === uid);

/** `(part) UNION ALL (part) …` as one derived table named `items`. */
const unionAll = (knex: Knex, parts: Knex.QueryBuilder[]) => {
  // Raw SQL: knex's unionAll wraps each part in parentheses, which SQLite rejects.
  const sql = parts.map((part) => part.toSQL());
  return knex.from(
    knex.raw(
      `(${sql.map((part) => part.sql).join(' UNION ALL ')}) as items`,
      sql.flatMap((part) => part.bindings as Knex.Value[])
    )
  );
};

/** Counts grouped by column, division, month, genre and type: one row per combination. */
async function groupedCounts(context: StatisticsContext) {
  const { knex } = context;
  const parts = CATALOGUE_ITEM_UIDS.map((uid) => {
    const rows = itemRows(context, uid, {});
    return rows.query.select({
      column_code: rows.columnCode,
      division: rows.division,
      genre: 'm.genre',
      month: monthOf(context, rows.firstPublished),
      item_type: knex.raw('?', [uid]),
    });
  });
  const result = await unionAll(knex, parts)
    .select('column_code', 'division', 'genre', 'month', 'item_type')
    .count({ n: '*' })
    .groupBy('column_code', 'division', 'genre', 'month', 'item_type');
  return (result as Array<Record<string, unknown>>).map((row) => ({
    columnCode: (row.column_code as string | null) ?? null,
    division: (row.division as string | null) ?? null,
    genre: (row.genre as string | null) ?? null,
    month: Number(row.month),
    type: row.item_type as string,
    count: toCount(row.n),
  }));
}

type Grouped = Awaited<ReturnType<typeof groupedCounts>>;

const sumBy = (rows: Grouped, keyOf: (row: Grouped[number]) => string | null) => {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row) ?? NONE;
    totals.set(key, (totals.get(key) ?? 0) + row.count);
  }
  return totals;
};

const descendantCodes = (node: ColumnNode): string[] => [
  node.code,
  ...node.children.flatMap(descendantCodes),
];

export function catalogueItemsProvider(): StatisticsProvider {
  const columnTree = async (context: StatisticsContext) =>
    buildColumnTree(
      (await context.strapi.documents(UID.column).findMany({
        locale: context.locale,
        status: 'published',
        fields: ['code', 'name', 'kind', 'sortOrder', 'updateClass', 'locale'],
        populate: { parent: { fields: ['code'] } },
      })) as unknown as ColumnRow[]
    );

  const findColumn = (nodes: ColumnNode[], code: string): ColumnNode | undefined => {
    for (const node of nodes) {
      if (node.code === code) return node;
      const found = findColumn(node.children, code);
      if (found) return found;
    }
    return undefined;
  };

  /** The codes of these columns and every column under them. */
  const categoryCodes = (tree: ColumnNode[], codes: readonly string[]) => [
    ...new Set(
      codes.flatMap((code) => {
        const node = findColumn(tree, code);
        return node ? descendantCodes(node) : [code];
      })
    ),
  ];

  /** Parses `items.<figure>[:<arg>]` into a filter, or null when it is not an items figure. */
  const filterFor = async (context: StatisticsContext, figure: string): Promise<Filter | null> => {
    const [name, arg] = splitFigureKey(figure);
    switch (name) {
      case 'items.total':
        return arg === undefined ? {} : null;
      case 'items.column':
        if (arg === NONE) return { noColumn: true };
        return arg ? { columnCodes: [arg] } : null;
      case 'items.columnTree': {
        const node = arg ? findColumn(await columnTree(context), arg) : undefined;
        return node ? { columnCodes: descendantCodes(node) } : null;
      }
      case 'items.division':
        return arg ? { division: arg } : null;
      case 'items.month': {
        const month = /^(?:[1-9]|1[0-2])$/.test(arg ?? '') ? Number(arg) : NaN;
        return Number.isInteger(month) ? { month } : null;
      }
      case 'items.genre':
        return arg && (arg === NONE || Object.hasOwn(GENRE_LABELS, arg)) ? { genre: arg } : null;
      case 'items.type':
        return arg && Object.hasOwn(TYPE_LABELS, arg) ? { uid: arg } : null;
      case 'items.websiteCategory': {
        if (!arg || !Object.hasOwn(WEBSITE_CATEGORIES, arg)) return null;
        const category = WEBSITE_CATEGORIES[arg as WebsiteCategory];
        return {
          columnCodes: categoryCodes(await columnTree(context), category.columns),
          withProfiles: category.withProfiles,
        };
      }
      default:
        return null;
    }
  };

  return {
    name: 'items',
    label: { 'zh-Hans': '主动公开信息', en: 'Published items' },
    // Published versions only, their titles as published.
    isPublic: true,

    async compute(context) {
      const [grouped, tree, divisions] = await Promise.all([
        groupedCounts(context),
        columnTree(context),
        context.strapi.documents(UID.department).findMany({
          locale: context.locale,
          status: 'published',
          fields: ['name', 'code', 'sortOrder'],
          sort: ['sortOrder:asc', 'code:asc'],
        }),
      ]);
      const total = grouped.reduce((sum, row) => sum + row.count, 0);
      const perColumn = sumBy(grouped, (row) => row.columnCode);
      const toNode = (node: ColumnNode): FigureNode => {
        const children = node.children.map(toNode);
        const own = perColumn.get(node.code) ?? 0;
        const ownFigure: Figure = {
          key: `items.column:${node.code}`,
          label: node.name,
          value: own,
        };
        if (children.length === 0) return ownFigure;
        return {
          key: `items.columnTree:${node.code}`,
          label: node.name,
          value: own + children.reduce((sum, child) => sum + child.value, 0),
          own: { ...ownFigure, label: `${node.name}（本栏目）` },
          children,
        };
      };
      const byColumn: FigureNode[] = tree.map(toNode);
      const knownCodes = new Set(tree.flatMap(descendantCodes));
      // Items in no column, or in a column not in the published tree, are listed rather than lost.
      for (const [code, count] of perColumn) {
        if (knownCodes.has(code)) continue;
        byColumn.push({
          key: `items.column:${code}`,
          label: code === NONE ? '未归入栏目' : code,
          value: count,
        });
      }
      const perDivision = sumBy(grouped, (row) => row.division);
      const byDivision: Figure[] = divisions.map((division) => ({
        key: `items.division:${division.documentId}`,
        label: String(division.name),
        value: perDivision.get(division.documentId) ?? 0,
      }));
      if (perDivision.has(NONE)) {
        byDivision.push({
          key: `items.division:${NONE}`,
          label: '未指定处室',
          value: perDivision.get(NONE)!,
        });
      }
      const perMonth = sumBy(grouped, (row) => String(row.month));
      const perGenre = sumBy(grouped, (row) => row.genre);
      const perType = sumBy(grouped, (row) => row.type);
      const profiles = await profileCount(context);
      const byWebsiteCategory: Figure[] = (
        Object.keys(WEBSITE_CATEGORIES) as WebsiteCategory[]
      ).map((name) => {
        const category = WEBSITE_CATEGORIES[name];
        const codes = categoryCodes(tree, category.columns);
        return {
          key: `items.websiteCategory:${name}`,
          label: category.label,
          value:
            codes.reduce((sum, code) => sum + (perColumn.get(code) ?? 0), 0) +
            (category.withProfiles ? profiles : 0),
        };
      });
      return {
        total: { key: 'items.total', label: '本年首次发布信息总数', value: total },
        byColumn,
        byDivision,
        byMonth: Array.from({ length: 12 }, (_, index) => ({
          key: `items.month:${index + 1}`,
          label: `${index + 1}月`,
          value: perMonth.get(String(index + 1)) ?? 0,
        })),
        byGenre: [...Object.keys(GENRE_LABELS), NONE]
          .filter((code) => perGenre.has(code))
          .map((code) => ({
            key: `items.genre:${code}`,
            label: GENRE_LABELS[code] ?? '未标注体裁',
            value: perGenre.get(code)!,
          })),
        byType: CATALOGUE_ITEM_UIDS.map((uid) => ({
          key: `items.type:${uid}`,
          label: TYPE_LABELS[uid],
          value: perType.get(uid) ?? 0,
        })),
        // The 政府网站工作年度报表's 信息发布 categories.
        byWebsiteCategory,
      };
    },

    async records(context, figure, page: Page): Promise<RecordPage | null> {
      const filter = await filterFor(context, figure);
      if (!filter) return null;
      const { knex } = context;
      const parts = uidsFor(filter).map((uid) => {
        const rows = itemRows(context, uid, filter);
        return rows.query.select({
          uid: knex.raw('?', [uid]),
          document_id: rows.documentId,
          title: rows.title,
          first_published_at: rows.firstPublished,
          index_number: rows.indexNumber,
        });
      });
      if (filter.withProfiles) {
        parts.push(...PROFILE_TYPES.map(({ uid, title }) => profileRows(context, uid, title)));
      }
      const { total, rows: results } = await pageOf(
        unionAll(knex, parts).select('*'),
        [
          { column: 'first_published_at', order: 'desc' },
          { column: 'document_id', order: 'asc' },
        ],
        page
      );
      return {
        figure,
        total,
        results: results.map((row) => ({
          uid: String(row.uid),
          documentId: String(row.document_id),
          locale: context.locale,
          title: (row.title as string | null) ?? null,
          date: toIso(row.first_published_at),
          indexNumber: (row.index_number as string | null) ?? null,
        })),
      };
    },
  };
}
