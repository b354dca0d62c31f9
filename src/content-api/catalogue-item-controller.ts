import { factories } from '@strapi/strapi';
import { DEFAULT_ITEM_SORT, type CATALOGUE_ITEM_UIDS } from '../constants';
import { columnDocumentIds, takeColumnParams } from './column-filter';

type CatalogueItemUid = (typeof CATALOGUE_ITEM_UIDS)[number];

/**
 * The REST controller of a catalogue item type: Strapi's own, plus
 * `?column=<code>[&includeSubColumns=true]` on lists, and newest-first by first publication
 * when the caller gives no `sort`.
 */
export const createCatalogueItemController = (uid: CatalogueItemUid) =>
  factories.createCoreController(uid, ({ strapi }) => ({
    async find(ctx) {
      const { params, rest } = takeColumnParams(ctx.query as Record<string, unknown>);
      const query: Record<string, unknown> = { ...rest };
      if (params.column) {
        const ids = await columnDocumentIds(strapi, { column: params.column, ...params });
        const byColumn = { column: { documentId: { $in: ids } } };
        query.filters =
          query.filters === undefined ? byColumn : { $and: [query.filters, byColumn] };
      }
      if (query.sort === undefined) query.sort = DEFAULT_ITEM_SORT;
      ctx.query = query;
      return super.find(ctx);
    },
  }));
