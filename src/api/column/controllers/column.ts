import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readColumnRows } from '../../../catalogue/column-rows';
import { buildColumnTree } from '../../../catalogue/column-tree';
import { DEFAULT_LOCALE, UID } from '../../../constants';
import { assertKnownLocale } from '../../../i18n/locales';

export default factories.createCoreController(UID.column, ({ strapi }) => ({
  /**
   * The published catalogue as a nested tree in sort order, in `?locale=` (default zh-Hans): one
   * SQL statement (readColumnRows), published rows only, as the Document Service would read them.
   */
  async tree(ctx) {
    const { locale = DEFAULT_LOCALE, ...unknown } = ctx.query as Record<string, unknown>;
    const extra = Object.keys(unknown);
    if (extra.length > 0) {
      throw new errors.ValidationError(
        `Unknown query parameter "${extra[0]}": /columns/tree accepts only "locale".`,
        { key: extra[0] }
      );
    }
    // One string: a list or an object is refused for every /api route (content-api-query).
    if (locale !== '*') await assertKnownLocale(strapi, locale as string);
    const rows = await readColumnRows(strapi, locale as string);
    return { data: buildColumnTree(rows), meta: { locale } };
  },
}));
