/**
 * Builds the disclosure plugin (its own dist/, skipped when up to date) and compiles the app
 * (TypeScript → dist/) once per test run; every test file then boots the compiled app.
 * compileStrapi exits the process on a type error, so a broken build fails the run at once.
 */
const { compileStrapi } = require('@strapi/strapi');
const { buildPlugin } = require('../scripts/build-plugin');

module.exports = async () => {
  // One run id for every test file of this jest run (their shared demo template); npm test
  // sets its own for all its suites.
  if (!process.env.DISCLOSURE_TEST_RUN) {
    process.env.DISCLOSURE_TEST_RUN = `${Date.now()}-${process.pid}`;
    process.env.DISCLOSURE_TEST_RUN_OWNER = String(process.pid);
  }
  // npm test built once already, for suites that run side by side.
  if (process.env.DISCLOSURE_TEST_COMPILED) return;
  buildPlugin();
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
