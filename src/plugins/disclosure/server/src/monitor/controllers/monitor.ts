import type { Core } from '@strapi/strapi';
import type {
  HeatMapResponse,
  MonitorColumnsResponse,
  MonitorYearResponse,
} from '../../../../shared/monitor/contracts';
import { getService } from '../../get-service';
import { validateColumnsQuery, validateYearQuery } from '../validation';

export interface Context {
  query: Record<string, unknown>;
}

/** The timeliness monitor's admin API (the coordinator's): validate, ask the service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const monitor = () => getService(strapi, 'monitor');
  return {
    /** GET /disclosure/monitor/columns → every column's state and the site verdict today. */
    async columns(ctx: Context): Promise<MonitorColumnsResponse> {
      validateColumnsQuery(ctx.query);
      return { data: await monitor().columns() };
    },
    /** GET /disclosure/monitor/heat-map?year= → first publications per column and day. */
    async heatMap(ctx: Context): Promise<HeatMapResponse> {
      const { year } = validateYearQuery(ctx.query);
      return { data: await monitor().heatMap(year) };
    },
    /** GET /disclosure/monitor/year?year= → days stale and blank columns, and the draft sentence. */
    async year(ctx: Context): Promise<MonitorYearResponse> {
      const { year } = validateYearQuery(ctx.query);
      return { data: await monitor().year(year) };
    },
  };
};
