import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

/** Admin routes (mounted under /disclosure): the coordinator's monitor. */
export const adminRoutes: RouteDefinition[] = [
  ...(
    [
      ['/monitor/columns', 'columns'],
      ['/monitor/heat-map', 'heatMap'],
      ['/monitor/year', 'year'],
    ] as const
  ).map(([path, action]): RouteDefinition => ({
    method: 'GET',
    path,
    handler: `monitor.${action}`,
    config: allowed(ACTIONS.readMonitor),
  })),
  // The live links (失效链接): reading them and running the check are the monitor's reader's, the
  // coordinator's; a run changes nothing but the check's own findings (decision 0033).
  {
    method: 'GET',
    path: '/monitor/links',
    handler: 'monitor-links.find',
    config: allowed(ACTIONS.readMonitor),
  },
  {
    method: 'POST',
    path: '/monitor/links/check',
    handler: 'monitor-links.check',
    config: allowed(ACTIONS.readMonitor),
  },
];
