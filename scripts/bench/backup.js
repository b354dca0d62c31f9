#!/usr/bin/env node
/**
 * `npm run bench:backup`: how long `npm run backup` and `npm run restore` take and how large the
 * archive is, for the development demo and for generated published items (BENCH_SIZES, default
 * 100000; generate.js), on SQLite and, when one answers, PostgreSQL (BENCH_DATABASES). Each
 * database is filled by a boot in its own process (the demo's seed, or the bulk load), backed up
 * by the real script, restored into a fresh empty database (which must match the manifest), and
 * dropped. Prints the figures; asserts nothing else. Uses dist/ as it is (compile first:
 * `npm run build` or a test run). Figures: docs/decisions/0038-backup-and-restore.md.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { APP_ENV, benchDir, createBenchDatabase, root } = require('./app');

const list = (value, fallback) =>
  (value || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, '100000').map(Number);
const DATABASES = list(process.env.BENCH_DATABASES, 'sqlite,postgres');
const KEY = Buffer.alloc(32, 7).toString('base64');

/** Runs a node script to its end; its wall time in seconds. Throws with its output on failure. */
function timed(args, env) {
  const started = Date.now();
  const child = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const seconds = (Date.now() - started) / 1000;
  if (child.status !== 0) {
    throw new Error(`${args.join(' ')} failed:\n${child.stdout}\n${child.stderr}`);
  }
  return { seconds, stdout: child.stdout };
}

/** The environment the scripts and boots get: the bench secrets, the database, no .env. */
const envFor = (database, extra = {}) => ({
  ...process.env,
  ...APP_ENV,
  DISCLOSURE_PERSONAL_DATA_KEY: KEY,
  DATABASE_URL: '',
  DATABASE_FILENAME: '',
  ...database.env,
  ENV_PATH: path.join(benchDir, 'no.env'),
  ...extra,
});

function fill(database, size) {
  if (size === 'demo') {
    return timed(
      [
        '-e',
        `const { bootApp, stopApp } = require(${JSON.stringify(path.join(__dirname, 'app.js'))});
         bootApp().then(stopApp).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`,
      ],
      envFor(database, { DEMO_SEED_OVERRIDE: 'true' })
    );
  }
  const resultFile = path.join(benchDir, `backup-generate-${process.pid}.json`);
  const result = timed(
    [path.join(__dirname, 'child.js'), 'generate', String(size)],
    envFor(database, { BENCH_RESULT_FILE: resultFile })
  );
  fs.rmSync(resultFile, { force: true });
  return result;
}

async function measure(client, size) {
  const source = await createBenchDatabase(client, size);
  const target = await createBenchDatabase(client, `${size}_restored`);
  const archive = path.join(benchDir, `backup-${process.pid}-${client}-${size}.tar`);
  const uploads = path.join(benchDir, `uploads-${process.pid}`);
  try {
    console.log(`[bench:backup] ${client} ${size}: filling …`);
    fill(source, size);
    const databaseBytes = await source.sizeOnDisk();
    const backup = timed(
      [path.join(root, 'scripts', 'backup.js'), '--out', archive],
      envFor(source)
    );
    const archiveBytes = fs.statSync(archive).size;
    const restore = timed(
      [path.join(root, 'scripts', 'restore.js'), archive, '--uploads', uploads],
      envFor(target)
    );
    const manifest = JSON.parse(
      spawnSync('tar', ['-xOf', archive, 'manifest.json'], { encoding: 'utf8' }).stdout
    );
    const rows = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
    return {
      client,
      size,
      rows,
      databaseMB: databaseBytes / 2 ** 20,
      archiveMB: archiveBytes / 2 ** 20,
      backupSeconds: backup.seconds,
      restoreSeconds: restore.seconds,
    };
  } finally {
    fs.rmSync(archive, { force: true });
    fs.rmSync(uploads, { recursive: true, force: true });
    await source.drop();
    await target.drop();
  }
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
  if (!fs.existsSync(path.join(root, 'dist'))) {
    throw new Error('no dist/: compile the app first (npm run build, or any test run)');
  }
  fs.mkdirSync(benchDir, { recursive: true });
  const rows = [];
  for (const client of DATABASES) {
    if (client === 'postgres' && !(await postgresAnswers())) {
      console.log('[bench:backup] no PostgreSQL answers on PGHOST/PGPORT: skipped');
      continue;
    }
    for (const size of ['demo', ...SIZES]) rows.push(await measure(client, size));
  }
  console.log(
    '\ndatabase  data          rows     db size   archive   backup   restore (incl. check)'
  );
  for (const row of rows) {
    console.log(
      [
        row.client.padEnd(8),
        String(row.size === 'demo' ? 'demo' : `${row.size / 1000}k items`).padEnd(12),
        String(row.rows).padStart(8),
        `${row.databaseMB.toFixed(1)} MB`.padStart(9),
        `${row.archiveMB.toFixed(1)} MB`.padStart(9),
        `${row.backupSeconds.toFixed(1)} s`.padStart(8),
        `${row.restoreSeconds.toFixed(1)} s`.padStart(9),
      ].join('  ')
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
