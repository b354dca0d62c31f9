import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';
import { holdingPersonalData } from '../kernel/middlewares/personal-data-key';

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
      ['POST', '/service-items', 'create'],
      ['PUT', '/service-items/:documentId', 'update'],
      ['POST', '/service-items/:documentId/submit', 'submit'],
      ['POST', '/service-items/:documentId/publish', 'publish'],
      ['POST', '/service-items/:documentId/withdraw', 'withdraw'],
      ['POST', '/service-items/:documentId/discard', 'discard'],
      ['DELETE', '/service-items/:documentId', 'remove'],
    ],
    ACTIONS.manageServiceItems
  ),
  // Reading the catalogue: its editors, and the reviewers of its guides (who get no case rights).
  ...routes(
    'service-items',
    [
      ['GET', '/service-items', 'list'],
      ['GET', '/service-items/:documentId', 'show'],
    ],
    ACTIONS.manageServiceItems,
    ACTIONS.approveDivision,
    ACTIONS.approveConfidentiality
  ),
  // 发布审核 by the division's reviewer, 保密审查 by the 保密审查员; either returns with a reason.
  ...routes(
    'service-items',
    [['POST', '/service-items/:documentId/approve', 'approve']],
    ACTIONS.approveDivision
  ),
  ...routes(
    'service-items',
    [['POST', '/service-items/:documentId/clear', 'clear']],
    ACTIONS.approveConfidentiality
  ),
  ...routes(
    'service-items',
    [['POST', '/service-items/:documentId/return', 'returnItem']],
    ACTIONS.approveDivision,
    ACTIONS.approveConfidentiality
  ),
  // The items a case is registered for, and the list's filter.
  ...routes(
    'service-items',
    [['GET', '/service-item-choices', 'choices']],
    ACTIONS.handleServiceCases,
    ACTIONS.manageServiceItems
  ),
  // The cases hold applicants' names, identity numbers and phones.
  ...holdingPersonalData(
    routes(
      'service-cases',
      [
        ['GET', '/service-cases', 'list'],
        ['POST', '/service-cases', 'register'],
        ['POST', '/service-cases/import', 'import'],
        ['GET', '/service-cases/:caseNumber', 'show'],
        ['POST', '/service-cases/:caseNumber/:action', 'step'],
      ],
      ACTIONS.handleServiceCases
    )
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
