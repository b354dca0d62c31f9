import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';

interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  status: number;
}

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
  };
};
