/**
 * 二（一）: policy documents issued, repealed and in force (`policies.*`), per kind (规章 /
 * 行政规范性文件 / 其他文件). Counted on the published documents in the context's locale; a
 * document's dates are calendar dates (成文日期, 有效性日期), so the year needs no time zone.
 *
 * - issued: 成文日期 in the year;
 * - repealed: 废止 or 失效 with its date in the year;
 * - inForce: issued by the year's end and not repealed or expired by then (已修改 stays in force).
 */
import { UID } from '../constants';
import { DOCUMENT_KIND_LABELS } from './labels';
import {
  namesOf,
  pageOf,
  splitFigureKey,
  toCount,
  toDateOnly,
  type StatisticsContext,
  type StatisticsProvider,
} from 'strapi-plugin-gov-disclosure/sdk';

const FIGURES = ['issued', 'repealed', 'inForce'] as const;
type PolicyFigure = (typeof FIGURES)[number];

const FIGURE_LABELS: Record<PolicyFigure, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
};

const ENDED = ['repealed', 'expired'];

function policyQuery(context: StatisticsContext) {
  const names = namesOf(context.strapi, UID.policyDocument);
  const column = (attribute: string) => `t.${names.column(attribute)}`;
  const start = `${context.year}-01-01`;
  const end = `${context.year + 1}-01-01`;
  const written = column('dateWritten');
  const validity = column('validity');
  const validityDate = column('validityDate');
  const conditions: Record<PolicyFigure, [string, unknown[]]> = {
    issued: [`${written} >= ? AND ${written} < ?`, [start, end]],
    repealed: [
      `${validity} IN (?, ?) AND ${validityDate} >= ? AND ${validityDate} < ?`,
      [...ENDED, start, end],
    ],
    inForce: [
      `${written} < ? AND (${validity} IS NULL OR ${validity} NOT IN (?, ?) OR ${validityDate} >= ?)`,
      [end, ...ENDED, end],
    ],
  };
  const base = context.knex
    .from({ t: names.table })
    .where('t.locale', context.locale)
    .whereNotNull(column('publishedAt'));
  return { base, conditions, kind: column('documentKind'), names, column };
}

export function policiesProvider(): StatisticsProvider {
  return {
    name: 'policies',
    label: { 'zh-Hans': '政策文件', en: 'Policy documents' },
    // Published policy documents only.
    isPublic: true,

    async compute(context) {
      const { base, conditions, kind } = policyQuery(context);
      const { knex } = context;
      const sums = FIGURES.map((figure) =>
        knex.raw(`SUM(CASE WHEN ${conditions[figure][0]} THEN 1 ELSE 0 END) AS ??`, [
          ...(conditions[figure][1] as string[]),
          figure,
        ])
      );
      const rows = (await base.clone().select({ kind }).select(sums).groupBy(kind)) as Array<
        Record<string, unknown>
      >;
      const byKind = new Map(rows.map((row) => [String(row.kind), row]));
      return Object.fromEntries(
        FIGURES.map((figure) => [
          figure,
          Object.keys(DOCUMENT_KIND_LABELS).map((code) => ({
            key: `policies.${figure}:${code}`,
            label: `${DOCUMENT_KIND_LABELS[code]} ${FIGURE_LABELS[figure]}`,
            value: toCount(byKind.get(code)?.[figure]),
          })),
        ])
      );
    },

    async records(context, figure, page) {
      const [name, code = ''] = splitFigureKey(figure);
      const which = name.replace(/^policies\./, '') as PolicyFigure;
      if (
        !name.startsWith('policies.') ||
        !FIGURES.includes(which) ||
        !Object.hasOwn(DOCUMENT_KIND_LABELS, code)
      )
        return null;
      const { base, conditions, kind, column } = policyQuery(context);
      const query = base
        .clone()
        .where(kind, code)
        .whereRaw(conditions[which][0], conditions[which][1] as string[]);
      const { total, rows } = await pageOf(
        query.clone().select({
          documentId: column('documentId'),
          title: column('title'),
          dateWritten: column('dateWritten'),
          validityDate: column('validityDate'),
        }),
        [
          { column: column('dateWritten'), order: 'desc' },
          { column: column('documentId'), order: 'asc' },
        ],
        page
      );
      return {
        figure,
        total,
        results: rows.map((row) => ({
          uid: UID.policyDocument,
          documentId: String(row.documentId),
          locale: context.locale,
          title: (row.title as string | null) ?? null,
          date: toDateOnly(which === 'repealed' ? row.validityDate : row.dateWritten),
        })),
      };
    },
  };
}
