/**
 * Property-based fuzz of the content API's query parser: any query string built from Strapi's
 * parameters, the types' fields, every operator and hostile values must get an answer below 500
 * that carries no never-published text. Deterministic by default (FUZZ_SEED, FUZZ_RUNS to vary);
 * a failure prints the seed and the shrunk query to replay.
 */
import fc from 'fast-check';
import request from 'supertest';
import {
  NEVER_PUBLISHED,
  PUBLIC_COLLECTIONS,
  seedNeverPublished,
  type TypeFixture,
} from '../helpers/never-published';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let fixtures: Record<string, TypeFixture>;

beforeAll(async () => {
  app = await bootApp();
  fixtures = await seedNeverPublished(app.strapi);
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const SEED = Number(process.env.FUZZ_SEED ?? 20181231);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const ROOTS = [
  'filters',
  'filters',
  'filters',
  'sort',
  'populate',
  'fields',
  'pagination',
  'locale',
  'status',
  'column',
  'includeSubColumns',
  'hasPublishedVersion',
  'publicationFilter',
  '_q',
  'where',
];
const FIELDS = [
  'title',
  'name',
  'summary',
  'body',
  'id',
  'documentId',
  'locale',
  'localizations',
  'column',
  'department',
  'departments',
  'parent',
  'children',
  'replacedBy',
  'metadata',
  'indexNumber',
  'disclosureMode',
  'createdBy',
  'updatedBy',
  'email',
  'password',
  'publishedAt',
  'firstPublishedAt',
  'sortOrder',
  'heldAt',
  'dateWritten',
  'code',
  'page',
  'pageSize',
  'withCount',
  'attachments',
  'cover',
  'photo',
  'related',
  'name',
  'caption',
];
const OPERATORS = [
  '$eq',
  '$ne',
  '$eqi',
  '$lt',
  '$gte',
  '$in',
  '$notIn',
  '$between',
  '$null',
  '$notNull',
  '$startsWith',
  '$containsi',
  '$and',
  '$or',
  '$not',
  '$foo',
  '$jsonSupersetOf',
];
const INDICES = ['0', '1', '2', '25'];
const WEIRD_KEYS = ['__proto__', 'constructor', 'toString', '', '*', '\u0000', 'ö'];

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 4, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...INDICES) },
  { weight: 1, arbitrary: fc.constantFrom(...WEIRD_KEYS) }
);

const value = fc.oneof(
  fc.constantFrom(
    `${NEVER_PUBLISHED}`,
    `${NEVER_PUBLISHED}-ARTICLES-EDIT`,
    'true',
    'false',
    '',
    '*',
    'draft',
    'published',
    'en',
    'zh-Hans',
    '-1',
    '0',
    '1',
    '1e400',
    '99999999999999999999',
    '2018-03-12',
    '2018-13-45',
    'title:asc',
    'localizations.title:desc',
    '.',
    'title.',
    '.title',
    'attachments.related',
    'related',
    'title:asc:desc',
    '\u0000',
    'a\u0000b',
    'x'.repeat(3000),
    '🙂',
    "' OR 1=1 --"
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String)
);

/** One `root[k1][k2]…=value` pair, encoded as a browser would. */
const pair = fc
  .tuple(fc.constantFrom(...ROOTS), fc.array(key, { maxLength: 5 }), value)
  .map(
    ([root, keys, v]) =>
      `${root}${keys.map((k) => `[${encodeURIComponent(k)}]`).join('')}=${encodeURIComponent(v)}`
  );

const target = fc.oneof(
  fc.constantFrom(...PUBLIC_COLLECTIONS.map((type) => `/api/${type.path}`)),
  fc
    .constantFrom(...PUBLIC_COLLECTIONS.map((type) => type.path))
    .map((path) => `/api/${path}/${fixtures[path].never}`),
  fc
    .constantFrom(...PUBLIC_COLLECTIONS.map((type) => type.path))
    .map((path) => `/api/${path}/${fixtures[path].published}`),
  fc.constantFrom('/api/columns/tree', '/api/organisation-profile', '/api/disclosure-guide')
);

it(`answers ${RUNS} generated queries below 500 and with no never-published text`, async () => {
  await fc.assert(
    fc.asyncProperty(
      target,
      fc.array(pair, { minLength: 1, maxLength: 6 }),
      async (path, pairs) => {
        const response = await request(app.http).get(`${path}?${pairs.join('&')}`);
        expect(response.status).toBeLessThan(500);
        // The data and meta only: an error message may quote the caller's own input back.
        const answer = JSON.stringify({ data: response.body.data, meta: response.body.meta });
        expect(answer).not.toContain(NEVER_PUBLISHED);
        // A refusal is Strapi's JSON error with a sentence, never a stack or a bare status.
        if (response.status >= 400) {
          expect(typeof response.body.error?.message).toBe('string');
          expect(response.text).not.toMatch(/\n\s+at /);
        }
      }
    ),
    { seed: SEED, numRuns: RUNS, endOnFailure: false }
  );
  await request(app.http).get('/_health').expect(204);
});
