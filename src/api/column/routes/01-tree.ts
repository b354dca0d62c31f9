/** `GET /api/columns/tree`: the whole catalogue in one call. Loaded before the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/columns/tree',
      handler: 'api::column.column.tree',
      config: {},
    },
  ],
};
