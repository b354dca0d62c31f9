/**
 * What the benchmark measures in a booted app:
 * - `statisticsOverHttp`: GET /api/disclosure/statistics over real HTTP (an API token, the app's
 *   own server on an ephemeral port), one cold request then N timed ones, with RSS sampled during
 *   the requests;
 * - `naiveCounts`: the year's published documents loaded with the document service
 *   (`findMany` with column, department and metadata populated) and counted in JavaScript — what
 *   the statistics would cost without SQL aggregation;
 * - `capturePlans`: the SQL the providers send for one request (knex query events) and the plan
 *   of the slowest statement (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite).
 */
'use strict';
const http = require('http');
const { distModule } = require('./app');
const { LOCALE } = require('./generate');

const {
  beijingMonthStarts,
  beijingYearRange,
  disclosureService,
} = require('strapi-plugin-gov-disclosure/sdk');

/** Every catalogue item type the statistics count, as the app defines them. */
const { CATALOGUE_ITEM_UIDS: ITEM_UIDS } = distModule('src/constants');
/** `items.type:api::article.article` → `api::article.article`. */
const argOf = (key) => key.slice(key.indexOf(':') + 1);

/** Samples RSS every few milliseconds (between event-loop turns) until stopped. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

function get(port, path, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          resolve({ status: res.statusCode, ms, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      }
    );
    req.on('error', reject);
  });
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    median: at(0.5),
    p90: at(0.9),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
};

/** Timed GET /api/disclosure/statistics for `year`: the first (cold) request, then `runs` more. */
async function statisticsOverHttp(strapi, { year, runs }) {
  const token = (
    await strapi.service('admin::api-token').create({
      name: `bench ${Date.now()}`,
      description: '',
      type: 'read-only',
      lifespan: null,
    })
  ).accessKey;
  strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const path = `/api/disclosure/statistics?year=${year}&locale=${LOCALE}`;
  try {
    const rssBefore = process.memoryUsage().rss;
    const sampler = rssSampler();
    const cold = await get(port, path, token);
    if (cold.status !== 200) throw new Error(`GET ${path} answered ${cold.status}: ${cold.body}`);
    const timings = [];
    let last = cold;
    for (let i = 0; i < runs; i += 1) {
      last = await get(port, path, token);
      if (last.status !== 200) throw new Error(`GET ${path} answered ${last.status}`);
      timings.push(last.ms);
    }
    const rssPeak = sampler.stop();
    const data = JSON.parse(last.body).data;
    return {
      coldMs: cold.ms,
      ...stats(timings),
      rssBefore,
      rssPeak,
      rssAfter: process.memoryUsage().rss,
      total: data.sections.items.total.value,
      byType: Object.fromEntries(data.sections.items.byType.map((f) => [argOf(f.key), f.value])),
      responseBytes: Buffer.byteLength(last.body),
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * The naive statistics: every published document of the year in memory, counted in JavaScript
 * per column, division, month, genre and type. Runs in-process (no HTTP), timed per run.
 */
async function naiveCounts(strapi, { year, runs }) {
  const { from, to } = beijingYearRange(year);
  const monthStarts = beijingMonthStarts(year).map((d) => d.getTime());
  const once = async () => {
    const counts = { total: 0, column: {}, division: {}, month: {}, genre: {}, type: {} };
    const add = (map, key) => {
      map[key] = (map[key] ?? 0) + 1;
    };
    for (const uid of ITEM_UIDS) {
      const documents = await strapi.documents(uid).findMany({
        status: 'published',
        locale: LOCALE,
        filters: { firstPublishedAt: { $gte: from, $lt: to } },
        populate: ['column', 'department', 'metadata'],
      });
      for (const doc of documents) {
        const at = new Date(doc.firstPublishedAt).getTime();
        let month = 12;
        for (let m = 1; m < 12; m += 1)
          if (at < monthStarts[m]) {
            month = m;
            break;
          }
        counts.total += 1;
        add(counts.column, doc.column?.code ?? 'none');
        add(counts.division, doc.department?.documentId ?? 'none');
        add(counts.month, month);
        add(counts.genre, doc.metadata?.genre ?? 'none');
        add(counts.type, uid);
      }
    }
    return counts;
  };
  const rssBefore = process.memoryUsage().rss;
  const sampler = rssSampler();
  const timings = [];
  let counts;
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    counts = await once();
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const rssPeak = sampler.stop();
  // The same year through the SQL providers, in-process too, to compare figures and time.
  const sqlTimings = [];
  let sql;
  for (let i = 0; i < 3; i += 1) {
    const started = process.hrtime.bigint();
    sql = await disclosureService(strapi, 'statistics').yearly(year, LOCALE, ['items']);
    sqlTimings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const items = sql.sections.items;
  const sameFigures =
    items.total.value === counts.total &&
    items.byMonth.every((f, index) => f.value === (counts.month[index + 1] ?? 0)) &&
    items.byType.every((f) => f.value === (counts.type[argOf(f.key)] ?? 0)) &&
    items.byGenre.every((f) => f.value === counts.genre[argOf(f.key)]) &&
    items.byDivision.every((f) => f.value === (counts.division[argOf(f.key)] ?? 0));
  return {
    ...stats(timings),
    rssBefore,
    rssPeak,
    total: counts.total,
    sameFiguresAsSql: sameFigures,
    sqlInProcessMedianMs: stats(sqlTimings).median,
  };
}

/**
 * Runs the statistics once with knex's query events on, and returns every statement with its
 * time, plus the plan of the slowest one.
 */
async function capturePlans(strapi, { year }) {
  const knex = strapi.db.connection;
  const started = new Map();
  const queries = [];
  const onQuery = (query) =>
    started.set(query.__knexQueryUid, { query, at: process.hrtime.bigint() });
  const onResponse = (_response, query) => {
    const entry = started.get(query.__knexQueryUid);
    if (entry)
      queries.push({
        sql: query.sql,
        bindings: query.bindings ?? [],
        ms: Number(process.hrtime.bigint() - entry.at) / 1e6,
      });
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  try {
    await disclosureService(strapi, 'statistics').yearly(year, LOCALE);
  } finally {
    knex.removeListener('query', onQuery);
    knex.removeListener('query-response', onResponse);
  }
  queries.sort((a, b) => b.ms - a.ms);
  const slowest = queries[0];
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  // knex reports PostgreSQL statements with $n placeholders: run them through the driver as such.
  const explain = isSqlite ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
  let plan;
  if (isSqlite) {
    const rows = await knex.raw(explain + slowest.sql, slowest.bindings);
    plan = rows.map((row) => `${row.id}|${row.parent}| ${row.detail}`).join('\n');
  } else {
    const connection = await knex.client.acquireConnection();
    try {
      const result = await connection.query(explain + slowest.sql, slowest.bindings);
      plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await knex.client.releaseConnection(connection);
    }
  }
  return {
    statements: queries.length,
    totalMs: queries.reduce((sum, q) => sum + q.ms, 0),
    slowest: queries.slice(0, 3).map((q) => ({ ms: q.ms, sql: q.sql.slice(0, 160) })),
    slowestSql: slowest.sql,
    slowestBindings: slowest.bindings,
    plan,
  };
}

module.exports = { statisticsOverHttp, naiveCounts, capturePlans };
