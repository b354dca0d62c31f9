const { disclosureService } = require('strapi-plugin-gov-disclosure/sdk');
/**
 * A second app process for the concurrency tests: boots the compiled app on the database named by
 * the environment, says READY, waits for GO on stdin, runs one task, prints its result as JSON and
 * exits. Tasks: `allocate <uid> <year> <documentId>…` (索引号), `remind <YYYY-MM-DD>` (the daily
 * request reminders), `digest <YYYY-MM-DD>` (the timeliness monitor's daily digest), `serve` (a
 * second app node: listens on HOST:PORT from the environment until GO, then prints `true`).
 */
const path = require('path');
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');

const TASKS = {
  allocate(strapi, [uid, year, ...documentIds]) {
    const numbers = disclosureService(strapi, 'index-numbers');
    const at = new Date(`${year}-06-01T00:00:00Z`);
    return Promise.all(documentIds.map((documentId) => numbers.allocate(uid, documentId, at)));
  },
  remind(strapi, [today]) {
    return disclosureService(strapi, 'request-reminders').run(today);
  },
  digest(strapi, [today]) {
    return disclosureService(strapi, 'monitor-digest').run(today);
  },
  // Serving happens between READY and GO (see main); nothing is left to do.
  serve() {
    return true;
  },
};

async function main() {
  const [task, ...args] = process.argv.slice(2);
  if (!TASKS[task]) throw new Error(`unknown task ${task}`);
  const appDir = path.resolve(__dirname, '..', '..');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  if (task === 'serve') {
    strapi.server.mount();
    await new Promise((resolve) =>
      strapi.server.httpServer.listen(Number(process.env.PORT), process.env.HOST, resolve)
    );
  }
  process.stdout.write('READY\n');
  await new Promise((resolve) =>
    readline.createInterface({ input: process.stdin }).once('line', resolve)
  );
  const result = await TASKS[task](strapi, args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await strapi.destroy();
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
