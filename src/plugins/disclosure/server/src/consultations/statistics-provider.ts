/**
 * The figures of 调查征集 of a year (`consultations.*`), computed by domain/figures.ts. Public:
 * they count only what the website shows — consultations whose announcement the review
 * published, the number of comments they received (the website shows it too), summaries
 * published — and the records behind them are those published consultations, never a comment's
 * text or its commenter. Read with the statistics' connection: the plugin's own tables and the
 * published rows of the articles the consultations made.
 */
import {
  namesOf,
  toDateOnly,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import { UID } from '../kernel/constants';
import { beijingDate } from '../../../shared/kernel/dates';
import {
  consultationFigures,
  entriesOf,
  FIGURE_KEYS,
  type ConsultationFigureFacts,
  type FigureKey,
} from './domain/figures';
import type { ArticleRef } from './services/consultations';

const json = <T>(value: unknown): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? null);

/** The first publication date of an article, or null while it is not published. */
async function publishedOn(
  context: StatisticsContext,
  ref: ArticleRef | null | undefined
): Promise<string | null> {
  if (!ref) return null;
  const names = namesOf(context.strapi, ref.contentType);
  const attributes = context.strapi.contentType(ref.contentType as never)?.attributes ?? {};
  const query = context.knex
    .from(names.table)
    .select({
      publishedAt: names.column('publishedAt'),
      ...('firstPublishedAt' in attributes
        ? { firstPublishedAt: names.column('firstPublishedAt') }
        : {}),
    })
    .where(names.column('documentId'), ref.documentId)
    .whereNotNull(names.column('publishedAt'))
    .first();
  if (ref.locale && 'locale' in attributes) query.where(names.column('locale'), ref.locale);
  const row = (await query) as { publishedAt: unknown; firstPublishedAt?: unknown } | undefined;
  if (!row) return null;
  const at = row.firstPublishedAt ?? row.publishedAt;
  return at ? beijingDate(new Date(at as string)) : null;
}

async function allFacts(context: StatisticsContext): Promise<ConsultationFigureFacts[]> {
  const consultations = namesOf(context.strapi, UID.consultation);
  const comments = namesOf(context.strapi, UID.consultationComment);
  const rows = (await context.knex
    .from(consultations.table)
    .select({
      id: consultations.column('id'),
      documentId: consultations.column('documentId'),
      title: consultations.column('title'),
      opensOn: consultations.column('opensOn'),
      announcement: consultations.column('announcement'),
      summary: consultations.column('summary'),
    })
    .whereNot(consultations.column('state'), 'draft')
    .orderBy(consultations.column('id'))) as Array<Record<string, unknown>>;
  const received = (await context.knex
    .from(comments.table)
    .select({
      consultationId: comments.column('consultationId'),
      receivedOn: comments.column('receivedOn'),
    })
    .orderBy(comments.column('number'))) as Array<{ consultationId: unknown; receivedOn: unknown }>;
  const facts: ConsultationFigureFacts[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    facts.push({
      id,
      documentId: String(row.documentId),
      title: String(row.title),
      opensOn: toDateOnly(row.opensOn) ?? '',
      announcementPublishedOn: await publishedOn(context, json<ArticleRef>(row.announcement)),
      summaryPublishedOn: await publishedOn(
        context,
        json<{ article: ArticleRef | null }>(row.summary)?.article
      ),
      commentDates: received
        .filter((comment) => Number(comment.consultationId) === id)
        .map((comment) => toDateOnly(comment.receivedOn) ?? ''),
    });
  }
  return facts;
}

export function consultationsProvider(): StatisticsProvider {
  return {
    name: 'consultations',
    label: { 'zh-Hans': '调查征集', en: 'Public consultations' },
    // Counts of what the website shows; the records are published consultations.
    isPublic: true,

    async compute(context) {
      return consultationFigures(await allFacts(context), context.year);
    },

    async records(context, figure, page) {
      if (!(FIGURE_KEYS as readonly string[]).includes(figure)) return null;
      const entries = entriesOf(await allFacts(context), figure as FigureKey, context.year);
      const from = (page.page - 1) * page.pageSize;
      return {
        figure,
        total: entries.length,
        results: entries.slice(from, from + page.pageSize).map(({ facts, date, number }) => ({
          uid: UID.consultation,
          // The public id, as the website's: never the row's sequential one.
          documentId: facts.documentId,
          locale: null,
          title: number ? `《${facts.title}》意见${number}` : `《${facts.title}》`,
          date,
        })),
      };
    },
  };
}
