/**
 * Working days by the Chinese calendar (public holidays off, 调休 weekend days worked), from the
 * `chinese-days` data of the State Council notices. Pure.
 */
import { findWorkday, isWorkday } from 'chinese-days';

/** The `n`th working day after `date` (YYYY-MM-DD; the day itself is not counted). */
export const addWorkingDays = (date: string, n: number): string => findWorkday(n, date);

/** Whether `date` (YYYY-MM-DD) is a working day. */
export const isWorkingDay = (date: string): boolean => isWorkday(date);

/**
 * Whether `later` falls within `n` working days after `earlier` (both YYYY-MM-DD): on the same
 * day, or on or before the `n`th working day after it.
 */
export const isWithinWorkingDays = (earlier: string, later: string, n: number): boolean =>
  later <= addWorkingDays(earlier, n);
