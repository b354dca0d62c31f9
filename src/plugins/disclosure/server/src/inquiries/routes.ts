import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';
import { holdingPersonalData } from '../kernel/middlewares/personal-data-key';

type Verb = readonly [RouteDefinition['method'], string, string];

const handledBy = (verbs: readonly Verb[], ...actions: string[]): RouteDefinition[] =>
  verbs.map(([method, path, action]) => ({
    method,
    path,
    handler: `inquiries.${action}`,
    config: allowed(...actions),
  }));

/**
 * Admin routes (mounted under /disclosure). The route names the rights that may reach it; which
 * part a person plays on a case (assigned division, coordinator, reviewer) and whether their
 * division sees it at all is checked by the service on the case itself.
 */
export const adminRoutes: RouteDefinition[] = holdingPersonalData(
  [
    ...handledBy(
      [
        ['POST', '/inquiries/phone', 'logCall'],
        ['POST', '/inquiries', 'register'],
        ['POST', '/inquiries/:id/assign', 'assign'],
        ['POST', '/inquiries/:id/dismiss', 'dismiss'],
      ],
      ACTIONS.assignInquiries
    ),
    ...handledBy(
      [
        ['POST', '/inquiries/:id/reply', 'draftReply'],
        ['POST', '/inquiries/:id/reply/send', 'sendReply'],
      ],
      ACTIONS.handleInquiries
    ),
    ...handledBy(
      [
        ['GET', '/inquiries/oldest-open', 'oldestOpen'],
        ['GET', '/inquiry-divisions', 'divisions'],
        ['POST', '/inquiries/:id/answer', 'answer'],
        ['POST', '/inquiries/:id/satisfaction', 'recordSatisfaction'],
        ['POST', '/inquiries/:id/publication', 'preparePublication'],
      ],
      ACTIONS.handleInquiries,
      ACTIONS.assignInquiries
    ),
    ...handledBy(
      [
        ['GET', '/inquiries', 'list'],
        ['GET', '/inquiries/:id', 'show'],
      ],
      ACTIONS.handleInquiries,
      ACTIONS.assignInquiries,
      ACTIONS.approveConfidentiality
    ),
    ...handledBy(
      [
        ['POST', '/inquiries/:id/reply/clear', 'clearReply'],
        ['POST', '/inquiries/:id/reply/return', 'returnReply'],
      ],
      ACTIONS.approveConfidentiality
    ),
  ],
  // The messages carry the writer's name and contacts.
  (route) => route.path.startsWith('/inquiries')
);

/** The website's intake, under the content API's prefix: /api/disclosure/inquiries. */
export const INTAKE_PATH = '/disclosure/inquiries';

/** Anyone may write; the status needs the tracking number and its query code. */
export const contentApiRoutes: RouteDefinition[] = holdingPersonalData([
  {
    method: 'POST',
    path: '/inquiries',
    handler: 'inquiries.create',
    // The guard runs from config/middlewares.ts before the body is read; named here as well so
    // the limit holds in an app that did not list it (it counts a request once).
    config: { auth: false, middlewares: ['plugin::disclosure.intake-guard'] },
  },
  {
    method: 'GET',
    path: '/inquiries/status',
    handler: 'inquiries.status',
    config: { auth: false },
  },
]);
