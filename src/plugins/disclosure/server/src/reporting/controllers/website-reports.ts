import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import {
  validateExportQuery,
  validateReportYear,
  validateWebsiteReportChanges,
} from '../validation';
import type { Context } from './annual-reports';

/** The 政府网站工作年度报表 editor's API (admin): validate, call service('website-reports'), answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'website-reports');
  const yearOf = (ctx: Context) => validateReportYear(ctx.params).year;
  return {
    async show(ctx: Context) {
      return { data: await service().view(yearOf(ctx)) };
    },
    async save(ctx: Context) {
      const year = yearOf(ctx);
      return { data: await service().save(year, validateWebsiteReportChanges(ctx.request.body)) };
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
        ctx.set('Content-Disposition', `attachment; filename="website-report-${year}.${format}"`);
      }
      ctx.body = file.body;
    },
  };
};
