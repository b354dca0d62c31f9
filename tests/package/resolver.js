/**
 * Resolves the plugin's package name from the bare app's node_modules (tests/package/host-app.ts),
 * as a real `npm install` would. Without this, Strapi's own lookup of installed plugins, which runs
 * inside @strapi/core, would find this repository's link to src/plugins/disclosure: the bare app's
 * packages are links into this repository's node_modules, and Node resolves from a link's target.
 * The bare app's directory comes from the global setup (the resolver does not see a test's env).
 */
const PACKAGE_NAME = 'strapi-plugin-gov-disclosure';

module.exports = (request, options) => {
  const hostApp = process.env.DISCLOSURE_HOST_APP;
  const isPlugin = request === PACKAGE_NAME || request.startsWith(`${PACKAGE_NAME}/`);
  return options.defaultResolver(
    request,
    hostApp && isPlugin ? { ...options, basedir: hostApp } : options
  );
};
