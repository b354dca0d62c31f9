import { errors } from '@strapi/utils';
import { beijingYear } from '../../../shared/kernel/dates';
import {
  validateExportQuery,
  validateRecordsQuery,
  validateReportChanges,
  validateReportYear,
  validateStatisticsQuery,
} from './validation';

const LOCALES = { known: ['zh-Hans', 'en'], defaultLocale: 'zh-Hans' };
const CURRENT = beijingYear(new Date());

/** The 400 a validator answers: its message and details. */
const refusal = (validate: () => unknown) => {
  try {
    validate();
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      return { message: error.message, details: error.details };
    }
    throw error;
  }
  throw new Error('accepted');
};

describe('the statistics query', () => {
  it('hands over the year as a number, the default locale and the providers named', () => {
    expect(validateStatisticsQuery({ year: '2018' }, LOCALES)).toEqual({
      year: 2018,
      locale: 'zh-Hans',
    });
    expect(
      validateStatisticsQuery({ year: '2018', locale: 'en', providers: 'items,policies' }, LOCALES)
    ).toEqual({ year: 2018, locale: 'en', providers: ['items', 'policies'] });
  });

  it.each([
    [{}, '"year" is required.', 'year'],
    [{ year: 'twenty' }, '"year" must be a whole number.', 'year'],
    [
      { year: '1999' },
      `Unknown year "1999": give a calendar year from 2008 to ${CURRENT}.`,
      'year',
    ],
    [
      { year: String(CURRENT + 2) },
      `Unknown year "${CURRENT + 2}": give a calendar year from 2008 to ${CURRENT}.`,
      'year',
    ],
    [{ year: '2018', locale: 'fr' }, 'Unknown locale "fr": use one of zh-Hans, en.', 'locale'],
    [
      { year: '2018', colour: 'red' },
      'Unknown query parameter "colour": this endpoint accepts "year", "locale", "providers".',
      'colour',
    ],
  ])('refuses %j naming the parameter', (query, message, key) => {
    expect(refusal(() => validateStatisticsQuery(query, LOCALES))).toEqual({
      message,
      details: { key },
    });
  });
});

describe('the records query', () => {
  it('pages 25 at a time unless told', () => {
    expect(validateRecordsQuery({ year: '2018', figure: 'items.total' }, LOCALES)).toEqual({
      year: 2018,
      locale: 'zh-Hans',
      figure: 'items.total',
      page: 1,
      pageSize: 25,
    });
  });

  it.each([
    [{}, '"figure" is required: a key from GET /statistics.', 'figure'],
    [{ figure: 'x'.repeat(201) }, '"figure" is required: a key from GET /statistics.', 'figure'],
    [{ figure: 'a', page: '0' }, '"page" starts at 1 and "pageSize" is 1 to 100.', 'page'],
    [
      { figure: 'a', pageSize: '500' },
      '"page" starts at 1 and "pageSize" is 1 to 100.',
      'pageSize',
    ],
    [{ figure: 'a', page: 'abc' }, '"page" must be a whole number.', 'page'],
  ])('refuses %j naming the parameter', (query, message, key) => {
    expect(refusal(() => validateRecordsQuery({ year: '2018', ...query }, LOCALES))).toEqual({
      message,
      details: { key },
    });
  });
});

describe('the annual report', () => {
  it('takes a year of the statistics in the path', () => {
    expect(validateReportYear({ year: '2021' })).toEqual({ year: 2021 });
    expect(refusal(() => validateReportYear({ year: '21' }))).toEqual({
      message: `Unknown year "21": annual reports cover 2008 to ${CURRENT}.`,
      details: { key: 'year' },
    });
    expect(refusal(() => validateReportYear({ year: 'abcd' }))).toEqual({
      message: '"abcd" is not a year: use e.g. 2021.',
      details: { key: 'year' },
    });
  });

  it('exports HTML unless another format is asked for', () => {
    expect(validateExportQuery({})).toEqual({ format: 'html' });
    expect(validateExportQuery({ format: 'csv' })).toEqual({ format: 'csv' });
    expect(refusal(() => validateExportQuery({ format: 'pdf' }))).toEqual({
      message: 'Unknown export format: use json, csv, html.',
      details: { key: 'format' },
    });
  });

  it('takes the changes a coordinator saves', () => {
    const changes = { formatVersion: 'f2019', title: '年报', entered: { a: 1, b: null } };
    expect(validateReportChanges(changes)).toEqual(changes);
  });

  it.each([
    [undefined, 'Send the report as a JSON object.', {}],
    [null, 'Send the report as a JSON object.', {}],
    [[], 'Send the report as a JSON object.', {}],
    [
      { colour: 'red' },
      'Unknown field "colour": a report has formatVersion, title, overview, problems, otherMatters, entered.',
      { key: 'colour' },
    ],
    [
      { formatVersion: 'f1999' },
      'Unknown format "f1999": use f2021, f2019, pre2019.',
      { key: 'formatVersion' },
    ],
    [
      { title: ' ' },
      '"title" must be text of at most 255 characters, not empty.',
      { key: 'title' },
    ],
    [{ overview: 5 }, '"overview" must be text of at most 20000 characters.', { key: 'overview' }],
    [{ entered: [] }, '"entered" maps cell keys to numbers.', { key: 'entered' }],
    [{ entered: { a: '1' } }, 'Cell "a" takes a number or null.', { key: 'entered' }],
  ])('refuses %j', (body, message, details) => {
    expect(refusal(() => validateReportChanges(body))).toEqual({ message, details });
  });
});
