#!/usr/bin/env node
/**
 * `npm run bench:api`: the website API side by side (issue #15, part 5; docs/decisions/0037).
 *
 * Per database (BENCH_DATABASES, default sqlite,postgres) and size (BENCH_API_SIZES, default
 * 10000,100000 items: half published over 10 years and the catalogue's columns, half
 * never-published drafts): one generated database, then five serving processes in turn, each a
 * production-mode node (serve.js) on it or on a copy of it:
 *   cold    this app, RESPONSE_CACHE=off
 *   warm    this app, cache on (each URL read once first, then the load)
 *   plain   Strapi's default controllers on the same schemas (plain-app.js), on a copy
 *   plain+i the same with an index on published_at
 *   static  a Node http server answering the bytes `cold` answered, per URL
 * and per server and query autocannon with 20 connections for BENCH_API_SECONDS (5) after a 1 s
 * warm-up: req/s, p50/p99 latency, errors and non-2xx answers, the node's RSS after the run.
 * Prints one table per database and size and the ratios the targets name; writes them to
 * .tmp/bench/api-<time>.{json,md}. Drops the databases and the plain app directories at the end
 * and on Ctrl-C. Asserts nothing, except that every answer was a 2xx.
 *
 * Quick mode: BENCH_API_SIZES=2000 BENCH_API_SECONDS=2. BENCH_API_SERVERS=cold,plain (a subset of
 * cold,warm,plain,plainIndex,static) runs fewer servers; BENCH_API_CONNECTIONS (20). BENCH_SKIP_COMPILE=true benchmarks dist/
 * as it is. PGHOST/PGPORT/PGUSER as the other benches.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');
const { ensurePostgres } = require('../../postgres');
const { buildPlugin } = require('../../build-plugin');
const { benchDir, createBenchDatabase, root } = require('../app');
const { load, startNode, startStatic, stopAll } = require('./nodes');
const { writePlainApp } = require('./plain-app');
const { printTables, toMarkdown } = require('./report');

const list = (value, fallback) =>
  (value || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_API_SIZES, '10000,100000').map(Number);
const DATABASES = list(process.env.BENCH_DATABASES, 'sqlite,postgres');
const SECONDS = Number(process.env.BENCH_API_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS || 20);
/** Which servers to run (static needs cold: it serves the bytes cold answered). */
const SERVERS = list(process.env.BENCH_API_SERVERS, 'cold,warm,plain,plainIndex,static');

for (const size of SIZES)
  if (!Number.isInteger(size) || size < 1000)
    throw new Error(`BENCH_API_SIZES: ${size} is not a size ≥ 1000`);
for (const database of DATABASES)
  if (database !== 'postgres' && database !== 'sqlite')
    throw new Error(`BENCH_DATABASES: ${database} is neither postgres nor sqlite`);

/** The default order of our lists (src/constants.ts DEFAULT_ITEM_SORT), spelled out for plain. */
const SORT = 'sort[0]=firstPublishedAt:desc&sort[1]=publishedAt:desc&sort[2]=id:desc';
const WEBSITE_DETAIL =
  'populate[column]=true&populate[department]=true&populate[metadata]=true&populate[attachments]=true';

/** The queries, as this app and as plain Strapi ask them (null: plain has no such route). */
function queries({ column, detailDocumentId, publishedArticles }) {
  const page = Math.max(1, Math.min(200, Math.floor(publishedArticles / 20)));
  const list = '/api/articles?pagination[pageSize]=20';
  return [
    { key: 'newest', label: 'list, newest 20', ours: list, plain: `${list}&${SORT}` },
    {
      key: 'column',
      label: 'list of one column',
      ours: `${list}&column=${column}`,
      plain: `${list}&filters[column][code][$eq]=${column}&${SORT}`,
    },
    {
      key: 'page',
      label: `page ${page}`,
      ours: `${list}&pagination[page]=${page}`,
      plain: `${list}&pagination[page]=${page}&${SORT}`,
    },
    {
      key: 'detail',
      label: 'detail with its column',
      ours: `/api/articles/${detailDocumentId}?populate=column`,
      plain: `/api/articles/${detailDocumentId}?populate=column`,
    },
    {
      key: 'website',
      label: 'detail as the website needs it',
      ours: `/api/articles/${detailDocumentId}?${WEBSITE_DETAIL}`,
      plain: `/api/articles/${detailDocumentId}?${WEBSITE_DETAIL}`,
    },
    {
      key: 'tree',
      label: 'catalogue tree',
      ours: '/api/columns/tree',
      // A stand-in: plain Strapi has no tree; the columns with their parents, one page.
      plain: '/api/columns?populate=parent&pagination[pageSize]=100',
    },
  ];
}

/** Databases and directories not removed yet, removed on Ctrl-C too. */
const open = new Set();

function runPrepare(size, env) {
  const resultFile = path.join(benchDir, `api-prepare-${process.pid}.json`);
  fs.rmSync(resultFile, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'prepare.js'), String(size)], {
      cwd: root,
      env: { ...process.env, ...env, BENCH_RESULT_FILE: resultFile },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 || !fs.existsSync(resultFile))
        return reject(new Error(`data step failed (exit ${code ?? signal})`));
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      fs.rmSync(resultFile, { force: true });
      resolve(result);
    });
  });
}

/** A copy of the generated database for the plain baseline (its boot rewrites the schema). */
async function copyDatabase(client, database) {
  const name = `${database.name}_plain`;
  if (client === 'sqlite') {
    const file = database.env.DATABASE_FILENAME;
    const copy = path.join(path.dirname(file), `${name}.db`);
    for (const suffix of ['', '-wal', '-shm'])
      if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    return {
      name,
      env: { ...database.env, DATABASE_FILENAME: copy },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(copy + suffix, { force: true });
      },
    };
  }
  const settings = {
    host: process.env.PGHOST || '127.0.0.1',
    port: Number(process.env.PGPORT || 5432),
    user: process.env.PGUSER || 'postgres',
    password: process.env.PGPASSWORD || '',
    database: 'postgres',
  };
  const run = async (sql) => {
    const admin = new Client(settings);
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE ${database.name}`);
  return {
    name,
    env: { ...database.env, DATABASE_URL: database.env.DATABASE_URL.replace(/[^/]+$/, name) },
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One GET: status, content type and body. */
async function fetchPage(url) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cache: response.headers.get('x-cache'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The documentIds an answer lists, in order: the servers must answer the same items. */
function documentIdsOf(body) {
  try {
    const { data } = JSON.parse(body.toString('utf8'));
    return (Array.isArray(data) ? data : [data]).map((entry) => entry?.documentId).join(',');
  } catch {
    return null;
  }
}

/** Every query against one server; `pick` chooses its URL (ours or plain); null skips. */
async function measureServer(server, list, pick, { prime = false } = {}) {
  const rows = {};
  for (const query of list) {
    const pathname = pick(query);
    if (pathname === null) continue;
    const first = await fetchPage(server.url + pathname);
    if (first.status !== 200)
      throw new Error(
        `${server.label} ${pathname}: ${first.status} ${first.body.toString().slice(0, 300)}`
      );
    // The cache's answer to a second read (HIT once the cache is in; none on a build without it).
    const primed = prime ? await fetchPage(server.url + pathname) : null;
    const result = await load(server.url + pathname, {
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    rows[query.key] = {
      ...result,
      bytes: first.body.length,
      rss: server.rss(),
      xCache: primed ? (primed.cache ?? 'none') : first.cache,
      documentIds: documentIdsOf(first.body),
    };
    console.log(
      `    ${server.label.padEnd(8)} ${query.label.padEnd(32)} ${result.reqPerSec
        .toFixed(0)
        .padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms` +
        (result.errors || result.non2xx ? `  ERRORS ${result.errors} non-2xx ${result.non2xx}` : '')
    );
  }
  return rows;
}

async function benchOne(client, size) {
  const database = await createBenchDatabase(client, `api${size}`);
  open.add(database);
  const dirs = [];
  let plainDb = null;
  console.log(`\n=== ${client}, ${size} items: database ${database.name} ===`);
  try {
    const started = Date.now();
    const data = await runPrepare(size, database.env);
    if (database.vacuum) await database.vacuum();
    console.log(
      `  ${data.published} published + ${data.drafts} drafts in ${((Date.now() - started) / 1000).toFixed(0)} s`
    );
    plainDb = await copyDatabase(client, database);
    open.add(plainDb);
    const list = queries(data);
    const servers = {};
    const pages = {};

    const run = async (key, label, start, pick, options) => {
      if (!SERVERS.includes(key) || (key === 'static' && !servers.cold)) return;
      const bootStarted = Date.now();
      const server = await start(label);
      server.label = label;
      const bootSeconds = (Date.now() - bootStarted) / 1000;
      try {
        servers[key] = {
          label,
          bootSeconds,
          rssIdle: server.rss(),
          queries: await measureServer(server, list, pick, options),
        };
        servers[key].rssAfter = server.rss();
        if (key === 'cold')
          for (const query of list) {
            const page = await fetchPage(server.url + query.ours);
            pages[query.ours] = { type: page.type, body: page.body.toString('base64') };
          }
      } finally {
        await server.stop();
      }
    };

    await run(
      'cold',
      'cold',
      (label) => startNode({ ...database.env, RESPONSE_CACHE: 'off' }, { label }),
      (q) => q.ours
    );
    await run(
      'warm',
      'warm',
      (label) => startNode({ ...database.env, RESPONSE_CACHE: 'on' }, { label }),
      (q) => q.ours,
      {
        prime: true,
      }
    );
    for (const [key, label, extraIndex] of [
      ['plain', 'plain', false],
      ['plainIndex', 'plain+i', true],
    ]) {
      const dir = path.join(benchDir, `plain-app-${process.pid}-${key}`);
      dirs.push(dir);
      open.add({ drop: async () => fs.rmSync(dir, { recursive: true, force: true }) });
      writePlainApp(dir, { extraIndex });
      await run(
        key,
        label,
        (label) => startNode(plainDb.env, { appDir: dir, label }),
        (q) => q.plain
      );
    }
    const pagesFile = path.join(benchDir, `api-static-${process.pid}.json`);
    fs.writeFileSync(pagesFile, JSON.stringify(pages));
    try {
      await run(
        'static',
        'static',
        () => startStatic(pagesFile),
        (q) => q.ours
      );
    } finally {
      fs.rmSync(pagesFile, { force: true });
    }
    // Same items from every server (the tree's stand-in aside): else the comparison is void.
    for (const query of list.filter((q) => q.key !== 'tree'))
      for (const key of ['warm', 'plain', 'plainIndex'])
        if (
          servers.cold &&
          servers[key] &&
          servers[key].queries[query.key].documentIds !==
            servers.cold.queries[query.key].documentIds
        )
          console.log(`  WARNING: ${key} lists other items than cold for "${query.label}"`);
    return { client, size, data, queries: list.map(({ key, label }) => ({ key, label })), servers };
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    if (plainDb) {
      await plainDb.drop();
      open.delete(plainDb);
    }
    await database.drop();
    open.delete(database);
    console.log(`  dropped ${database.name}`);
  }
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(benchDir, { recursive: true });
  if (process.env.BENCH_SKIP_COMPILE === 'true') {
    console.log('BENCH_SKIP_COMPILE=true: benchmarking the app as last compiled in dist/.');
  } else {
    buildPlugin();
    console.log('Compiling the app (dist/) …');
    await require('@strapi/strapi').compileStrapi({ appDir: root, ignoreDiagnostics: false });
  }
  let postgres = null;
  const skipped = [];
  if (DATABASES.includes('postgres')) {
    postgres = await ensurePostgres();
    if (postgres.ok) Object.assign(process.env, postgres.env);
    else skipped.push(`PostgreSQL part SKIPPED: ${postgres.reason}`);
  }
  const results = [];
  try {
    for (const client of DATABASES) {
      if (client === 'postgres' && !postgres.ok) continue;
      for (const size of SIZES) results.push(await benchOne(client, size));
    }
  } finally {
    await stopAll();
    if (postgres) await postgres.stop();
  }
  const settings = {
    seconds: SECONDS,
    connections: CONNECTIONS,
    minutes: (Date.now() - started) / 60000,
    skipped,
  };
  const text = printTables(results, settings);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.join(benchDir, `api-${stamp}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ settings, results }, null, 2));
  fs.writeFileSync(`${base}.md`, toMarkdown(text));
  console.log(`\nWritten: ${path.relative(root, base)}.json and .md`);
  const failed = results.some((result) =>
    Object.values(result.servers).some((server) =>
      Object.values(server.queries).some((row) => row.errors > 0 || row.non2xx > 0)
    )
  );
  if (failed) {
    console.log('Some answers were errors or not 2xx (see ERRORS above).');
    process.exitCode = 1;
  }
}

const cleanUp = async (signal) => {
  await stopAll().catch(() => undefined);
  for (const item of open) await item.drop().catch(() => undefined);
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', cleanUp);
process.on('SIGTERM', cleanUp);

main().catch(async (error) => {
  console.error(error);
  await stopAll().catch(() => undefined);
  process.exitCode = 1;
});
