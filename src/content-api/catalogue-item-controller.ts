import { factories } from '@strapi/strapi';
import { DEFAULT_ITEM_SORT, type CATALOGUE_ITEM_UIDS } from '../constants';
import { assertPublicColumn, takeColumnParams, withColumnFilter } from './column-filter';

type CatalogueItemUid = (typeof CATALOGUE_ITEM_UIDS)[number];

/**
 * The REST controller of a catalogue item type: Strapi's own, plus
 * `?column=<code>[&includeSubColumns=true]` on lists, and newest-first by first publication
 * when the caller gives no `sort`. The column narrows the list's own SQL (withColumnFilter), so a
 * list by column runs the statements of any list; only an empty answer asks whether the column
 * exists, to answer an unknown code with a 400.
 */
export const createCatalogueItemController = (uid: CatalogueItemUid) =>
  factories.createCoreController(uid, ({ strapi }) => ({
    async find(ctx) {
      const { params, rest } = takeColumnParams(ctx.query as Record<string, unknown>);
      const query: Record<string, unknown> = { ...rest };
      if (query.sort === undefined) query.sort = DEFAULT_ITEM_SORT;
      ctx.query = query;
      const { column, includeSubColumns } = params;
      if (!column) return super.find(ctx);
      // Strapi's REST lists read published rows unless asked otherwise (and the public is
      // never let ask otherwise: published-only.ts).
      const published = (query.status ?? 'published') === 'published';
      const found = await withColumnFilter({ uid, column, includeSubColumns, published }, () =>
        super.find(ctx)
      );
      const data = (found as { data?: unknown[] } | undefined)?.data;
      if (Array.isArray(data) && data.length === 0) await assertPublicColumn(strapi, column);
      return found;
    },
  }));
