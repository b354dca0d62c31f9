/** The monitor's query parameters: a 400 naming the parameter at fault (kernel/validation.ts). */
import { beijingYear } from '../../../shared/kernel/dates';
import { queryOf, validateKeyed, yearParameter, type YearRefusals } from '../kernel/validation';

const MONITOR_YEAR: YearRefusals = {
  missing: () => '"year" is required.',
  format: (text) => `"year" must be a whole number, not "${text}".`,
  range: (text, { from, to }) =>
    `Unknown year "${text}": give a calendar year from ${from} to ${to}.`,
};

const validateYear = validateKeyed(queryOf({ year: yearParameter(MONITOR_YEAR) }));

/** GET /disclosure/monitor/columns: takes no parameters. */
export const validateColumnsQuery = validateKeyed(queryOf({}));

/** GET /disclosure/monitor/heat-map?year= and /monitor/year?year=: the year, this one by default. */
export function validateYearQuery(query: Record<string, unknown>): { year: number } {
  const { year } = validateYear({
    ...query,
    year: query.year ?? String(beijingYear(new Date())),
  });
  return { year: year as number };
}
