/**
 * One serving node of the API benches, in its own process: boots a Strapi app (this app's compiled
 * dist/ by default, or the plain-Strapi baseline's directory given in BENCH_APP_DIR) as a node in
 * production would — NODE_ENV=production, no admin panel, no file watcher — listens on PORT, and
 * tells its parent `{ ready: true }` over IPC. The database, the secrets and the cache switches come
 * from the environment the parent sets.
 */
'use strict';
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.join(__dirname, '..', '..', '..');

async function main() {
  const appDir = process.env.BENCH_APP_DIR || root;
  const distDir = process.env.BENCH_APP_DIR ? appDir : path.join(root, 'dist');
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await strapi.start();
  const stop = async () => {
    await strapi.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  if (process.send) process.send({ ready: true, port: strapi.config.get('server.port') });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
