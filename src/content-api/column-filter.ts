import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';

/** Query parameters the catalogue lists accept besides Strapi's own. */
export interface ColumnFilterParams {
  /** A column's code; lists only its items. */
  column?: string;
  /** With `column`: also list the items of its sub-columns. */
  includeSubColumns: boolean;
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Takes `column` and `includeSubColumns` out of a raw query, validated, and returns them with the
 * rest of the query untouched; a malformed value is a 400 that names the parameter.
 */
export function takeColumnParams(query: Record<string, unknown>): {
  params: ColumnFilterParams;
  rest: Record<string, unknown>;
} {
  const { column, includeSubColumns, ...rest } = query;
  if (column !== undefined && (typeof column !== 'string' || !CODE.test(column))) {
    throw new errors.ValidationError(
      'Invalid "column": give one column code, e.g. column=work-news.',
      { key: 'column' }
    );
  }
  if (
    includeSubColumns !== undefined &&
    includeSubColumns !== 'true' &&
    includeSubColumns !== 'false'
  ) {
    throw new errors.ValidationError('Invalid "includeSubColumns": use true or false.', {
      key: 'includeSubColumns',
    });
  }
  if (includeSubColumns !== undefined && column === undefined) {
    throw new errors.ValidationError('"includeSubColumns" needs a "column".', {
      key: 'includeSubColumns',
    });
  }
  return { params: { column, includeSubColumns: includeSubColumns === 'true' }, rest };
}

/**
 * The documentIds of the published column with this code and, when asked, of its published
 * sub-columns. An unknown code is a 400, so a typo is not mistaken for an empty column.
 */
export async function columnDocumentIds(
  strapi: Core.Strapi,
  { column, includeSubColumns }: Required<ColumnFilterParams>
): Promise<string[]> {
  const filters = includeSubColumns
    ? { $or: [{ code: column }, { parent: { code: column } }] }
    : { code: column };
  const found = await strapi
    .documents(UID.column)
    .findMany({ filters, status: 'published', fields: ['code'] });
  if (!found.some((entry) => entry.code === column)) {
    throw new errors.ValidationError(`Unknown column "${column}".`, { key: 'column' });
  }
  return found.map((entry) => entry.documentId);
}
