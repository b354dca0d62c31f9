/**
 * Publishing-review figures of a year (`reviews.*`), from the plugin's own records: each step
 * taken in the year (audit trail), withholdings by reason category, and the time from submission
 * to publication of the items published in the year (review state rows).
 */
import {
  instant,
  millisecondsBetween,
  namesOf,
  pageOf,
  splitFigureKey,
  toCount,
  toIso,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import type { Core } from '@strapi/strapi';
import { UID } from '../kernel/constants';
import { WITHHOLD_LABELS, WITHHOLD_REASONS } from '../../../shared/review/workflow';

const STEPS = ['submit', 'approve', 'return', 'clear', 'withhold', 'publish', 'unpublish'] as const;

const STEP_LABELS: Record<(typeof STEPS)[number], string> = {
  submit: '提交审核',
  approve: '处室审核通过',
  return: '退回修改',
  clear: '保密审查通过',
  withhold: '不予公开',
  publish: '发布',
  unpublish: '撤稿',
};

const HOUR_MS = 60 * 60 * 1000;

function auditInYear(context: StatisticsContext) {
  const audit = namesOf(context.strapi, UID.auditEntry);
  const at = `a.${audit.column('at')}`;
  return {
    audit,
    query: context.knex
      .from({ a: audit.table })
      .where(at, '>=', instant(context, context.from))
      .where(at, '<', instant(context, context.to)),
    at,
  };
}

/** The value at a quantile of the sorted durations, read by OFFSET (no percentile function in SQLite). */
async function quantile(context: StatisticsContext, q: number, count: number) {
  if (count === 0) return null;
  const reviews = namesOf(context.strapi, UID.review);
  const published = reviews.column('publishedAt');
  const duration = millisecondsBetween(context, reviews.column('submittedAt'), published);
  const rows = (await context.knex
    .from(reviews.table)
    .where(published, '>=', instant(context, context.from))
    .where(published, '<', instant(context, context.to))
    .whereNotNull(reviews.column('submittedAt'))
    .select(context.knex.raw(`${duration} AS ms`))
    .orderBy('ms', 'asc')
    .limit(1)
    .offset(Math.min(count - 1, Math.ceil(q * count) - 1))) as Array<{ ms: unknown }>;
  return rows.length ? Math.round((Number(rows[0].ms) / HOUR_MS) * 10) / 10 : null;
}

export function reviewsProvider(_strapi: Core.Strapi): StatisticsProvider {
  return {
    name: 'reviews',
    label: { 'zh-Hans': '发布审核', en: 'Publishing review' },
    // Steps, withholdings and titles of items under review: the office's own.
    isPublic: false,

    async compute(context) {
      const { query } = auditInYear(context);
      const steps = (await query
        .clone()
        .select('action', 'category')
        .count({ n: '*' })
        .groupBy('action', 'category')) as Array<{
        action: string;
        category: string | null;
        n: unknown;
      }>;
      const perStep = new Map<string, number>();
      const perCategory = new Map<string, number>();
      for (const row of steps) {
        perStep.set(row.action, (perStep.get(row.action) ?? 0) + toCount(row.n));
        if (row.action === 'withhold' && row.category) {
          perCategory.set(row.category, (perCategory.get(row.category) ?? 0) + toCount(row.n));
        }
      }
      const reviews = namesOf(context.strapi, UID.review);
      const published = reviews.column('publishedAt');
      const [{ n }] = (await context.knex
        .from(reviews.table)
        .where(published, '>=', instant(context, context.from))
        .where(published, '<', instant(context, context.to))
        .whereNotNull(reviews.column('submittedAt'))
        .count({ n: '*' })) as Array<{ n: unknown }>;
      const timed = toCount(n);
      return {
        steps: STEPS.map((step) => ({
          key: `reviews.step:${step}`,
          label: STEP_LABELS[step],
          value: perStep.get(step) ?? 0,
        })),
        withheldByCategory: WITHHOLD_REASONS.map((category) => ({
          key: `reviews.withheld:${category}`,
          label: WITHHOLD_LABELS[category],
          value: perCategory.get(category) ?? 0,
        })),
        submissionToPublication: {
          items: timed,
          medianHours: await quantile(context, 0.5, timed),
          p90Hours: await quantile(context, 0.9, timed),
        },
      };
    },

    async records(context, figure, page) {
      const [name, arg = ''] = splitFigureKey(figure);
      const { query, at, audit } = auditInYear(context);
      let filtered;
      if (name === 'reviews.step' && (STEPS as readonly string[]).includes(arg)) {
        filtered = query.clone().where('a.action', arg);
      } else if (
        name === 'reviews.withheld' &&
        (WITHHOLD_REASONS as readonly string[]).includes(arg)
      ) {
        filtered = query.clone().where('a.action', 'withhold').where('a.category', arg);
      } else return null;
      const reviews = namesOf(context.strapi, UID.review);
      const { total, rows } = await pageOf(
        filtered
          .clone()
          .leftJoin({ r: reviews.table }, (on) => {
            on.on(`r.${reviews.column('itemUid')}`, '=', `a.${audit.column('itemUid')}`)
              .andOn(
                `r.${reviews.column('itemDocumentId')}`,
                '=',
                `a.${audit.column('itemDocumentId')}`
              )
              .andOn(`r.${reviews.column('itemLocale')}`, '=', `a.${audit.column('itemLocale')}`);
          })
          .select({
            uid: `a.${audit.column('itemUid')}`,
            documentId: `a.${audit.column('itemDocumentId')}`,
            locale: `a.${audit.column('itemLocale')}`,
            title: `r.${reviews.column('title')}`,
            at,
          }),
        [
          { column: at, order: 'desc' },
          { column: `a.${audit.column('seq')}`, order: 'desc' },
        ],
        page
      );
      return {
        figure,
        total,
        results: rows.map((row) => ({
          uid: String(row.uid),
          documentId: String(row.documentId),
          locale: (row.locale as string | null) ?? null,
          title: (row.title as string | null) ?? null,
          date: toIso(row.at),
        })),
      };
    },
  };
}
