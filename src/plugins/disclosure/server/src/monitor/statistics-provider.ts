/**
 * The monitor's figures of a year (`monitor.*`): the timed columns that were stale at some time in
 * the year and the days each spent stale, and the blank columns (decision 0031, addendum). Counted
 * by the monitor service over today's published columns, to today in the current year.
 *
 * Internal (`isPublic: false`): the monitor is the coordinator's tool (its page and endpoints are
 * `monitor.read`). Its columns are the published catalogue columns and its days come from
 * published items only, but a public answer is not needed: the figures reach the public through
 * the annual report's 存在的主要问题及改进情况 once it is reviewed and published.
 */
import { getService } from '../get-service';
import { splitFigureKey, type FigureRecord, type StatisticsProvider } from '../reporting/sdk';
import { beijingDate } from '../../../shared/kernel/dates';
import {
  monitorFigures,
  staleDaysListIn,
  type ColumnYearDetail as Column,
  type YearColumns as Facts,
} from './domain/year-figures';

/** Whether the year has begun (Beijing): a year to come has nothing stale and nothing blank yet. */
const hasBegun = (facts: Facts) => facts.to >= `${facts.year}-01-01`;

/** The records behind a figure key, or null when it is not one of the monitor's. */
function recordsOf(facts: Facts, figure: string): FigureRecord[] | null {
  const uid = facts.columnType ?? '';
  const column = (entry: Column): FigureRecord => ({
    uid,
    documentId: entry.documentId,
    locale: entry.locale,
    title: entry.blank
      ? `${entry.name}：本年度无内容`
      : `${entry.name}：本年度超期${entry.staleDays}天`,
    date: entry.dates.filter((date) => date <= facts.to).pop() ?? null,
  });
  const days = (entry: Column): FigureRecord[] =>
    staleDaysListIn(entry.dates, entry.limitDays, `${facts.year}-01-01`, facts.to).map((day) => ({
      uid,
      documentId: entry.documentId,
      locale: entry.locale,
      title: `${entry.name}：超过更新期限（${entry.limitDays}天）未更新，最近发布${day.since}`,
      date: day.date,
    }));
  const byCode = (code: string) => facts.columns.find((entry) => entry.code === code);
  const [name, code] = splitFigureKey(figure);
  if (!hasBegun(facts)) return name.startsWith('monitor.') ? [] : null;
  switch (code === undefined ? name : `${name}:`) {
    case 'monitor.staleColumns':
      return facts.columns.filter((entry) => entry.staleDays > 0).map(column);
    case 'monitor.staleDays':
      return facts.columns.flatMap(days);
    case 'monitor.blankColumns':
      return facts.columns.filter((entry) => entry.blank).map(column);
    case 'monitor.staleDays:': {
      const entry = byCode(code!);
      return entry ? days(entry) : null;
    }
    case 'monitor.blank:': {
      const entry = byCode(code!);
      return entry ? (entry.blank ? [column(entry)] : []) : null;
    }
    default:
      return null;
  }
}

export function monitorProvider(): StatisticsProvider {
  return {
    name: 'monitor',
    label: { 'zh-Hans': '栏目更新监测', en: 'Column timeliness' },
    isPublic: false,

    async compute(context) {
      const facts = await getService(context.strapi, 'monitor').yearColumns(
        context.year,
        beijingDate(new Date())
      );
      return monitorFigures(hasBegun(facts) ? facts.columns : []);
    },

    async records(context, figure, page) {
      if (!figure.startsWith('monitor.')) return null;
      const facts = await getService(context.strapi, 'monitor').yearColumns(
        context.year,
        beijingDate(new Date())
      );
      const matching = recordsOf(facts, figure);
      if (!matching) return null;
      const from = (page.page - 1) * page.pageSize;
      return {
        figure,
        total: matching.length,
        results: matching.slice(from, from + page.pageSize),
      };
    },
  };
}
