import type { RouteDefinition } from './module';
import { ACTIONS } from './constants';
import { allowed } from './policies/allowed';

/** Admin routes (mounted under /disclosure): divisions and staff, the audit trail. */
export const adminRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/staff', handler: 'staff.list', config: allowed(ACTIONS.manageStaff) },
  {
    method: 'GET',
    path: '/staff/unmatched',
    handler: 'staff.unmatched',
    config: allowed(ACTIONS.manageStaff),
  },
  {
    method: 'POST',
    path: '/staff/reconcile',
    handler: 'staff.reconcile',
    config: allowed(ACTIONS.manageStaff),
  },
  {
    method: 'PUT',
    path: '/staff/:userId',
    handler: 'staff.assign',
    config: allowed(ACTIONS.manageStaff),
  },
  {
    method: 'GET',
    path: '/audit/verify',
    handler: 'audit.verify',
    config: allowed(ACTIONS.readAudit),
  },
];
