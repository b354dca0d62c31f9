/**
 * Content-API routes (mounted under /api/disclosure), for the coordinator's tools. They need an
 * API token: read-only tokens may call them (the handlers are named find), custom tokens need the
 * permissions `plugin::disclosure.statistics.find` / `plugin::disclosure.figure-records.find`.
 * The Public role has neither, so anonymous callers get 403.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/statistics', handler: 'statistics.find', config: {} },
    { method: 'GET', path: '/statistics/records', handler: 'figure-records.find', config: {} },
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
