/**
 * The working-day calendar (工作日) of the Chinese State Council notices: public holidays are days
 * off and 调休 weekend days are worked. Data from `chinese-days` (checked against the notices
 * 2018–2026), plus overrides the coordinator adds when a new notice appears before the library
 * is updated (e.g. the next year's holidays). Dates are Beijing calendar dates, `YYYY-MM-DD`. Pure.
 */
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import type {
  CalendarDay as Day,
  CalendarOverride,
  DayKind,
} from '../../../../shared/kernel/contracts';
import { isDate, nextDate } from '../../../../shared/kernel/dates';

export { isDate, nextDate };

// A day is answered as it is (a request's deadline lists its holidays): its shape is the API's.
export type { Day, CalendarOverride, DayKind };

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

const libraryYears = new Map<number, boolean>();
/**
 * Whether `chinese-days` holds the State Council's arrangement for `year`: it lists the year's
 * holidays (every published year has at least 元旦). For a year it lacks, every Monday–Friday
 * counts as worked, so the answer is read from the package's own data, not a list kept here.
 */
export const isYearInLibrary = (year: number): boolean => {
  let known = libraryYears.get(year);
  if (known === undefined) {
    const padded = String(year).padStart(4, '0');
    known = getHolidaysInRange(`${padded}-01-01`, `${padded}-12-31`, false).length > 0;
    libraryYears.set(year, known);
  }
  return known;
};

export class WorkingDayCalendar {
  private readonly overrides: ReadonlyMap<string, CalendarOverride>;

  constructor(overrides: readonly CalendarOverride[] = []) {
    for (const override of overrides) {
      if (!isDate(override.date))
        throw new Error(`Calendar override date "${override.date}" is not YYYY-MM-DD`);
    }
    this.overrides = new Map(overrides.map((override) => [override.date, override]));
  }

  /** What kind of day `date` is, and why. */
  day(date: string): Day {
    if (!isDate(date)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
    const weekend = isWeekend(date);
    const override = this.overrides.get(date);
    if (override) {
      return {
        date,
        isWorking: override.isWorking,
        kind: override.isWorking
          ? weekend
            ? 'adjusted_working_day'
            : 'working_day'
          : weekend
            ? 'weekend'
            : 'holiday',
        holiday: override.note,
        override: override.note,
      };
    }
    const detail = getDayDetail(date);
    const [english, chinese] = detail.name.split(',');
    const named = chinese !== undefined;
    if (detail.work) {
      return weekend
        ? { date, isWorking: true, kind: 'adjusted_working_day', holiday: chinese ?? english }
        : { date, isWorking: true, kind: 'working_day' };
    }
    return named
      ? { date, isWorking: false, kind: 'holiday', holiday: chinese }
      : { date, isWorking: false, kind: 'weekend' };
  }

  /**
   * Whether the working days of `year` are known: the library holds its arrangement, or the
   * coordinator has entered an override in it (the year's notice).
   */
  isYearCovered(year: number): boolean {
    return (
      isYearInLibrary(year) ||
      [...this.overrides.keys()].some((date) => date.startsWith(`${year}-`))
    );
  }

  /** The years from `from`'s to `to`'s (dates) whose working days are not known, in order. */
  uncoveredYears(from: string, to: string): number[] {
    const years: number[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      if (!this.isYearCovered(year)) years.push(year);
    }
    return years;
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).isWorking;
  }

  /** The `n`th working day after `date` (the day itself not counted); `date` for n = 0. */
  addWorkingDays(date: string, n: number): string {
    let current = date;
    for (let counted = 0; counted < n;) {
      current = nextDate(current);
      if (this.isWorkingDay(current)) counted++;
    }
    return current;
  }

  /** The days after `from` up to and including `to`, each with its kind. */
  daysAfter(from: string, to: string): Day[] {
    const days: Day[] = [];
    for (let current = nextDate(from); current <= to; current = nextDate(current)) {
      days.push(this.day(current));
    }
    return days;
  }

  /** How many working days fall after `from`, up to and including `to`. */
  workingDaysBetween(from: string, to: string): number {
    return this.daysAfter(from, to).filter((day) => day.isWorking).length;
  }
}
