import { errors } from '@strapi/utils';
import { isDate } from 'strapi-plugin-gov-disclosure/sdk';

/**
 * Checks the `filters`, `sort` and `populate` of a public read against the content type's schema
 * before they reach the database. Two kinds of refusal, both a 400 naming the parameter:
 *
 * - `localizations` anywhere in a filter or a sort. Strapi joins it to every row of the document,
 *   the unpublished draft and the never-published locales included, so a filter on it answers
 *   "1 row" or "0 rows" for a guess at never-published text (issue #10, finding 1). Populating it is
 *   harmless (the populated rows are published ones) and stays allowed.
 * - Operator values the database cannot take: an operator inside `$eq`, `$between` without two
 *   values, `$and` of a string, an id that is not a number, a date that is not a date… Strapi hands
 *   them to the query builder, which answers 500 (or, on PostgreSQL, a type error) — a 4xx tells the
 *   caller what to fix.
 */

export interface Attribute {
  type: string;
  target?: string;
  component?: string;
  relation?: string;
}

export interface Schema {
  attributes: Record<string, Attribute>;
}

/** Resolves a content type or component uid to its schema. */
export type SchemaLookup = (uid: string) => Schema | undefined;

export const LOCALIZATIONS_REFUSED =
  'The public API does not filter or sort by "localizations": read each language with ?locale=.';

export const RELATED_REFUSED =
  'The public API does not follow "related" (every entry a file is attached to, drafts included): read the items themselves.';

/** Deeper than any real query: a guard against queries built to exhaust the query builder. */
const MAX_DEPTH = 12;
const MAX_LIST = 500;

const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
/** Operators that compare with one value. */
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', ...TEXT_OPERATORS]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);
const GROUP_KEYS = new Set(['$and', '$or', '$not']);

const TEXT_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'email',
  'uid',
  'enumeration',
  'password',
]);
/** Fields every document has besides its schema's attributes. */
const SYSTEM_FIELDS: Record<string, Attribute> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
};

const fail = (param: string, message: string): never => {
  throw new errors.ValidationError(`Invalid "${param}": ${message}`, { param });
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** qs turns a[0]…a[20] into an array and longer lists into an object with numeric keys. */
function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value);
  }
  return null;
}

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function checkScalarValue(param: string, attribute: Attribute, value: unknown, operator: string) {
  if (!isScalar(value)) fail(param, `${operator} takes one value, not a list or an object.`);
  const text = String(value);
  if (TEXT_OPERATORS.has(operator)) {
    if (!TEXT_TYPES.has(attribute.type)) fail(param, `${operator} applies to text fields only.`);
    return;
  }
  switch (attribute.type) {
    case 'integer': {
      // 32-bit on PostgreSQL (ids too): a larger number is a type error there.
      if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 2_147_483_647) {
        fail(param, 'give a whole number.');
      }
      return;
    }
    case 'biginteger': {
      if (!/^-?\d{1,18}$/.test(text)) fail(param, 'give a whole number.');
      return;
    }
    case 'float':
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) {
        fail(param, 'give a number.');
      }
      return;
    }
    case 'boolean': {
      if (!['true', 'false', '1', '0'].includes(text)) fail(param, 'give true or false.');
      return;
    }
    case 'date': {
      // Year 0 does not exist (PostgreSQL refuses 0000-01-01).
      if (text.startsWith('0000') || !isDate(text)) fail(param, 'give a date as YYYY-MM-DD.');
      return;
    }
    case 'datetime':
    case 'timestamp': {
      if (!/^(?!0000)\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
        fail(param, 'give a date and time as ISO 8601, e.g. 2018-03-12T09:00:00+08:00.');
      }
      if (Number.isNaN(Date.parse(text))) fail(param, 'give a real date and time.');
      return;
    }
    case 'time': {
      if (!/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) fail(param, 'give a time as HH:MM:SS.');
      return;
    }
    case 'json':
    case 'blocks':
    case 'media':
      fail(param, 'this field cannot be filtered.');
      return;
    default:
      return;
  }
}

/** The operators applied to one attribute, e.g. `{ $eq: 'x' }` or `{ $not: { $in: [...] } }`. */
function checkOperators(param: string, attribute: Attribute, value: unknown, depth: number) {
  if (depth > MAX_DEPTH) fail(param, 'filters nested too deep.');
  if (!isPlainObject(value)) {
    const list = asList(value);
    if (list) return checkList(param, attribute, list, '$in');
    return checkScalarValue(param, attribute, value, '$eq');
  }
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${param}[${operator}]`;
    if (VALUE_OPERATORS.has(operator)) {
      checkScalarValue(at, attribute, operand, operator);
    } else if (LIST_OPERATORS.has(operator)) {
      const list = asList(operand);
      if (!list) fail(at, `${operator} takes a list: ${at}[0]=…&${at}[1]=….`);
      checkList(at, attribute, list as unknown[], operator);
    } else if (operator === '$between') {
      const list = asList(operand);
      if (!list || list.length !== 2) fail(at, `$between takes two values: ${at}[0]=…&${at}[1]=….`);
      checkList(at, attribute, list as unknown[], operator);
    } else if (NULL_OPERATORS.has(operator)) {
      if (!['true', 'false', true, false].includes(operand as never)) {
        fail(at, `${operator} takes true or false.`);
      }
    } else if (operator === '$not') {
      checkOperators(at, attribute, operand, depth + 1);
    } else if (operator === '$and' || operator === '$or') {
      const list = asList(operand);
      if (!list || list.length === 0) fail(at, `${operator} takes a list of conditions.`);
      (list as unknown[]).forEach((entry, index) =>
        checkOperators(`${at}[${index}]`, attribute, entry, depth + 1)
      );
    } else {
      fail(at, `unknown operator "${operator}".`);
    }
  }
}

function checkList(param: string, attribute: Attribute, list: unknown[], operator: string) {
  if (list.length > MAX_LIST) fail(param, `at most ${MAX_LIST} values.`);
  list.forEach((entry, index) =>
    checkScalarValue(
      `${param}[${index}]`,
      attribute,
      entry,
      operator === '$between' ? '$gte' : '$eq'
    )
  );
}

/** Checks a `filters` object against the schema; throws a ValidationError naming the parameter. */
export function checkFilters(
  filters: unknown,
  schema: Schema,
  lookup: SchemaLookup,
  param = 'filters',
  depth = 0
): void {
  if (filters === undefined || filters === null) return;
  if (depth > MAX_DEPTH) fail(param, 'filters nested too deep.');
  // A list of conditions is written with $and / $or (a bare list was a 500 on single types).
  if (!isPlainObject(filters)) fail(param, 'give conditions, e.g. filters[title][$eq]=….');
  for (const [key, value] of Object.entries(filters)) {
    const at = `${param}[${key}]`;
    if (key === '$and' || key === '$or') {
      const list = asList(value);
      if (!list || list.length === 0) fail(at, `${key} takes a list of conditions: ${at}[0][…]=….`);
      (list as unknown[]).forEach((entry, index) => {
        if (!isPlainObject(entry)) fail(`${at}[${index}]`, 'give a condition, not a value.');
        checkFilters(entry, schema, lookup, `${at}[${index}]`, depth + 1);
      });
      continue;
    }
    if (key === '$not') {
      if (!isPlainObject(value)) fail(at, '$not takes a condition: filters[$not][title][$eq]=….');
      checkFilters(value, schema, lookup, at, depth + 1);
      continue;
    }
    if (key === 'localizations') throw localizationsRefused(at);
    if (Object.hasOwn(schema.attributes, key) && isMorph(schema.attributes[key]))
      throw morphRefused(at);
    if (key.startsWith('$')) fail(at, `"${key}" is not a condition on a field.`);
    const attribute = Object.hasOwn(schema.attributes, key)
      ? schema.attributes[key]
      : Object.hasOwn(SYSTEM_FIELDS, key)
        ? SYSTEM_FIELDS[key]
        : undefined;
    // Unknown keys are Strapi's own 400 (strictParams); nothing to add here.
    if (!attribute) continue;
    const target = nestedSchema(attribute, lookup);
    if (target) {
      // A relation compared with operators directly (filters[column][$eq]=3) compares its id;
      // otherwise the conditions are on the related type's fields.
      const comparesId =
        !isPlainObject(value) ||
        Object.keys(value).every((name) => name.startsWith('$') && !GROUP_KEYS.has(name));
      if (comparesId) checkOperators(at, SYSTEM_FIELDS.id, value, depth + 1);
      else checkFilters(value, target, lookup, at, depth + 1);
      continue;
    }
    checkOperators(at, attribute, value, depth + 1);
  }
}

function nestedSchema(attribute: Attribute, lookup: SchemaLookup): Schema | undefined {
  if (attribute.type === 'relation' && attribute.target) return lookup(attribute.target);
  if (attribute.type === 'component' && attribute.component) return lookup(attribute.component);
  if (attribute.type === 'media') return lookup('plugin::upload.file');
  return undefined;
}

function localizationsRefused(param: string) {
  return new errors.ValidationError(LOCALIZATIONS_REFUSED, { param });
}

const isMorph = (attribute: Attribute | undefined) =>
  attribute?.type === 'relation' && (attribute.relation ?? '').startsWith('morph');

function morphRefused(param: string) {
  return new errors.ValidationError(RELATED_REFUSED, { param });
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SORT_ORDERS = new Set(['asc', 'desc']);

/**
 * A sort: `title`, `title:desc`, `column.name:asc`, lists of them, or `{ title: 'asc' }` objects.
 * Malformed paths (`.`, `title.`) are a 400 (Strapi answers 500); so is any path through
 * `localizations` or a polymorphic relation. Unknown fields are left to Strapi's own 400.
 */
export function checkSort(
  sort: unknown,
  schema?: Schema,
  lookup?: SchemaLookup,
  param = 'sort'
): void {
  if (sort === undefined || sort === null) return;
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      const [path, order, ...rest] = part.trim().split(':');
      const segments = path.split('.');
      if (
        rest.length > 0 ||
        !segments.every((segment) => IDENTIFIER.test(segment)) ||
        (order !== undefined && !SORT_ORDERS.has(order.toLowerCase()))
      ) {
        fail(param, 'give field:asc or field:desc, e.g. sort=title:asc.');
      }
      checkPath(segments, schema, lookup, param);
    }
    return;
  }
  const list = asList(sort);
  if (list) {
    list.forEach((entry, index) => checkSort(entry, schema, lookup, `${param}[${index}]`));
    return;
  }
  if (!isPlainObject(sort)) fail(param, 'give field:asc or field:desc, e.g. sort=title:asc.');
  for (const [key, value] of Object.entries(sort as Record<string, unknown>)) {
    const at = `${param}[${key}]`;
    if (!IDENTIFIER.test(key)) fail(at, 'give a field name.');
    checkPath([key], schema, lookup, at);
    if (typeof value === 'string') {
      if (!SORT_ORDERS.has(value.toLowerCase())) fail(at, 'give asc or desc.');
      continue;
    }
    const attribute =
      schema && Object.hasOwn(schema.attributes, key) ? schema.attributes[key] : undefined;
    const target = attribute && lookup ? nestedSchema(attribute, lookup) : undefined;
    checkSort(value, target, lookup, at);
  }
}

/** A dotted path through the schema may not pass `localizations` or a polymorphic relation. */
function checkPath(
  segments: string[],
  schema: Schema | undefined,
  lookup: SchemaLookup | undefined,
  param: string
) {
  let current = schema;
  for (const segment of segments) {
    if (segment === 'localizations') throw localizationsRefused(param);
    if (segment === '*') {
      if (current && Object.values(current.attributes).some(isMorph)) throw morphRefused(param);
      return;
    }
    const attribute =
      current && Object.hasOwn(current.attributes, segment)
        ? current.attributes[segment]
        : undefined;
    if (isMorph(attribute)) throw morphRefused(param);
    current = attribute && lookup ? nestedSchema(attribute, lookup) : undefined;
  }
}

/**
 * The relations a read populates, at every depth, in any of Strapi's forms (`*`, `a,b`, `a.b`,
 * lists, objects): no polymorphic relation (a file's `related` lists every entry using the file,
 * drafts included), and their filters and sorts checked like the read's own.
 */
export function checkPopulate(
  populate: unknown,
  schema: Schema,
  lookup: SchemaLookup,
  param = 'populate',
  depth = 0
): void {
  if (populate === undefined || populate === null || typeof populate === 'boolean') return;
  if (depth > MAX_DEPTH) fail(param, 'populate nested too deep.');
  if (typeof populate === 'string') {
    for (const path of populate.split(','))
      checkPath(path.trim().split('.'), schema, lookup, param);
    return;
  }
  const list = asList(populate);
  if (list) {
    list.forEach((entry, index) =>
      checkPopulate(entry, schema, lookup, `${param}[${index}]`, depth + 1)
    );
    return;
  }
  if (!isPlainObject(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    const at = `${param}[${key}]`;
    if (key === 'on' && isPlainObject(value)) {
      // Dynamic zones: { on: { 'component.uid': { … } } }
      for (const [component, options] of Object.entries(value)) {
        const target = lookup(component);
        if (target) checkPopulateOptions(options, target, lookup, `${at}[${component}]`, depth + 1);
      }
      continue;
    }
    if (key === '*') {
      checkPath(['*'], schema, lookup, at);
      continue;
    }
    const attribute = Object.hasOwn(schema.attributes, key) ? schema.attributes[key] : undefined;
    if (isMorph(attribute)) throw morphRefused(at);
    // Populated languages are published ones; a filter or sort on them has no use but probing.
    if (
      key === 'localizations' &&
      isPlainObject(value) &&
      (value.filters !== undefined || value.sort !== undefined)
    ) {
      throw localizationsRefused(`${at}[${value.filters !== undefined ? 'filters' : 'sort'}]`);
    }
    const target = attribute ? nestedSchema(attribute, lookup) : undefined;
    if (!target) continue;
    if (typeof value === 'string' && value !== 'true' && value !== 'false') {
      checkPath([value], target, lookup, at);
    } else {
      checkPopulateOptions(value, target, lookup, at, depth + 1);
    }
  }
}

function checkPopulateOptions(
  options: unknown,
  schema: Schema,
  lookup: SchemaLookup,
  param: string,
  depth: number
) {
  if (!isPlainObject(options)) return;
  if (options.fields !== undefined) checkFields(options.fields, `${param}[fields]`);
  if (options.filters !== undefined) {
    checkFilters(options.filters, schema, lookup, `${param}[filters]`, depth + 1);
  }
  if (options.sort !== undefined) checkSort(options.sort, schema, lookup, `${param}[sort]`);
  if (options.populate !== undefined) {
    checkPopulate(options.populate, schema, lookup, `${param}[populate]`, depth + 1);
  }
  if (options.on !== undefined) checkPopulate({ on: options.on }, schema, lookup, param, depth + 1);
}

/** `fields`: field names, as `a,b` or a list; an empty name was a 500 on single types. */
export function checkFields(fields: unknown, param = 'fields'): void {
  if (fields === undefined || fields === null) return;
  const names = typeof fields === 'string' ? fields.split(',') : asList(fields);
  if (!names || !names.every((name) => typeof name === 'string' && IDENTIFIER.test(name.trim()))) {
    fail(param, 'give field names, e.g. fields[0]=title&fields[1]=summary.');
  }
}
