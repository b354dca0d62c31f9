import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import type { ColumnRow } from './column-tree';
import { metaOf } from '../database/metadata';

interface Flat {
  id: number;
  document_id: string;
  code: string;
  name: string;
  kind: string;
  sort_order: number;
  update_class: string;
  locale: string;
  parent_id: number | null;
  parent_document_id: string | null;
  parent_code: string | null;
  department_id: number | null;
  department_document_id: string | null;
  department_name: string | null;
  department_code: string | null;
}

/**
 * The published columns of a locale (`*`: of every locale) with their published parent and department, in one
 * statement (the Document Service takes three: the columns, then each populated relation).
 * Rows as `findMany({ fields, populate: { parent: { fields: ['code'] }, department: … } })` gives
 * them, so the tree is the same; a parent or department that is not published is absent (null),
 * as Strapi's populate of a published row leaves it.
 */
export async function readColumnRows(strapi: Core.Strapi, locale: string): Promise<ColumnRow[]> {
  const knex = strapi.db.connection as unknown as Knex;
  const columns = metaOf(strapi, UID.column);
  const departments = metaOf(strapi, UID.department);
  const c = (name: string) => columns.attributes[name]?.columnName ?? name;
  const d = (name: string) => departments.attributes[name]?.columnName ?? name;
  const parent = columns.attributes.parent.joinTable!;
  const department = columns.attributes.department.joinTable!;
  const rows = (await knex
    .from({ c: columns.tableName })
    .leftJoin({ pl: parent.name }, `pl.${parent.joinColumn.name}`, 'c.id')
    .leftJoin({ p: columns.tableName }, (on) =>
      on.on('p.id', `pl.${parent.inverseJoinColumn.name}`).andOnNotNull(`p.${c('publishedAt')}`)
    )
    .leftJoin({ dl: department.name }, `dl.${department.joinColumn.name}`, 'c.id')
    .leftJoin({ d: departments.tableName }, (on) =>
      on.on('d.id', `dl.${department.inverseJoinColumn.name}`).andOnNotNull(`d.${d('publishedAt')}`)
    )
    .modify((query) => {
      if (locale !== '*') query.where(`c.${c('locale')}`, locale);
    })
    .whereNotNull(`c.${c('publishedAt')}`)
    .select({
      id: 'c.id',
      document_id: `c.${c('documentId')}`,
      code: `c.${c('code')}`,
      name: `c.${c('name')}`,
      kind: `c.${c('kind')}`,
      sort_order: `c.${c('sortOrder')}`,
      update_class: `c.${c('updateClass')}`,
      locale: `c.${c('locale')}`,
      parent_id: 'p.id',
      parent_document_id: `p.${c('documentId')}`,
      parent_code: `p.${c('code')}`,
      department_id: 'd.id',
      department_document_id: `d.${d('documentId')}`,
      department_name: `d.${d('name')}`,
      department_code: `d.${d('code')}`,
    })
    .orderBy('c.id')) as Flat[];
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    sortOrder: Number(row.sort_order),
    updateClass: row.update_class,
    locale: row.locale,
    parent:
      row.parent_id === null
        ? null
        : { id: row.parent_id, documentId: row.parent_document_id!, code: row.parent_code! },
    department:
      row.department_id === null
        ? null
        : {
            id: row.department_id,
            documentId: row.department_document_id!,
            name: row.department_name!,
            code: row.department_code!,
          },
  })) as ColumnRow[];
}
