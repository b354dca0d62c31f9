export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/workflow',
      handler: 'workflow.describe',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
