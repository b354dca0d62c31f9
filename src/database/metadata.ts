import type { Core } from '@strapi/strapi';

/** What the app's raw queries read of Strapi's database metadata: table, columns, link tables. */
export interface TableMeta {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    }
  >;
}

export const metaOf = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid as never) as unknown as TableMeta;

/** The database column of an attribute (Strapi snake-cases them). */
export const columnOf = (meta: TableMeta, name: string) =>
  meta.attributes[name]?.columnName ?? name;
