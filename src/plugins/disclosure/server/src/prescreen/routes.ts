import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

/** Admin routes (mounted under /disclosure); the item routes are scoped by division as the review's. */
export const adminRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/prescreen/sensitive-words',
    handler: 'prescreen.sensitiveWords',
    config: allowed(ACTIONS.managePrescreen),
  },
  {
    method: 'PUT',
    path: '/prescreen/sensitive-words',
    handler: 'prescreen.replaceSensitiveWords',
    config: allowed(ACTIONS.managePrescreen),
  },
  {
    method: 'POST',
    path: '/prescreen/findings/:id/confirm',
    handler: 'prescreen.confirm',
    config: allowed(ACTIONS.approveConfidentiality),
  },
  {
    method: 'GET',
    path: '/prescreen/:contentType/:documentId',
    handler: 'prescreen.findings',
    config: allowed(ACTIONS.readQueue),
  },
];
