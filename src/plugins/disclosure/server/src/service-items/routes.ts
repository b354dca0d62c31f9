import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

type Verb = readonly [RouteDefinition['method'], string, string];

const routes = (
  controller: string,
  verbs: readonly Verb[],
  ...actions: string[]
): RouteDefinition[] =>
  verbs.map(([method, path, action]) => ({
    method,
    path,
    handler: `${controller}.${action}`,
    config: allowed(...actions),
  }));

/** Admin routes (mounted under /disclosure): the service catalogue and the cases. */
export const adminRoutes: RouteDefinition[] = [
  ...routes(
    'service-items',
    [
      ['GET', '/service-items', 'list'],
      ['GET', '/service-items/:documentId', 'show'],
      ['POST', '/service-items', 'create'],
      ['PUT', '/service-items/:documentId', 'update'],
      ['POST', '/service-items/:documentId/publish', 'publish'],
      ['POST', '/service-items/:documentId/withdraw', 'withdraw'],
      ['POST', '/service-items/:documentId/discard', 'discard'],
      ['DELETE', '/service-items/:documentId', 'remove'],
    ],
    ACTIONS.manageServiceItems
  ),
  // The items a case is registered for, and the list's filter.
  ...routes(
    'service-items',
    [['GET', '/service-item-choices', 'choices']],
    ACTIONS.handleServiceCases,
    ACTIONS.manageServiceItems
  ),
  ...routes(
    'service-cases',
    [
      ['GET', '/service-cases', 'list'],
      ['POST', '/service-cases', 'register'],
      ['POST', '/service-cases/import', 'import'],
      ['GET', '/service-cases/:caseNumber', 'show'],
      ['POST', '/service-cases/:caseNumber/:action', 'step'],
    ],
    ACTIONS.handleServiceCases
  ),
];

/** The website's service guide (/api/disclosure/service-items…), readable by the Public role. */
export const contentApiRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/service-items', handler: 'service-guide.find', config: {} },
  {
    method: 'GET',
    path: '/service-items/:documentId',
    handler: 'service-guide.findOne',
    config: {},
  },
];
