import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildColumnTree, type ColumnRow } from '../../../catalogue/column-tree';
import { DEFAULT_LOCALE, UID } from '../../../constants';

export default factories.createCoreController(UID.column, ({ strapi }) => ({
  /** The published catalogue as a nested tree in sort order, in `?locale=` (default zh-Hans). */
  async tree(ctx) {
    const { locale = DEFAULT_LOCALE, ...unknown } = ctx.query as Record<string, unknown>;
    const extra = Object.keys(unknown);
    if (extra.length > 0) {
      throw new errors.ValidationError(
        `Unknown query parameter "${extra[0]}": /columns/tree accepts only "locale".`,
        { key: extra[0] }
      );
    }
    const rows = await strapi.documents(UID.column).findMany({
      // One string: a list or an object is refused for every /api route (content-api-query).
      locale: locale as string,
      status: 'published',
      fields: ['code', 'name', 'kind', 'sortOrder', 'updateClass', 'locale'],
      populate: { parent: { fields: ['code'] }, department: { fields: ['name', 'code'] } },
    });
    return { data: buildColumnTree(rows as unknown as ColumnRow[]), meta: { locale } };
  },
}));
