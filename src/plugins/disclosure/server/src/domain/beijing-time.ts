/** China Standard Time is UTC+8 all year (no daylight saving): years and dates are counted there. */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year in Beijing of an instant. */
export const beijingYear = (instant: Date): number =>
  new Date(instant.getTime() + OFFSET_MS).getUTCFullYear();
