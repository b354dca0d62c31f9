import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Rule = { min: number; max: number };

/** Parameters that take one value: `locale[0]=en&locale[1]=zh-Hans` or `_q[$eq]=x` is a 400. */
const ONE_VALUE: Record<string, string> = {
  locale: 'locale code, e.g. zh-Hans',
  _q: 'search text, e.g. _q=备案',
  hasPublishedVersion: 'value: true or false',
  publicationFilter: 'value',
};

/**
 * Pagination values Strapi would silently clamp or misread (pageSize=-5, page=0, pageSize=5000,
 * page=99999999999999999999) are a 400 on the content API, naming the parameter, so the website
 * learns about its mistake; so is a list or an object where one value is expected.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
  const rules: Record<string, Rule> = {
    // Far beyond any catalogue (a million pages of 100), well inside what the databases take.
    page: { min: 1, max: 1_000_000 },
    pageSize: { min: 1, max: maxLimit },
    start: { min: 0, max: 100_000_000 },
    limit: { min: 1, max: maxLimit },
  };

  return async (
    ctx: { path: string; query: Record<string, unknown> },
    next: () => Promise<void>
  ) => {
    if (ctx.path.startsWith('/api/')) {
      for (const [param, example] of Object.entries(ONE_VALUE)) {
        if (ctx.query[param] !== undefined && typeof ctx.query[param] !== 'string') {
          throw new errors.ValidationError(`Invalid "${param}": give one ${example}.`, { param });
        }
      }
      const pagination = ctx.query.pagination;
      if (
        pagination !== undefined &&
        (typeof pagination !== 'object' || Array.isArray(pagination))
      ) {
        throw new errors.ValidationError(
          'Invalid "pagination": use pagination[page]=1&pagination[pageSize]=25.',
          { param: 'pagination' }
        );
      }
      const values = (pagination ?? {}) as Record<string, unknown>;
      for (const [key, rule] of Object.entries(rules)) {
        if (values[key] !== undefined) check(`pagination[${key}]`, values[key], rule);
      }
      if (values.withCount !== undefined && !['true', 'false'].includes(String(values.withCount))) {
        throw new errors.ValidationError('Invalid "pagination[withCount]": use true or false.', {
          param: 'pagination[withCount]',
        });
      }
    }
    await next();
  };
};

function check(name: string, raw: unknown, { min, max }: Rule): void {
  const value = typeof raw === 'string' && /^-?\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const range = `an integer from ${min} to ${max}`;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new errors.ValidationError(`Invalid "${name}": use ${range}.`, { param: name });
  }
}
