import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

/** Admin routes (mounted under /disclosure): the coordinator's monitor. */
export const adminRoutes: RouteDefinition[] = (
  [
    ['/monitor/columns', 'columns'],
    ['/monitor/heat-map', 'heatMap'],
    ['/monitor/year', 'year'],
  ] as const
).map(([path, action]) => ({
  method: 'GET',
  path,
  handler: `monitor.${action}`,
  config: allowed(ACTIONS.readMonitor),
}));
