/**
 * Content-API routes (mounted under /api/disclosure) for the website and the coordinator's tools,
 * with an API token; the Public role has no permission on them, so anonymous callers get 403.
 * - GET /statistics: the figures about published items (`plugin::disclosure.statistics.find`;
 *   read-only tokens have it, as Strapi gives them every handler named find/findOne).
 * - GET /statistics/records: the published items behind one of those figures
 *   (`plugin::disclosure.statistics.records`: a custom or full-access token only).
 * The review and request figures and their records are the admin panel's (docs/decisions/0014).
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/statistics', handler: 'statistics.find', config: {} },
    { method: 'GET', path: '/statistics/records', handler: 'statistics.records', config: {} },
    // Anyone may apply (条例 Art. 27); the status needs the tracking number and its query code.
    // Mounted at /api/disclosure-requests (no plugin prefix) for the website's developers.
    {
      method: 'POST',
      path: '/disclosure-requests',
      handler: 'requests.create',
      // The guard runs from config/middlewares.ts before the body is read; named here as well so
      // the limit holds in an app that did not list it (it counts a request once).
      config: { auth: false, prefix: '', middlewares: ['plugin::disclosure.intake-guard'] },
    },
    {
      method: 'GET',
      path: '/disclosure-requests/status',
      handler: 'requests.status',
      config: { auth: false, prefix: '' },
    },
  ],
};
