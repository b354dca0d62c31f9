import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';
import { holdingPersonalData } from '../kernel/middlewares/personal-data-key';

type Verb = readonly [RouteDefinition['method'], string, string];

const handledBy = (verbs: readonly Verb[], ...actions: string[]): RouteDefinition[] =>
  verbs.map(([method, path, action]) => ({
    method,
    path,
    handler: `requests.${action}`,
    config: allowed(...actions),
  }));

/**
 * Admin routes (mounted under /disclosure): the disclosure office's case work. Every request
 * route holds the applicant's personal data (refused with a 503 while the key is wrong).
 */
export const adminRoutes: RouteDefinition[] = holdingPersonalData(
  [
    ...handledBy(
      [
        ['POST', '/requests', 'register'],
        ['POST', '/requests/:trackingNumber/events', 'addEvent'],
        ['POST', '/requests/:trackingNumber/accept', 'accept'],
        ['POST', '/requests/:trackingNumber/assign', 'assign'],
        ['POST', '/requests/:trackingNumber/reply', 'draftReply'],
        ['POST', '/requests/:trackingNumber/reply/send', 'sendReply'],
        ['POST', '/requests/:trackingNumber/reply/delivered', 'recordDelivery'],
        ['POST', '/requests/:trackingNumber/proactive', 'makeProactive'],
        ['POST', '/requests/:trackingNumber/withdraw', 'withdraw'],
        ['POST', '/requests/:trackingNumber/attachments', 'addAttachments'],
        ['GET', '/reply-templates', 'templates'],
        ['PUT', '/reply-templates/:outcome', 'saveTemplate'],
        ['GET', '/calendar/overrides', 'calendar'],
        ['PUT', '/calendar/overrides/:date', 'setCalendarDay'],
      ],
      ACTIONS.handleRequests
    ),
    // The confidentiality reviewer reads requests (masked) and clears or returns their replies.
    ...handledBy(
      [
        ['GET', '/requests', 'list'],
        ['GET', '/requests/:trackingNumber', 'show'],
        ['GET', '/requests/:trackingNumber/attachments/:id', 'attachment'],
      ],
      ACTIONS.handleRequests,
      ACTIONS.approveConfidentiality
    ),
    ...handledBy(
      [
        ['POST', '/requests/:trackingNumber/reply/clear', 'clearReply'],
        ['POST', '/requests/:trackingNumber/reply/return', 'returnReply'],
      ],
      ACTIONS.approveConfidentiality
    ),
  ],
  (route) => route.path.startsWith('/requests')
);

/** The website's intake, under the content API's prefix (no plugin prefix). */
export const INTAKE_PATH = '/disclosure-requests';

/** Anyone may apply (条例 Art. 27); the status needs the tracking number and its query code. */
export const contentApiRoutes: RouteDefinition[] = holdingPersonalData([
  // Mounted at /api/disclosure-requests (no plugin prefix) for the website's developers.
  {
    method: 'POST',
    path: INTAKE_PATH,
    handler: 'requests.create',
    // The guard runs from config/middlewares.ts before the body is read; named here as well so
    // the limit holds in an app that did not list it (it counts a request once).
    config: { auth: false, prefix: '', middlewares: ['plugin::disclosure.intake-guard'] },
  },
  {
    method: 'GET',
    path: `${INTAKE_PATH}/status`,
    handler: 'requests.status',
    config: { auth: false, prefix: '' },
  },
]);
