/**
 * The monitor's figures of a year as statistics (`monitor.*`): the days each timed column spent
 * stale and the blank columns, and the records behind them. Pure.
 *
 * The drill-down total equals the figure: a column count lists the columns; a count of days lists
 * the days — one record per column and stale day, naming the publication it is stale after.
 */
import { addDays, daysBetween } from './timeliness';

/** One stale day of a column: the date, and the newest first publication before it. */
export interface StaleDay {
  date: string;
  since: string;
}

/**
 * The days of [from, to] a column of `limitDays` spent stale, in order (the days `staleDaysIn`
 * counts): a day is stale when the newest publication on or before it is more than `limitDays`
 * old. Days before its first publication are blank, not stale.
 */
export function staleDaysListIn(
  publications: readonly string[],
  limitDays: number,
  from: string,
  to: string
): StaleDay[] {
  const dates = [...new Set(publications)].filter((date) => date <= to).sort();
  const stale: StaleDay[] = [];
  let previous: string | null = null;
  for (const date of dates.filter((date) => date < from)) previous = date;
  let cursor = from;
  for (const date of [...dates.filter((date) => date >= from), addDays(to, 1)]) {
    if (previous !== null) {
      const firstStale = addDays(previous, limitDays + 1);
      const start = firstStale > cursor ? firstStale : cursor;
      const end = addDays(date, -1);
      if (start <= end) {
        const count = daysBetween(start, end) + 1;
        for (let day = 0; day < count; day += 1) {
          stale.push({ date: addDays(start, day), since: previous });
        }
      }
    }
    previous = date;
    cursor = date;
  }
  return stale;
}

/** A timed column's year, as the statistics provider reads it from the monitor service. */
export interface ColumnYearFacts {
  code: string;
  name: string;
  staleDays: number;
  blank: boolean;
}

/** The same with what the records need: its column document, its dates and its limit. */
export interface ColumnYearDetail extends ColumnYearFacts {
  documentId: string;
  locale: string;
  /** Its first-publication dates up to the last day counted, in order. */
  dates: string[];
  limitDays: number;
}

/** The timed columns of a year, counted to `to` (the year's end, or today in the current year). */
export interface YearColumns {
  year: number;
  to: string;
  /** The catalogue's column type (the records' uid), null when no type names a column. */
  columnType: string | null;
  columns: ColumnYearDetail[];
}

export interface FigureOf {
  key: string;
  label: string;
  value: number;
}

/**
 * The `monitor` section: how many columns were stale at some time in the year and the days they
 * spent stale (in all and per column, every timed column in catalogue order), the blank columns
 * (in all and per column).
 */
export function monitorFigures(columns: readonly ColumnYearFacts[]) {
  const stale = columns.filter((column) => column.staleDays > 0);
  const blank = columns.filter((column) => column.blank);
  return {
    staleColumns: {
      key: 'monitor.staleColumns',
      label: '曾超过更新期限的栏目数',
      value: stale.length,
    },
    staleDays: {
      key: 'monitor.staleDays',
      label: '超期未更新累计天数',
      value: stale.reduce((sum, column) => sum + column.staleDays, 0),
    },
    staleDaysByColumn: columns.map((column): FigureOf => ({
      key: `monitor.staleDays:${column.code}`,
      label: column.name,
      value: column.staleDays,
    })),
    blankColumns: {
      key: 'monitor.blankColumns',
      label: '空白栏目数',
      value: blank.length,
    },
    blankByColumn: columns.map((column): FigureOf => ({
      key: `monitor.blank:${column.code}`,
      label: column.name,
      value: column.blank ? 1 : 0,
    })),
  };
}
