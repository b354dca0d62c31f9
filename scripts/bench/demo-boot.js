#!/usr/bin/env node
/**
 * `npm run bench:demo`: how long a first start takes with the development demo (the 2018 source
 * year from records: ~520 items through the whole review, service cases, proposals, requests)
 * against a start without it, on SQLite and, when one answers, PostgreSQL. Each boot is a fresh
 * process on a fresh database; prints the figures, asserts nothing. Compiles the app first.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { createBenchDatabase, root } = require('./app');

const RUNS = Number(process.env.BENCH_RUNS || 1);

/** One boot in a child process: its wall time in seconds and its peak memory (MB). */
function boot(database, demo) {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    [
      '-e',
      `
      const { bootApp, stopApp } = require(${JSON.stringify(path.join(__dirname, 'app.js'))});
      const started = Date.now();
      bootApp().then(async (strapi) => {
        const seconds = (Date.now() - started) / 1000;
        const rss = process.memoryUsage().rss / 2 ** 20;
        await stopApp(strapi);
        process.stdout.write(JSON.stringify({ seconds, rss }) + '\\n');
        process.exit(0);
      }, (error) => { console.error(error); process.exit(1); });
      `,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...database.env,
        // bootApp sets the fixed test secrets; the demo's switches come after them.
        DEMO_SEED_OVERRIDE: demo ? 'true' : 'false',
      },
    }
  );
  if (child.status !== 0) throw new Error(`boot failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop();
  return { ...JSON.parse(line), process: (Date.now() - started) / 1000 };
}

async function measure(client) {
  const rows = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const demo of [false, true]) {
      const database = await createBenchDatabase(client, demo ? 'demo' : 'plain');
      try {
        rows.push({ client, demo, ...boot(database, demo) });
      } finally {
        await database.drop();
      }
    }
  }
  return rows;
}

async function postgresAnswers() {
  const { Client } = require('pg');
  const client = new Client({
    host: process.env.PGHOST || '127.0.0.1',
    port: Number(process.env.PGPORT || 5432),
    user: process.env.PGUSER || 'postgres',
    database: 'postgres',
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { compileStrapi } = require('@strapi/strapi');
  require('../build-plugin').buildPlugin();
  await compileStrapi({ appDir: root, ignoreDiagnostics: false });
  const rows = await measure('sqlite');
  if (await postgresAnswers()) rows.push(...(await measure('postgres')));
  else console.log('PostgreSQL did not answer on 127.0.0.1:5432: SQLite only.');
  console.log('\ndatabase   demo  boot (s)  process (s)  rss (MB)');
  for (const row of rows) {
    console.log(
      `${row.client.padEnd(10)} ${(row.demo ? 'yes' : 'no').padEnd(5)} ${row.seconds
        .toFixed(1)
        .padStart(8)}  ${row.process.toFixed(1).padStart(11)}  ${row.rss.toFixed(0).padStart(8)}`
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
