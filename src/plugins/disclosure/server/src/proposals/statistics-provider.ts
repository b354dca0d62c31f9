/**
 * The figures of 建议提案办理 of a year (`proposals.*`), computed by domain/figures.ts from the
 * plugin's own table (tens of cases a year: read whole with the statistics' connection). The
 * records behind a key are the cases it counts: their number and title, never the proposers.
 */
import {
  namesOf,
  toDateOnly,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import { UID } from '../kernel/constants';
import { KIND_LABELS } from '../../../shared/proposals/contracts';
import { FIGURE_RULES, proposalFigures, type FigureFacts } from './domain/figures';

const COLUMNS = [
  'id',
  'kind',
  'term',
  'meeting',
  'number',
  'title',
  'assignedOn',
  'firstRepliedOn',
  'resultClass',
  'feedback',
  'publicationMode',
  'publishedOn',
] as const;

type Facts = FigureFacts & { term: string; meeting: string };

async function allFacts(context: StatisticsContext): Promise<Facts[]> {
  const names = namesOf(context.strapi, UID.proposal);
  const rows = (await context.knex
    .from(names.table)
    .select(Object.fromEntries(COLUMNS.map((column) => [column, names.column(column)])))
    .orderBy(names.column('id'))) as Array<Record<(typeof COLUMNS)[number], unknown>>;
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind as Facts['kind'],
    term: String(row.term),
    meeting: String(row.meeting),
    number: String(row.number),
    title: String(row.title),
    assignedOn: toDateOnly(row.assignedOn) ?? '',
    firstRepliedOn: toDateOnly(row.firstRepliedOn),
    resultClass: (row.resultClass as Facts['resultClass']) ?? null,
    feedback: (row.feedback as Facts['feedback']) ?? null,
    publicationMode: (row.publicationMode as Facts['publicationMode']) ?? null,
    publishedOn: toDateOnly(row.publishedOn),
  }));
}

export function proposalsProvider(): StatisticsProvider {
  return {
    name: 'proposals',
    label: { 'zh-Hans': '建议提案办理', en: 'Suggestions and proposals' },
    // The office's own case records: the public learns the counts from the annual report.
    isPublic: false,

    async compute(context) {
      return proposalFigures(await allFacts(context), context.year);
    },

    async records(context, figure, page) {
      const rule = FIGURE_RULES[figure];
      if (!rule) return null;
      const matching = (await allFacts(context)).filter((facts) => rule(facts, context.year));
      const from = (page.page - 1) * page.pageSize;
      return {
        figure,
        total: matching.length,
        results: matching.slice(from, from + page.pageSize).map((facts) => ({
          uid: UID.proposal,
          documentId: String(facts.id),
          locale: null,
          title: `${KIND_LABELS[facts.kind]}${facts.term}${facts.meeting}第${facts.number}号：${facts.title}`,
          date:
            figure === 'proposals.published'
              ? facts.publishedOn
              : figure.startsWith('proposals.type') ||
                  figure === 'proposals.received' ||
                  figure === 'proposals.completed'
                ? facts.assignedOn
                : facts.firstRepliedOn,
        })),
      };
    },
  };
}
