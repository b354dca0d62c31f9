import type { Core } from '@strapi/strapi';
import type { BrokenLinksResponse, LinkRunResponse } from '../../../../shared/monitor/links';
import { getService } from '../../get-service';
import { validateLinkRunBody, validateLinksQuery } from '../validation';

export interface Context {
  query: Record<string, unknown>;
  request: { body?: unknown };
  status: number;
  body: unknown;
}

/** The live-links check's admin API (the coordinator's): the last findings, and a run now. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => getService(strapi, 'link-check');
  return {
    /** GET /disclosure/monitor/links → the broken (or unchecked) links of the last run, paged. */
    async find(ctx: Context): Promise<BrokenLinksResponse> {
      return { data: await links().list(validateLinksQuery(ctx.query)) };
    },
    /** POST /disclosure/monitor/links/check → runs the check now; 409 while a run is under way. */
    async check(ctx: Context): Promise<LinkRunResponse | undefined> {
      validateLinkRunBody(ctx.request.body ?? {});
      const summary = await links().run();
      if (summary === null) {
        // Answered, not thrown: @strapi/utils has no ConflictError (as annual-reports does).
        ctx.status = 409;
        ctx.body = {
          data: null,
          error: {
            status: 409,
            name: 'ConflictError',
            message: 'A link check is already running: its findings will be listed when it ends.',
            details: {},
          },
        };
        return undefined;
      }
      return { data: summary };
    },
  };
};
