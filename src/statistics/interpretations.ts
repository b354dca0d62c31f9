/**
 * 政策解读 published in the year and their timeliness (`interpretations.*`): an interpretation is
 * due within 3 working days of its policy document's first publication (domain.md §2; working days
 * by the Chinese calendar). The calendar arithmetic happens once per day of the year in
 * JavaScript and is handed to the query as a VALUES table, so the counting stays in SQL.
 */
import type { Knex } from 'knex';
import { UID } from '../constants';
import {
  WorkingDayCalendar,
  beijingDate,
  beijingMidnight,
  disclosureService,
  instant,
  namesOf,
  pageOf,
  toCount,
  toIso,
  type StatisticsContext,
  type StatisticsProvider,
} from 'strapi-plugin-gov-disclosure/sdk';

export const INTERPRETATION_DUE_WORKING_DAYS = 3;

const CATEGORIES = ['onTime', 'late', 'unlinked'] as const;
type Category = (typeof CATEGORIES)[number];

const LABELS: Record<Category | 'published', string> = {
  published: '本年发布政策解读',
  onTime: '文件发布后3个工作日内解读',
  late: '超过3个工作日解读',
  unlinked: '未关联已发布的政策文件',
};

/**
 * The 政府网站工作年度报表's split of 解读信息发布: 解读材料 are written (文字、专家、领导解读),
 * 解读产品 are made for the eye and ear (图解、音视频). Media commentary is not on record.
 */
export const INTERPRETATION_KINDS = {
  materials: { label: '解读材料数量', forms: ['text', 'expert', 'official'] },
  products: { label: '解读产品数量', forms: ['graphic', 'video'] },
} as const;
type Kind = keyof typeof INTERPRETATION_KINDS;
const isKind = (name: string): name is Kind => Object.hasOwn(INTERPRETATION_KINDS, name);

const DAY_MS = 24 * 60 * 60 * 1000;

/** (day start, next day start, due before) for every Beijing day a document could be due from. */
function dueCalendar(year: number, calendar: WorkingDayCalendar) {
  const days: Array<[Date, Date, Date]> = [];
  for (let start = beijingMidnight(year - 1, 12, 1); start < beijingMidnight(year + 1);) {
    const next = new Date(start.getTime() + DAY_MS);
    const date = beijingDate(start);
    const due = calendar.addWorkingDays(date, INTERPRETATION_DUE_WORKING_DAYS);
    const [y, m, d] = due.split('-').map(Number);
    days.push([start, next, new Date(beijingMidnight(y, m, d).getTime() + DAY_MS)]);
    start = next;
  }
  return days;
}

async function interpretationRows(context: StatisticsContext) {
  const { knex, strapi } = context;
  const item = namesOf(strapi, UID.policyInterpretation);
  const policy = namesOf(strapi, UID.policyDocument);
  const link = item.link('policyDocument');
  const itemFirst = `i.${item.column('firstPublishedAt')}`;
  const policyFirst = `p.${policy.column('firstPublishedAt')}`;
  const cast = context.dialect === 'postgres' ? 'CAST(? AS timestamptz)' : '?';
  // The coordinator's calendar overrides count here too.
  const calendar = dueCalendar(
    context.year,
    (await disclosureService(strapi, 'calendar').current()) as WorkingDayCalendar
  );
  const values = knex.raw(
    `SELECT * FROM (VALUES ${calendar.map(() => `(${cast}, ${cast}, ${cast})`).join(', ')}) AS cal`,
    calendar.flatMap((day) => day.map((at) => instant(context, at)))
  );
  // column1..3 are the names both databases give the columns of a VALUES list.
  const category = knex.raw(
    `CASE WHEN p.id IS NULL THEN 'unlinked'
          WHEN ${policyFirst} >= ${itemFirst} OR ${itemFirst} < cal.column3 THEN 'onTime'
          ELSE 'late' END`
  );
  const query = knex
    .from({ i: item.table })
    .leftJoin({ l: link.table }, `l.${link.owner}`, 'i.id')
    .leftJoin({ p: policy.table }, (on) => {
      on.on('p.id', '=', `l.${link.target}`).andOnNotNull(`p.${policy.column('publishedAt')}`);
    })
    .leftJoin(knex.raw('(?) AS cal', [values]), (on) => {
      on.on(policyFirst, '>=', 'cal.column1').andOn(policyFirst, '<', 'cal.column2');
    })
    .where('i.locale', context.locale)
    .whereNotNull(`i.${item.column('publishedAt')}`)
    .where(itemFirst, '>=', instant(context, context.from))
    .where(itemFirst, '<', instant(context, context.to));
  return { query, category, item, itemFirst };
}

export function interpretationsProvider(): StatisticsProvider {
  return {
    name: 'interpretations',
    label: { 'zh-Hans': '政策解读', en: 'Policy interpretations' },
    // Published interpretations and documents only.
    isPublic: true,

    async compute(context) {
      const { query, category, item } = await interpretationRows(context);
      const rows = (await context.knex
        .from(query.clone().select({ category }).as('x'))
        .select('category')
        .count({ n: '*' })
        .groupBy('category')) as Array<{ category: string; n: unknown }>;
      const counts = new Map(rows.map((row) => [row.category, toCount(row.n)]));
      const formColumn = `i.${item.column('form')}`;
      const forms = (await query
        .clone()
        .clearSelect()
        .select({ form: formColumn })
        .count({ n: '*' })
        .groupBy(formColumn)) as Array<{ form: string | null; n: unknown }>;
      const byForm = new Map(forms.map((row) => [row.form, toCount(row.n)]));
      const kind = (name: Kind) => ({
        key: `interpretations.${name}`,
        label: INTERPRETATION_KINDS[name].label,
        value: INTERPRETATION_KINDS[name].forms.reduce(
          (sum, form) => sum + (byForm.get(form) ?? 0),
          0
        ),
      });
      const figure = (name: Category | 'published', value: number) => ({
        key: `interpretations.${name}`,
        label: LABELS[name],
        value,
      });
      return {
        published: figure(
          'published',
          [...counts.values()].reduce((sum, n) => sum + n, 0)
        ),
        dueWorkingDays: INTERPRETATION_DUE_WORKING_DAYS,
        ...Object.fromEntries(
          CATEGORIES.map((name) => [name, figure(name, counts.get(name) ?? 0)])
        ),
        materials: kind('materials'),
        products: kind('products'),
      };
    },

    async records(context, figure, page) {
      const name = figure.replace(/^interpretations\./, '');
      if (!figure.startsWith('interpretations.')) return null;
      if (name !== 'published' && !CATEGORIES.includes(name as Category) && !isKind(name)) {
        return null;
      }
      const { query, category, item, itemFirst } = await interpretationRows(context);
      const rows = context.knex
        .from(
          query
            .clone()
            .select({
              category,
              document_id: `i.${item.column('documentId')}`,
              title: `i.${item.column('title')}`,
              first_published_at: itemFirst,
              form: `i.${item.column('form')}`,
            })
            .as('x')
        )
        .modify((builder: Knex.QueryBuilder) => {
          if (isKind(name)) builder.whereIn('form', [...INTERPRETATION_KINDS[name].forms]);
          else if (name !== 'published') builder.where('category', name);
        });
      const { total, rows: results } = await pageOf(
        rows.select('*'),
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
          uid: UID.policyInterpretation,
          documentId: String(row.document_id),
          locale: context.locale,
          title: (row.title as string | null) ?? null,
          date: toIso(row.first_published_at),
        })),
      };
    },
  };
}
