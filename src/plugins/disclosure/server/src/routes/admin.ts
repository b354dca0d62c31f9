import { ACTIONS } from '../constants';

/** Signed-in admins holding any of the plugin actions (none given: every signed-in admin). */
const allowed = (...actions: string[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    ...(actions.length ? [{ name: 'plugin::disclosure.has-permission', config: { actions } }] : []),
  ],
});

/**
 * Admin routes (mounted under /disclosure). Each workflow step is also checked per item by the
 * review service: division, four eyes, the item's state.
 */
export default {
  type: 'admin',
  routes: [
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
    { method: 'GET', path: '/staff', handler: 'staff.list', config: allowed(ACTIONS.manageStaff) },
    {
      method: 'PUT',
      path: '/staff/:userId',
      handler: 'staff.assign',
      config: allowed(ACTIONS.manageStaff),
    },
    { method: 'GET', path: '/queue', handler: 'reviews.queue', config: allowed(ACTIONS.readQueue) },
    {
      method: 'GET',
      path: '/statistics',
      handler: 'staff-statistics.find',
      config: allowed(ACTIONS.readStatistics),
    },
    {
      method: 'GET',
      path: '/statistics/records',
      handler: 'staff-statistics.records',
      config: allowed(ACTIONS.readStatistics),
    },
    {
      method: 'GET',
      path: '/annual-reports/:year',
      handler: 'annual-reports.show',
      config: allowed(ACTIONS.readStatistics),
    },
    {
      method: 'PUT',
      path: '/annual-reports/:year',
      handler: 'annual-reports.save',
      config: allowed(ACTIONS.manageReports),
    },
    {
      method: 'POST',
      path: '/annual-reports/:year/submit',
      handler: 'annual-reports.submit',
      config: allowed(ACTIONS.manageReports),
    },
    {
      method: 'GET',
      path: '/annual-reports/:year/export',
      handler: 'annual-reports.export',
      config: allowed(ACTIONS.readStatistics),
    },
    ...(
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
      ] as const
    ).map(([method, path, action]) => ({
      method,
      path,
      handler: `requests.${action}`,
      config: allowed(ACTIONS.handleRequests),
    })),
    // The confidentiality reviewer reads requests (masked) and clears or returns their replies.
    ...(
      [
        ['GET', '/requests', 'list'],
        ['GET', '/requests/:trackingNumber', 'show'],
        ['GET', '/requests/:trackingNumber/attachments/:id', 'attachment'],
      ] as const
    ).map(([method, path, action]) => ({
      method,
      path,
      handler: `requests.${action}`,
      config: allowed(ACTIONS.handleRequests, ACTIONS.approveConfidentiality),
    })),
    ...(
      [
        ['POST', '/requests/:trackingNumber/reply/clear', 'clearReply'],
        ['POST', '/requests/:trackingNumber/reply/return', 'returnReply'],
      ] as const
    ).map(([method, path, action]) => ({
      method,
      path,
      handler: `requests.${action}`,
      config: allowed(ACTIONS.approveConfidentiality),
    })),
    {
      method: 'GET',
      path: '/audit/verify',
      handler: 'audit.verify',
      config: allowed(ACTIONS.readAudit),
    },
  ],
};
