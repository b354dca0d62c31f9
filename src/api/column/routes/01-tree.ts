/**
 * `GET /api/columns/tree`: the whole catalogue in one call. Loaded before the core routes. It is a
 * view of the columns list, so it needs what the list needs (`column.find`): the Public role and a
 * read-only token — what a website build holds — may call it (a handler not named `find` would be
 * outside a read-only token's scope).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/columns/tree',
      handler: 'api::column.column.tree',
      config: { auth: { scope: ['api::column.column.find'] } },
    },
  ],
};
