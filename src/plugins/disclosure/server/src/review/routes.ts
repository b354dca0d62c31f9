import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

/**
 * Admin routes (mounted under /disclosure). Each workflow step is also checked per item by the
 * review service: division, four eyes, the item's state.
 */
export const adminRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/workflow', handler: 'workflow.describe', config: allowed() },
  {
    method: 'POST',
    path: '/reviews/submit',
    handler: 'reviews.submit',
    config: allowed(ACTIONS.submit),
  },
  {
    method: 'POST',
    path: '/reviews/approve',
    handler: 'reviews.approve',
    config: allowed(ACTIONS.approveDivision),
  },
  // Returned by the reviewer of the step the item waits at; the service checks which.
  { method: 'POST', path: '/reviews/return', handler: 'reviews.return', config: allowed() },
  {
    method: 'POST',
    path: '/reviews/clear',
    handler: 'reviews.clear',
    config: allowed(ACTIONS.approveConfidentiality),
  },
  {
    method: 'POST',
    path: '/reviews/withhold',
    handler: 'reviews.withhold',
    config: allowed(ACTIONS.approveConfidentiality),
  },
  // Publishing needs the Content Manager's publish permission, checked by the service.
  { method: 'POST', path: '/reviews/publish', handler: 'reviews.publish', config: allowed() },
  {
    method: 'POST',
    path: '/reviews/unpublish',
    handler: 'reviews.unpublish',
    config: allowed(ACTIONS.unpublish),
  },
  {
    method: 'GET',
    path: '/reviews/:contentType/:documentId',
    handler: 'reviews.show',
    config: allowed(ACTIONS.readQueue),
  },
  { method: 'GET', path: '/queue', handler: 'reviews.queue', config: allowed(ACTIONS.readQueue) },
];
