import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';

export interface Context {
  params: { year?: string };
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: Ability };
  set(header: string, value: string): void;
  type: string;
  body: unknown;
}

const yearOf = (ctx: Context): number => {
  if (!/^\d{4}$/.test(ctx.params.year ?? '')) {
    throw new errors.ValidationError(`"${ctx.params.year}" is not a year: use e.g. 2021.`, {
      key: 'year',
    });
  }
  return Number(ctx.params.year);
};

const EXPORT_FORMATS = ['json', 'csv', 'html'] as const;

/** The annual report editor's API (admin), thin over service('annual-reports'). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'annual-reports');
  return {
    async show(ctx: Context) {
      return { data: await service().view(yearOf(ctx)) };
    },
    async save(ctx: Context) {
      return { data: await service().save(yearOf(ctx), ctx.request.body) };
    },
    async submit(ctx: Context) {
      return {
        data: await service().submit(yearOf(ctx), ctx.state.user, ctx.state.userAbility),
      };
    },
    async export(ctx: Context) {
      const year = yearOf(ctx);
      const format = ctx.query.format ?? 'html';
      if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) {
        throw new errors.ValidationError(
          `Unknown export format: use ${EXPORT_FORMATS.join(', ')}.`,
          {
            key: 'format',
          }
        );
      }
      const file = await service().export(year, format as (typeof EXPORT_FORMATS)[number]);
      ctx.type = file.type;
      if (format !== 'html') {
        ctx.set('Content-Disposition', `attachment; filename="annual-report-${year}.${format}"`);
      }
      ctx.body = file.body;
    },
  };
};
