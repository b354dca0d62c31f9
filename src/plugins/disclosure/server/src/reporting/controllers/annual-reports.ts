import type { Core } from '@strapi/strapi';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import { validateExportQuery, validateReportChanges, validateReportYear } from '../validation';

export interface Context {
  params: { year?: string };
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: Ability };
  set(header: string, value: string): void;
  type: string;
  body: unknown;
}

/** The annual report editor's API (admin): validate, call service('annual-reports'), answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'annual-reports');
  const yearOf = (ctx: Context) => validateReportYear(ctx.params).year;
  return {
    async show(ctx: Context) {
      return { data: await service().view(yearOf(ctx)) };
    },
    async save(ctx: Context) {
      const year = yearOf(ctx);
      return { data: await service().save(year, validateReportChanges(ctx.request.body)) };
    },
    async submit(ctx: Context) {
      return {
        data: await service().submit(yearOf(ctx), ctx.state.user, ctx.state.userAbility),
      };
    },
    async export(ctx: Context) {
      const year = yearOf(ctx);
      const { format } = validateExportQuery(ctx.query);
      const file = await service().export(year, format);
      ctx.type = file.type;
      if (format !== 'html') {
        ctx.set('Content-Disposition', `attachment; filename="annual-report-${year}.${format}"`);
      }
      ctx.body = file.body;
    },
  };
};
