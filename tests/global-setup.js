/**
 * Builds the disclosure plugin (its own dist/, skipped when up to date) and compiles the app
 * (TypeScript → dist/) once per test run; every test file then boots the compiled app.
 * compileStrapi exits the process on a type error, so a broken build fails the run at once.
 */
const { compileStrapi } = require('@strapi/strapi');
const { buildPlugin } = require('../scripts/build-plugin');

module.exports = async () => {
  // npm test compiled once already, for suites that run side by side.
  if (process.env.DISCLOSURE_TEST_COMPILED === 'true') return;
  buildPlugin();
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
