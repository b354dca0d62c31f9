import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Rule = { min: number; max?: number };

/**
 * Pagination values Strapi would silently clamp or misread (pageSize=-5, page=0, pageSize=5000)
 * are a 400 on the content API, naming the parameter, so the website learns about its mistake.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
  const rules: Record<string, Rule> = {
    page: { min: 1 },
    pageSize: { min: 1, max: maxLimit },
    start: { min: 0 },
    limit: { min: 1, max: maxLimit },
  };

  return async (
    ctx: { path: string; query: Record<string, unknown> },
    next: () => Promise<void>
  ) => {
    if (ctx.path.startsWith('/api/')) {
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
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  const range =
    max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw new errors.ValidationError(`Invalid "${name}": use ${range}.`, { param: name });
  }
}
