#!/usr/bin/env node
/**
 * `npm run bench`: the yearly statistics endpoint on PostgreSQL and SQLite at 100k and 1M
 * published items, against a naive document-service count at 100k (docs/decisions/0008).
 *
 * Per database and size: a fresh database (dropped at the end), then three child processes so
 * each one's peak memory is its own — `generate` (boot, bulk load, census), `sql` (boot, timed
 * HTTP requests, the plan of the slowest statement) and, up to BENCH_NAIVE_MAX_ITEMS, `naive`.
 * Prints; asserts nothing.
 *
 * Environment: BENCH_SIZES (default 100000,1000000), BENCH_DATABASES (postgres,sqlite),
 * BENCH_YEAR (2020), BENCH_RUNS (7), BENCH_NAIVE_MAX_ITEMS (100000), BENCH_SKIP_COMPILE=true (use
 * dist/ as it is, e.g. while a colleague's edit does not compile); PGHOST/PGPORT/PGUSER.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensurePostgres } = require('../postgres');
const { buildPlugin } = require('../build-plugin');
const { benchDir, createBenchDatabase, root } = require('./app');
const { printReport } = require('./report');

const list = (value, fallback) =>
  (value || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, '100000,1000000').map(Number);
const DATABASES = list(process.env.BENCH_DATABASES, 'postgres,sqlite');
const YEAR = Number(process.env.BENCH_YEAR || 2020);
const RUNS = Number(process.env.BENCH_RUNS || 7);
const NAIVE_MAX_ITEMS = Number(process.env.BENCH_NAIVE_MAX_ITEMS || 100000);

for (const size of SIZES) {
  if (!Number.isInteger(size) || size < 1000)
    throw new Error(`BENCH_SIZES: ${size} is not a size ≥ 1000`);
}
for (const database of DATABASES) {
  if (database !== 'postgres' && database !== 'sqlite')
    throw new Error(`BENCH_DATABASES: ${database} is neither postgres nor sqlite`);
}

/** Databases not dropped yet, dropped on Ctrl-C too. */
const open = new Set();

function runChild(mode, args, env) {
  const resultFile = path.join(benchDir, `result-${process.pid}-${mode}.json`);
  fs.rmSync(resultFile, { force: true });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'child.js'), mode, ...args.map(String)],
      {
        cwd: root,
        env: { ...process.env, ...env, BENCH_RESULT_FILE: resultFile },
        stdio: 'inherit',
      }
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 || !fs.existsSync(resultFile)) {
        reject(new Error(`bench step "${mode}" failed (exit ${code ?? signal})`));
        return;
      }
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      fs.rmSync(resultFile, { force: true });
      resolve({ ...result, wallSeconds: (Date.now() - started) / 1000 });
    });
  });
}

async function benchOne(client, size) {
  const database = await createBenchDatabase(client, size);
  open.add(database);
  console.log(`\n=== ${client}, ${size} items: database ${database.name} ===`);
  try {
    const generated = await runChild('generate', [size], database.env);
    console.log(
      `  generated in ${generated.loadSeconds.toFixed(1)} s` +
        (generated.analyzeSeconds ? ` (+ ANALYZE ${generated.analyzeSeconds.toFixed(1)} s)` : '')
    );
    const bytesOnDisk = await database.sizeOnDisk();
    const sql = [];
    const measure = async (state) => {
      const result = await runChild('sql', [YEAR, RUNS], database.env);
      const planFile = path.join(benchDir, `plan-${client}-${size}${state.file}.txt`);
      fs.writeFileSync(
        planFile,
        `-- slowest statement of one statistics request (${client}, ${size} items, ${state.label}, year ${YEAR})\n` +
          `${result.plans.slowestSql}\n-- bindings: ${JSON.stringify(result.plans.slowestBindings)}\n\n${result.plans.plan}\n`
      );
      console.log(
        `  statistics (${state.label}): median ${result.http.median.toFixed(0)} ms over ${RUNS} requests`
      );
      sql.push({ ...result, state: state.label, planFile });
    };
    await measure({ label: client === 'postgres' ? 'as loaded (ANALYZE)' : 'as loaded', file: '' });
    const naive =
      size <= NAIVE_MAX_ITEMS ? await runChild('naive', [YEAR, RUNS], database.env) : null;
    if (naive) console.log(`  naive: median ${naive.naive.median.toFixed(0)} ms`);
    let vacuumSeconds = null;
    if (client === 'postgres') {
      // A live database's tables are vacuumed by autovacuum; the plans depend on it (0008).
      const started = Date.now();
      await database.vacuum();
      vacuumSeconds = (Date.now() - started) / 1000;
      await measure({ label: '+ VACUUM', file: '-vacuumed' });
    }
    return { client, size, generated, bytesOnDisk, vacuumSeconds, sql, naive };
  } finally {
    await database.drop();
    open.delete(database);
    console.log(`  dropped ${database.name}`);
  }
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  if (process.env.BENCH_SKIP_COMPILE === 'true') {
    console.log('BENCH_SKIP_COMPILE=true: benchmarking the app as last compiled in dist/.');
  } else {
    buildPlugin();
    console.log('Compiling the app (dist/) …');
    await require('@strapi/strapi').compileStrapi({ appDir: root, ignoreDiagnostics: false });
  }

  const skipped = [];
  let postgres = null;
  if (DATABASES.includes('postgres')) {
    postgres = await ensurePostgres();
    if (postgres.ok) Object.assign(process.env, postgres.env);
    else skipped.push(`PostgreSQL part SKIPPED: ${postgres.reason}`);
  }
  for (const message of skipped) console.log(message);

  const results = [];
  try {
    for (const client of DATABASES) {
      if (client === 'postgres' && !postgres.ok) continue;
      for (const size of SIZES) results.push(await benchOne(client, size));
    }
  } finally {
    if (postgres) await postgres.stop();
  }
  printReport(results, { year: YEAR, runs: RUNS, skipped });
}

const cleanUp = async (signal) => {
  for (const database of open) await database.drop().catch(() => undefined);
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', cleanUp);
process.on('SIGTERM', cleanUp);

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
