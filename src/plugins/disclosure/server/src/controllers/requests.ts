import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';

interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { trackingNumber?: string };
  state: { user: { id: number } };
  status: number;
}

const pageOf = (query: Record<string, unknown>) => {
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 25);
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > 100
  ) {
    throw new errors.ValidationError('"page" starts at 1 and "pageSize" is 1 to 100.', {
      key: 'page',
    });
  }
  return { page, pageSize };
};

/** The website's intake and status lookup for disclosure requests (public content API). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('requests');
  return {
    /** POST /api/disclosure-requests → 201 { data: { trackingNumber, queryCode, receivedOn, dueDate } } */
    async create(ctx: Context) {
      const data = await service().submitOnline(ctx.request.body);
      ctx.status = 201;
      return { data };
    },
    /** GET /api/disclosure-requests/status?trackingNumber=&queryCode= → the state, never personal data. */
    async status(ctx: Context) {
      const { trackingNumber, queryCode, ...rest } = ctx.query;
      const unknown = Object.keys(rest)[0];
      if (unknown) {
        throw new errors.ValidationError(`Unknown query parameter "${unknown}".`, { key: unknown });
      }
      if (typeof trackingNumber !== 'string' || typeof queryCode !== 'string') {
        throw new errors.ValidationError('Give "trackingNumber" and "queryCode".', {
          key: typeof trackingNumber !== 'string' ? 'trackingNumber' : 'queryCode',
        });
      }
      return { data: await service().status(trackingNumber, queryCode) };
    },

    // Admin (依申请公开 office): register, list, view in full, handle, answer, withdraw.
    async register(ctx: Context) {
      const data = await service().registerByStaff(ctx.request.body);
      ctx.status = 201;
      return { data };
    },
    async list(ctx: Context) {
      const { results, pagination } = await service().list(pageOf(ctx.query));
      return { data: results, meta: { pagination } };
    },
    async show(ctx: Context) {
      return { data: await service().show(ctx.params.trackingNumber, ctx.state.user) };
    },
    async addEvent(ctx: Context) {
      return { data: await service().addEvent(ctx.params.trackingNumber, ctx.request.body) };
    },
    async answer(ctx: Context) {
      return { data: await service().close(ctx.params.trackingNumber, ctx.request.body ?? {}) };
    },
    async calendar() {
      return { data: await strapi.plugin(PLUGIN_ID).service('calendar').list() };
    },
    async setCalendarDay(ctx: Context & { params: { date?: string } }) {
      return {
        data: await strapi
          .plugin(PLUGIN_ID)
          .service('calendar')
          .setOverride(ctx.params.date, ctx.request.body),
      };
    },
    async withdraw(ctx: Context) {
      return {
        data: await service().close(ctx.params.trackingNumber, ctx.request.body ?? {}, true),
      };
    },
  };
};
