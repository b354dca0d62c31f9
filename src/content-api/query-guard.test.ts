import { errors } from '@strapi/utils';
import {
  checkFilters,
  checkPopulate,
  checkSort,
  LOCALIZATIONS_REFUSED,
  type Schema,
} from './query-guard';

const article: Schema = {
  attributes: {
    title: { type: 'string' },
    sortOrder: { type: 'integer' },
    heldAt: { type: 'datetime' },
    dateWritten: { type: 'date' },
    body: { type: 'blocks' },
    column: { type: 'relation', relation: 'manyToOne', target: 'column' },
    localizations: { type: 'relation', relation: 'oneToMany', target: 'article' },
    metadata: { type: 'component', component: 'metadata' },
  },
};
const column: Schema = {
  attributes: {
    name: { type: 'string' },
    localizations: { type: 'relation', relation: 'oneToMany', target: 'column' },
  },
};
const metadata: Schema = { attributes: { indexNumber: { type: 'string' } } };
const lookup = (uid: string) => ({ article, column, metadata })[uid as 'article'];

const refusal = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('localizations', () => {
  it.each([
    { localizations: { title: { $eq: 'x' } } },
    { $or: [{ localizations: { id: { $gt: '0' } } }] },
    { $and: [{ $or: [{ localizations: { title: 'x' } }] }] },
    { $not: { localizations: { title: 'x' } } },
    { column: { localizations: { name: { $startsWith: 'N' } } } },
  ])('refuses a filter on localizations at any depth: %j', (filters) => {
    expect(refusal(() => checkFilters(filters, article, lookup))).toBe(LOCALIZATIONS_REFUSED);
  });

  it.each([
    'localizations.title:asc',
    ['title', 'localizations.title'],
    { localizations: { title: 'asc' } },
  ])('refuses a sort on localizations: %j', (sort) => {
    expect(refusal(() => checkSort(sort))).toBe(LOCALIZATIONS_REFUSED);
  });

  it('allows populating localizations, but not filtering or sorting inside', () => {
    expect(() =>
      checkPopulate({ localizations: { fields: ['title'] } }, article, lookup)
    ).not.toThrow();
    expect(
      refusal(() => checkPopulate({ localizations: { filters: { title: 'x' } } }, article, lookup))
    ).toBe(LOCALIZATIONS_REFUSED);
    expect(
      refusal(() =>
        checkPopulate({ column: { filters: { localizations: { id: '1' } } } }, article, lookup)
      )
    ).toBe(LOCALIZATIONS_REFUSED);
  });
});

describe('operator values', () => {
  it.each([
    [
      { title: { $eq: { $ne: 'x' } } },
      'Invalid "filters[title][$eq]": $eq takes one value, not a list or an object.',
    ],
    [
      { title: { $between: 'x' } },
      'Invalid "filters[title][$between]": $between takes two values: filters[title][$between][0]=…&filters[title][$between][1]=….',
    ],
    [
      { $and: 'x' },
      'Invalid "filters[$and]": $and takes a list of conditions: filters[$and][0][…]=….',
    ],
    [{ $or: ['x'] }, 'Invalid "filters[$or][0]": give a condition, not a value.'],
    [{ id: { $eq: 'abc' } }, 'Invalid "filters[id][$eq]": give a whole number.'],
    [
      { sortOrder: { $in: ['1', 'two'] } },
      'Invalid "filters[sortOrder][$in][1]": give a whole number.',
    ],
    [{ dateWritten: '2018-02-30' }, 'Invalid "filters[dateWritten]": give a date as YYYY-MM-DD.'],
    [
      { heldAt: { $lt: 'yesterday' } },
      'Invalid "filters[heldAt][$lt]": give a date and time as ISO 8601, e.g. 2018-03-12T09:00:00+08:00.',
    ],
    [{ title: { $null: 'maybe' } }, 'Invalid "filters[title][$null]": $null takes true or false.'],
    [{ title: { $foo: 'x' } }, 'Invalid "filters[title][$foo]": unknown operator "$foo".'],
    [
      { column: { $eq: { $ne: 'x' } } },
      'Invalid "filters[column][$eq]": $eq takes one value, not a list or an object.',
    ],
    [{ column: 'x' }, 'Invalid "filters[column]": give a whole number.'],
    [
      { metadata: { indexNumber: { $eq: { $gt: 'x' } } } },
      'Invalid "filters[metadata][indexNumber][$eq]": $eq takes one value, not a list or an object.',
    ],
    [{ body: { $eq: 'x' } }, 'Invalid "filters[body][$eq]": this field cannot be filtered.'],
    [
      { sortOrder: { $contains: '1' } },
      'Invalid "filters[sortOrder][$contains]": $contains applies to text fields only.',
    ],
  ])('refuses %j', (filters, message) => {
    expect(refusal(() => checkFilters(filters, article, lookup))).toBe(message);
  });

  it('refuses filters nested beyond any real query', () => {
    let filters: Record<string, unknown> = { title: 'x' };
    for (let depth = 0; depth < 20; depth += 1) filters = { $and: [filters] };
    expect(refusal(() => checkFilters(filters, article, lookup))).toMatch(/nested too deep/);
  });

  it.each([
    { title: 'x' },
    { title: { $containsi: '备案', $notNull: 'true' } },
    { id: { $in: ['1', '2'] } },
    { sortOrder: { $between: ['1', '5'] } },
    { dateWritten: { $gte: '2018-01-01' } },
    { heldAt: { $lt: '2018-03-12T09:00:00+08:00' } },
    { $or: [{ title: 'a' }, { column: { name: { $eq: '工作动态' } } }] },
    { column: { documentId: { $in: ['abc', 'def'] } } },
    { column: '3' },
    { $not: { title: { $startsWith: 'x' } } },
    { title: { $not: { $eq: 'x' } } },
  ])('accepts %j', (filters) => {
    expect(() => checkFilters(filters, article, lookup)).not.toThrow();
  });
});
