/**
 * Compiles the app (TypeScript → dist/) once per test run; every test file then boots the compiled
 * app. compileStrapi exits the process on a type error, so a broken build fails the run at once.
 */
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
