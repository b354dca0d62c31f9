/**
 * What the statistics and annual-report endpoints accept, as yup schemas: the controllers hand the
 * typed values to the services. A problem is a 400 naming the parameter or field (`details.key`).
 */
import { yup } from '@strapi/utils';
import {
  FORMAT_VERSIONS,
  type FormatVersion,
} from '../../../shared/reporting/annual-report/format';
import {
  objectOf,
  pageParameters,
  queryOf,
  validateKeyed,
  yearParameter,
  type YearRefusals,
} from '../kernel/validation';

/** The content locales, to read `locale=` (absent: the default one). */
export interface Locales {
  known: string[];
  defaultLocale: string;
}

const STATISTICS_YEAR: YearRefusals = {
  missing: () => '"year" is required.',
  format: () => '"year" must be a whole number.',
  range: (text, { from, to }) =>
    `Unknown year "${text}": give a calendar year from ${from} to ${to}.`,
};

const REPORT_YEAR: YearRefusals = {
  missing: (text) => `"${text}" is not a year: use e.g. 2021.`,
  format: (text) => `"${text}" is not a year: use e.g. 2021.`,
  range: (text, { from, to }) => `Unknown year "${text}": annual reports cover ${from} to ${to}.`,
};

const localeParameter = ({ known, defaultLocale }: Locales) => {
  const unknown = ({ originalValue }: { originalValue: unknown }) =>
    `Unknown locale "${String(originalValue)}": use one of ${known.join(', ')}.`;
  return yup.string().typeError(unknown).oneOf(known, unknown).default(defaultLocale);
};

/** GET /statistics?year=&locale=&providers=a,b */
export const validateStatisticsQuery = (query: unknown, locales: Locales) =>
  validateKeyed(
    queryOf({
      year: yearParameter(STATISTICS_YEAR),
      locale: localeParameter(locales),
      providers: yup
        .array(yup.string().defined())
        .transform((_cast: unknown, text: unknown) => String(text).split(',')),
    })
  )(query);

const FIGURE_REQUIRED = '"figure" is required: a key from GET /statistics.';

/** GET /statistics/records?year=&locale=&figure=&page=&pageSize= */
export const validateRecordsQuery = (query: unknown, locales: Locales) =>
  validateKeyed(
    queryOf({
      year: yearParameter(STATISTICS_YEAR),
      locale: localeParameter(locales),
      figure: yup
        .string()
        .typeError(FIGURE_REQUIRED)
        .required(FIGURE_REQUIRED)
        .max(200, FIGURE_REQUIRED),
      ...pageParameters(25),
    })
  )(query);

/** /annual-reports/:year */
export const validateReportYear = validateKeyed(yup.object({ year: yearParameter(REPORT_YEAR) }));

export const EXPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** GET /annual-reports/:year/export?format= (html unless told); other parameters are ignored. */
export const validateExportQuery = validateKeyed(
  yup.object({
    format: yup
      .mixed<ExportFormat>()
      .oneOf([...EXPORT_FORMATS], `Unknown export format: use ${EXPORT_FORMATS.join(', ')}.`)
      .default('html'),
  })
);

const MAX_TEXT = 20000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (field: string, limit: number) =>
  yup
    .string()
    .strict()
    .typeError(`"${field}" must be text of at most ${limit} characters.`)
    .max(limit, `"${field}" must be text of at most ${limit} characters.`);

const NOT_EMPTY_TITLE = '"title" must be text of at most 255 characters, not empty.';

/**
 * PUT /annual-reports/:year: the changes to the report — its format, text sections and the
 * entered cells (cell key → number or null). Which cells the format has, and which are computed,
 * the service checks against the report's format.
 */
export const validateReportChanges = validateKeyed(
  objectOf(
    {
      formatVersion: yup
        .mixed<FormatVersion>()
        .oneOf(
          [...FORMAT_VERSIONS],
          ({ originalValue }: { originalValue: unknown }) =>
            `Unknown format "${String(originalValue)}": use ${FORMAT_VERSIONS.join(', ')}.`
        ),
      title: yup
        .string()
        .strict()
        .typeError(NOT_EMPTY_TITLE)
        .max(255, NOT_EMPTY_TITLE)
        .test('not-empty', NOT_EMPTY_TITLE, (title) => title === undefined || title.trim() !== ''),
      overview: text('overview', MAX_TEXT),
      problems: text('problems', MAX_TEXT),
      otherMatters: text('otherMatters', MAX_TEXT),
      entered: yup
        .mixed<Record<string, number | null>>()
        .test('cell-values', function (cells: unknown) {
          if (cells === undefined) return true;
          if (!isPlainObject(cells)) {
            return this.createError({ message: '"entered" maps cell keys to numbers.' });
          }
          const wrong = Object.keys(cells).find(
            (key) => cells[key] !== null && typeof cells[key] !== 'number'
          );
          return (
            wrong === undefined ||
            this.createError({ message: () => `Cell "${wrong}" takes a number or null.` })
          );
        }),
    },
    (key, known) => `Unknown field "${key}": a report has ${known.join(', ')}.`
  )
    .default(undefined)
    .typeError('Send the report as a JSON object.')
    .defined('Send the report as a JSON object.')
);

const REPLACE = '"replace" must be true or false.';

/** POST /annual-reports/:year/overview-draft: `{ replace? }`; an empty body drafts without replacing. */
export const validateDraftOverviewRequest = validateKeyed(
  objectOf(
    { replace: yup.boolean().strict().typeError(REPLACE).default(false) },
    (key, known) => `Unknown field "${key}": send ${known.join(', ')}.`
  )
    .default({})
    .typeError('Send the request as a JSON object.')
);

/**
 * PUT /website-reports/:year: the title and the entered fields (field key → number, true/false,
 * text or null). Whether the value fits the field's type, and whether the field is computed, the
 * service checks against the form.
 */
export const validateWebsiteReportChanges = validateKeyed(
  objectOf(
    {
      title: yup
        .string()
        .strict()
        .typeError(NOT_EMPTY_TITLE)
        .max(255, NOT_EMPTY_TITLE)
        .test('not-empty', NOT_EMPTY_TITLE, (title) => title === undefined || title.trim() !== ''),
      entered: yup
        .mixed<Record<string, number | boolean | string | null>>()
        .test('field-values', function (fields: unknown) {
          if (fields === undefined || isPlainObject(fields)) return true;
          return this.createError({ message: '"entered" maps field keys to values.' });
        }),
    },
    (key, known) => `Unknown field "${key}": a website report has ${known.join(', ')}.`
  )
    .default(undefined)
    .typeError('Send the report as a JSON object.')
    .defined('Send the report as a JSON object.')
);
