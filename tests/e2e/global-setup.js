/**
 * Builds the disclosure plugin (skipped when up to date), then the app and its admin panel once
 * (`strapi build`, about a minute) for the browser tests, which run the built app with
 * `strapi start` as a person would.
 */
const { execFileSync } = require('child_process');
const path = require('path');
const { buildPlugin } = require('../../scripts/build-plugin');

module.exports = async () => {
  // One run id for every test file of this jest run (their shared demo template); npm test
  // sets its own for all its suites.
  if (!process.env.DISCLOSURE_TEST_RUN) {
    process.env.DISCLOSURE_TEST_RUN = `${Date.now()}-${process.pid}`;
    process.env.DISCLOSURE_TEST_RUN_OWNER = String(process.pid);
  }
  // npm test built the app and its admin panel already: the other suites are reading dist/.
  if (process.env.DISCLOSURE_TEST_COMPILED === 'with-admin') return;
  const appDir = path.join(__dirname, '..', '..');
  buildPlugin();
  execFileSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
};
