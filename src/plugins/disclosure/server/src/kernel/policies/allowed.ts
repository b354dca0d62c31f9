/** Route config: signed-in admins holding any of the plugin actions (none given: every signed-in admin). */
export const allowed = (...actions: string[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    ...(actions.length ? [{ name: 'plugin::disclosure.has-permission', config: { actions } }] : []),
  ],
});
