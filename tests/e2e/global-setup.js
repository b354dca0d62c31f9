/**
 * Builds the disclosure plugin (skipped when up to date), then the app and its admin panel once
 * (`strapi build`, about a minute) for the browser tests, which run the built app with
 * `strapi start` as a person would.
 */
const { execFileSync } = require('child_process');
const path = require('path');
const { buildPlugin } = require('../../scripts/build-plugin');

module.exports = async () => {
  const appDir = path.join(__dirname, '..', '..');
  buildPlugin();
  execFileSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
};
