/**
 * A second app process for the concurrency test: boots the compiled app on the database named by
 * the environment, says READY, waits for GO on stdin, allocates index numbers for the documents
 * named in argv, prints them as JSON and exits.
 */
const path = require('path');
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const [uid, year, ...documentIds] = process.argv.slice(2);
  const appDir = path.resolve(__dirname, '..', '..');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  process.stdout.write('READY\n');
  await new Promise((resolve) =>
    readline.createInterface({ input: process.stdin }).once('line', resolve)
  );
  const numbers = strapi.plugin('disclosure').service('index-numbers');
  const at = new Date(`${year}-06-01T00:00:00Z`);
  const values = await Promise.all(
    documentIds.map((documentId) => numbers.allocate(uid, documentId, at))
  );
  process.stdout.write(`${JSON.stringify(values)}\n`);
  await strapi.destroy();
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
