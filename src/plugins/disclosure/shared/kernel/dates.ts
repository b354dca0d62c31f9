/**
 * Dates, defined once for the server and the admin. China Standard Time is UTC+8 all year (no
 * daylight saving): years and dates are counted there.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year in Beijing of an instant. */
export const beijingYear = (instant: Date): number =>
  new Date(instant.getTime() + OFFSET_MS).getUTCFullYear();

/** The instant a Beijing calendar day (month 1–12, day 1–31) begins. */
export const beijingMidnight = (year: number, month = 1, day = 1): Date =>
  new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);

/** A Beijing calendar year as the half-open range [from, to) of instants. */
export const beijingYearRange = (year: number): { from: Date; to: Date } => ({
  from: beijingMidnight(year),
  to: beijingMidnight(year + 1),
});

/** The instants the 12 months of a Beijing year begin, plus the start of the next year (13). */
export const beijingMonthStarts = (year: number): Date[] =>
  Array.from({ length: 13 }, (_, index) => beijingMidnight(year, index + 1));

/** The Beijing calendar date of an instant, as YYYY-MM-DD. */
export const beijingDate = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a value is a calendar date written YYYY-MM-DD (a day that exists). */
export const isDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

/** The calendar date `days` after a date (before it when negative), as YYYY-MM-DD. */
export const nextDate = (date: string, days = 1): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first year of the statistics and annual reports: the 条例 took effect on 2008-05-01. */
export const FIRST_STATISTICS_YEAR = 2008;

/** A range of years, both ends included. */
export interface YearRange {
  from: number;
  to: number;
}

/** The years the statistics and annual reports cover: 2008 to the current Beijing year. */
export const statisticsYears = (now: Date = new Date()): YearRange => ({
  from: FIRST_STATISTICS_YEAR,
  to: beijingYear(now),
});

/** What is wrong with a text given as a year: none given, not decimal digits, out of range. */
export type YearProblem = 'missing' | 'format' | 'range';

export type ParsedYear = { year: number; problem?: never } | { year?: never; problem: YearProblem };

/**
 * The one reading of a year as the API and the admin take it (query, path, URL): decimal digits
 * naming a year in `range` (the statistics years unless told), or what is wrong with the text.
 */
export function parseYear(text: unknown, range: YearRange = statisticsYears()): ParsedYear {
  if (text === undefined || text === null) return { problem: 'missing' };
  if (typeof text !== 'string' || !/^\d+$/.test(text)) return { problem: 'format' };
  const year = Number(text);
  return year >= range.from && year <= range.to ? { year } : { problem: 'range' };
}

/** A datetime as the driver returns it (Date on PostgreSQL, epoch ms on SQLite), in ISO form. */
export const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(
          typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string)
        );
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A date column as YYYY-MM-DD (PostgreSQL's driver may return a Date at local midnight). */
export function toDateOnly(value: string | Date): string;
export function toDateOnly(value: unknown): string | null;
export function toDateOnly(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
}
