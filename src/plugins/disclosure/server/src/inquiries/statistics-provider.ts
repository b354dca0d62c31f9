/**
 * The figures of 留言办理 of a year (`inquiries.*`), computed by domain/figures.ts from the
 * plugin's own table (a bureau's few hundred messages a year: read whole). Public: the counts are
 * what the annual report publishes anyway. The records behind a key are de-identified for every
 * audience: channel, kind, category, dates and working days under the case's internal number —
 * never the subject or message, the reply, a name, a contact, a tracking number or a query code.
 * A published Q&A is listed as its published article.
 */
import type { Knex } from 'knex';
import {
  namesOf,
  toDateOnly,
  toIso,
  type FigureRecord,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import { UID } from '../kernel/constants';
import { beijingDate } from '../../../shared/kernel/dates';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  KIND_LABELS,
  type InquiryPublication,
} from '../../../shared/inquiries/contracts';
import { FIGURE_RULES, inquiryFigures, type FigureFacts } from './domain/figures';

const COLUMNS = [
  'id',
  'channel',
  'kind',
  'category',
  'state',
  'receivedOn',
  'repliedOn',
  'workingDays',
  'publication',
] as const;

interface Facts extends FigureFacts {
  article: { uid: string; documentId: string; locale: string; title: string | null } | null;
}

const parsed = (value: unknown): InquiryPublication | null => {
  if (!value) return null;
  if (typeof value === 'string') return JSON.parse(value) as InquiryPublication;
  return value as InquiryPublication;
};

/** The published version of a Q&A's article: its title and first publication date, or null. */
async function publishedArticle(
  context: StatisticsContext,
  item: NonNullable<InquiryPublication['item']>
): Promise<{ title: string | null; publishedOn: string } | null> {
  const names = namesOf(context.strapi, item.contentType);
  let first: string;
  try {
    first = names.column('firstPublishedAt');
  } catch {
    first = names.column('publishedAt');
  }
  const row = (await (context.knex as Knex)
    .from(names.table)
    .select({ title: names.column('title'), first, published: names.column('publishedAt') })
    .where(names.column('documentId'), item.documentId)
    .andWhere(names.column('locale'), item.locale)
    .whereNotNull(names.column('publishedAt'))
    .first()) as { title: unknown; first: unknown; published: unknown } | undefined;
  if (!row) return null;
  const at = toIso(row.first) ?? toIso(row.published);
  return at
    ? { title: row.title ? String(row.title) : null, publishedOn: beijingDate(new Date(at)) }
    : null;
}

async function allFacts(context: StatisticsContext): Promise<Facts[]> {
  const names = namesOf(context.strapi, UID.inquiry);
  const rows = (await context.knex
    .from(names.table)
    .select(Object.fromEntries(COLUMNS.map((column) => [column, names.column(column)])))
    .orderBy(names.column('id'))) as Array<Record<(typeof COLUMNS)[number], unknown>>;
  const facts: Facts[] = [];
  for (const row of rows) {
    const item = parsed(row.publication)?.item ?? null;
    const published = item ? await publishedArticle(context, item) : null;
    facts.push({
      id: Number(row.id),
      channel: row.channel as Facts['channel'],
      kind: row.kind as Facts['kind'],
      category: row.category as Facts['category'],
      state: row.state as Facts['state'],
      receivedOn: toDateOnly(row.receivedOn) ?? '',
      repliedOn: toDateOnly(row.repliedOn),
      workingDays: row.workingDays === null ? null : Number(row.workingDays),
      publishedOn: published?.publishedOn ?? null,
      article:
        item && published
          ? {
              uid: item.contentType,
              documentId: item.documentId,
              locale: item.locale,
              title: published.title,
            }
          : null,
    });
  }
  return facts;
}

/** One record, de-identified: what kind of message, when, how long it took. */
const recordOf = (facts: Facts, figure: string): FigureRecord => {
  if (figure === 'inquiries.publicAnswers' && facts.article) {
    return {
      uid: facts.article.uid,
      documentId: facts.article.documentId,
      locale: facts.article.locale,
      title: facts.article.title,
      date: facts.publishedOn,
    };
  }
  const answered = facts.repliedOn
    ? `；${facts.repliedOn} 答复（${facts.workingDays ?? 0}个工作日）`
    : '';
  const byAnswer =
    figure.startsWith('inquiries.closed') || figure === 'inquiries.averageWorkingDays';
  return {
    uid: UID.inquiry,
    documentId: String(facts.id),
    locale: null,
    title: `第${facts.id}号 ${CHANNEL_LABELS[facts.channel]}·${KIND_LABELS[facts.kind]}·${CATEGORY_LABELS[facts.category]}：${facts.receivedOn} 收到${answered}`,
    date: byAnswer ? facts.repliedOn : facts.receivedOn,
  };
};

export function inquiriesProvider(): StatisticsProvider {
  return {
    name: 'inquiries',
    label: { 'zh-Hans': '留言办理', en: 'Public inquiries and complaints' },
    // Counts the annual report publishes anyway, and de-identified records (see above).
    isPublic: true,

    async compute(context) {
      return inquiryFigures(await allFacts(context), context.year);
    },

    async records(context, figure, page) {
      const rule = FIGURE_RULES[figure];
      if (!rule) return null;
      const matching = (await allFacts(context)).filter((facts) => rule(facts, context.year));
      const from = (page.page - 1) * page.pageSize;
      return {
        figure,
        total: matching.length,
        results: matching.slice(from, from + page.pageSize).map((facts) => recordOf(facts, figure)),
      };
    },
  };
}
