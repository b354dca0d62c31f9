/**
 * Builds the app and its admin panel once (`strapi build`, about a minute) for the browser tests,
 * which run the built app with `strapi start` as a person would.
 */
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const appDir = path.join(__dirname, '..', '..');
  execFileSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
};
