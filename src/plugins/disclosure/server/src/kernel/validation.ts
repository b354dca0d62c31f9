/**
 * Validation at the edge, as every module's controllers do it: yup schemas (Strapi's own) that
 * turn a query string or a body into typed values, and the pieces the modules share. A problem is
 * a 400 naming the parameter or field at fault (`details.key`); the staff routes' own schemas are
 * here too.
 */
import { errors, validateYupSchema, yup } from '@strapi/utils';
import {
  parseYear,
  statisticsYears,
  type YearProblem,
  type YearRange,
} from '../../../shared/kernel/dates';

/** The page size the plugin's lists allow at most. */
export const MAX_PAGE_SIZE = 100;

type Shape = Record<string, yup.AnySchema>;

/**
 * Validates `input` with `schema`, casting as the schema says (query strings arrive as text), and
 * answers the first problem as a 400 naming the parameter or field (`details.key`).
 */
export const validateKeyed =
  <T extends yup.AnySchema>(schema: T) =>
  (input: unknown): yup.InferType<T> => {
    try {
      return schema.validateSync(input, { abortEarly: true });
    } catch (error) {
      if (!(error instanceof yup.ValidationError)) throw error;
      throw new errors.ValidationError(error.message, error.path ? { key: error.path } : {});
    }
  };

/**
 * An object of `shape` that refuses any other key, naming the first one with `unknown(key, known)`.
 * (yup's own noUnknown names no key.)
 */
export const objectOf = <S extends Shape>(
  shape: S,
  unknown: (key: string, known: string[]) => string
) => {
  const known = Object.keys(shape);
  return yup.object(shape).test('known-keys', function (value: object | null | undefined) {
    const extra = Object.keys(value ?? {}).find((key) => !known.includes(key));
    return (
      extra === undefined || this.createError({ path: extra, message: () => unknown(extra, known) })
    );
  });
};

/** A query string of `shape`: any other parameter is refused by name. */
export const queryOf = <S extends Shape>(shape: S) =>
  objectOf(
    shape,
    (key, known) =>
      `Unknown query parameter "${key}": this endpoint accepts ${known.map((name) => `"${name}"`).join(', ')}.`
  );

/** A whole number written in the query (at most nine digits). */
export const wholeNumber = (key: string) =>
  yup
    .number()
    .transform((_cast: unknown, text: unknown) =>
      typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : NaN
    )
    .typeError(`"${key}" must be a whole number.`);

/** `page` (from 1) and `pageSize` (1 to 100) of a list, with its default page size. */
export const pageParameters = (defaultPageSize: number) => {
  const range = `"page" starts at 1 and "pageSize" is 1 to ${MAX_PAGE_SIZE}.`;
  return {
    page: wholeNumber('page').default(1).min(1, range),
    pageSize: wholeNumber('pageSize')
      .default(defaultPageSize)
      .min(1, range)
      .max(MAX_PAGE_SIZE, range),
  };
};

/** The sentences an endpoint answers a wrong year with, by what is wrong (see parseYear). */
export type YearRefusals = Record<YearProblem, (text: string, range: YearRange) => string>;

/** A year in the query or the path, read by the one rule (parseYear), refused in the endpoint's words. */
export const yearParameter = (refusals: YearRefusals) =>
  yup
    .mixed<number>()
    .transform((_cast: unknown, text: unknown) => parseYear(text).year ?? text)
    .test('year', function (value: unknown) {
      const { problem } = parseYear(typeof value === 'number' ? String(value) : value);
      return (
        problem === undefined ||
        this.createError({ message: () => refusals[problem](String(value), statisticsYears()) })
      );
    })
    .required();

/** PUT /disclosure/staff/:userId: the user. */
export const validateStaffUser = validateKeyed(
  yup.object({
    userId: yup
      .number()
      .transform((_cast: unknown, text: unknown) => (typeof text === 'string' ? Number(text) : NaN))
      .typeError('userId must be a positive whole number.')
      .integer('userId must be a positive whole number.')
      .min(1, 'userId must be a positive whole number.')
      .required(),
  })
);

/** PUT /disclosure/staff/:userId: `{ department: documentId | null }`. */
export const validateStaffAssignment = validateYupSchema(
  yup.object({ department: yup.string().nullable().defined() }).noUnknown().strict()
);
