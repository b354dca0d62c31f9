/** The monitor's query parameters: a 400 naming the parameter at fault (kernel/validation.ts). */
import { beijingYear } from '../../../shared/kernel/dates';
import { yup } from '@strapi/utils';
import {
  objectOf,
  pageParameters,
  queryOf,
  validateKeyed,
  yearParameter,
  type YearRefusals,
} from '../kernel/validation';

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

const validateLinks = validateKeyed(
  queryOf({
    status: yup
      .string()
      .oneOf(['broken', 'unchecked'], '"status" must be "broken" or "unchecked".')
      .default('broken'),
    division: yup.string().trim().min(1, '"division" must be a division\'s documentId.'),
    ...pageParameters(25),
  })
);

/** GET /disclosure/monitor/links?status=&division=&page=&pageSize=: broken links by default. */
export function validateLinksQuery(query: Record<string, unknown>): {
  status: 'broken' | 'unchecked';
  division?: string;
  page: number;
  pageSize: number;
} {
  const { status, division, page, pageSize } = validateLinks(query);
  return {
    status: status as 'broken' | 'unchecked',
    division: division || undefined,
    page: page as number,
    pageSize: pageSize as number,
  };
}

/** POST /disclosure/monitor/links/check: takes no fields. */
export const validateLinkRunBody = validateKeyed(
  objectOf({}, (key) => `Unknown field "${key}": running the check takes no fields.`).default({})
);
