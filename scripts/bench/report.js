/** The benchmark's printed tables. */
'use strict';

const MB = 1024 * 1024;
const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;
const ms = (value) =>
  value === undefined || value === null ? '–' : `${value.toFixed(value < 10 ? 1 : 0)}`;
const sizeLabel = (size) =>
  size >= 1e6 && size % 1e6 === 0
    ? `${size / 1e6}M`
    : size >= 1e3 && size % 1e3 === 0
      ? `${size / 1e3}k`
      : String(size);

function table(headers, rows) {
  const widths = headers.map((header, i) =>
    Math.max([...header].length, ...rows.map((row) => [...String(row[i])].length))
  );
  const line = (cells) =>
    cells
      .map((cell, i) =>
        i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])
      )
      .join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printReport(results, { year, runs, skipped }) {
  console.log('\n\n################ statistics benchmark ################');
  for (const message of skipped) console.log(message);
  if (results.length === 0) {
    console.log('Nothing was measured.');
    return;
  }

  console.log(`\nGeneration (items first published 2016–2025, zh-Hans; load = bulk INSERTs only)`);
  table(
    [
      'database',
      'items',
      'load s',
      'ANALYZE s',
      'VACUUM s (later)',
      'generate step wall s',
      'boot s',
      'generate maxRSS',
      'size on disk',
      'layout = document service',
    ],
    results.map((r) => [
      r.client,
      sizeLabel(r.size),
      r.generated.loadSeconds.toFixed(1),
      r.client === 'postgres' ? r.generated.analyzeSeconds.toFixed(1) : '–',
      r.vacuumSeconds === null ? '–' : r.vacuumSeconds.toFixed(1),
      r.generated.wallSeconds.toFixed(1),
      r.generated.bootSeconds.toFixed(1),
      mb(r.generated.maxRssBytes),
      mb(r.bytesOnDisk),
      r.generated.layout.matches ? 'yes' : 'NO',
    ])
  );

  console.log('\nRows in the database after generation');
  const tables = Object.keys(results[0].generated.census.rows);
  table(
    ['table', ...results.map((r) => `${r.client} ${sizeLabel(r.size)}`)],
    tables.map((name) => [name, ...results.map((r) => r.generated.census.rows[name] ?? '–')])
  );

  console.log(
    '\nPublished zh-Hans items per Beijing year (all types; articles / policy documents / interpretations / meetings)'
  );
  const years = Object.keys(results[0].generated.census.perYear);
  table(
    ['year', ...results.map((r) => `${r.client} ${sizeLabel(r.size)}`)],
    years.map((y) => [
      y,
      ...results.map((r) => {
        const counts = r.generated.census.perYear[y];
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const parts = [
          'api::article.article',
          'api::policy-document.policy-document',
          'api::policy-interpretation.policy-interpretation',
          'api::meeting.meeting',
        ]
          .map((uid) => counts[uid] ?? 0)
          .join('/');
        return `${total} (${parts})`;
      }),
    ])
  );

  console.log(
    `\nGET /api/disclosure/statistics?year=${year}&locale=zh-Hans — SQL providers, real HTTP, API token; ` +
      `1 cold request then ${runs} timed (ms); memory of the process serving them (one process per row)`
  );
  const measured = results.flatMap((r) => r.sql.map((m) => ({ r, m })));
  table(
    [
      'database',
      'items',
      'state',
      `items in ${year}`,
      'cold',
      'median',
      'p90',
      'min',
      'max',
      'maxRSS (process)',
      'boot s',
      'RSS before requests',
      'RSS growth during requests',
    ],
    measured.map(({ r, m }) => [
      r.client,
      sizeLabel(r.size),
      m.state,
      m.http.total,
      ms(m.http.coldMs),
      ms(m.http.median),
      ms(m.http.p90),
      ms(m.http.min),
      ms(m.http.max),
      mb(m.maxRssBytes),
      m.bootSeconds.toFixed(1),
      mb(m.http.rssBefore),
      `${((m.http.rssPeak - m.http.rssBefore) / MB).toFixed(1)} MB`,
    ])
  );

  const naive = results.filter((r) => r.naive);
  if (naive.length > 0) {
    console.log(
      `\nNaive: documents(uid).findMany({ status: 'published', locale, filters: firstPublishedAt in ${year}, ` +
        `populate: column, department, metadata }) for every item type, counted in JavaScript; in-process (no HTTP), ${runs} runs (ms)`
    );
    table(
      [
        'database',
        'items',
        `items in ${year}`,
        'median',
        'p90',
        'min',
        'max',
        'maxRSS (process)',
        'RSS before',
        'RSS growth',
        'same figures as SQL',
        'SQL items provider in-process median',
      ],
      naive.map((r) => [
        r.client,
        sizeLabel(r.size),
        r.naive.naive.total,
        ms(r.naive.naive.median),
        ms(r.naive.naive.p90),
        ms(r.naive.naive.min),
        ms(r.naive.naive.max),
        mb(r.naive.maxRssBytes),
        mb(r.naive.naive.rssBefore),
        `${((r.naive.naive.rssPeak - r.naive.naive.rssBefore) / MB).toFixed(1)} MB`,
        r.naive.naive.sameFiguresAsSql ? 'yes' : 'NO',
        ms(r.naive.naive.sqlInProcessMedianMs),
      ])
    );
  }

  console.log(
    '\nSlowest SQL statements of one statistics request (knex query events; plans under .tmp/bench/)'
  );
  for (const { r, m } of measured) {
    console.log(
      `${r.client} ${sizeLabel(r.size)} ${m.state}: ${m.plans.statements} statements, ${ms(m.plans.totalMs)} ms in SQL; slowest:`
    );
    for (const q of m.plans.slowest)
      console.log(`  ${ms(q.ms).padStart(7)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 100)}…`);
    console.log(`  plan: ${m.planFile}`);
  }

  console.log(
    '\nTarget: ≤ 1 s for a year at 1M items on PostgreSQL; memory flat as data grows 10×'
  );
  const find = (client, size) => results.find((r) => r.client === client && r.size === size);
  const target = find('postgres', 1000000);
  if (target) {
    for (const m of target.sql) {
      console.log(
        `  PostgreSQL 1M, ${m.state}: median ${ms(m.http.median)} ms, p90 ${ms(m.http.p90)} ms → ${m.http.median <= 1000 ? 'within' : 'OVER'} 1 s`
      );
    }
  } else console.log('  PostgreSQL 1M was not run.');
  for (const client of ['postgres', 'sqlite']) {
    const small = find(client, 100000);
    const large = find(client, 1000000);
    if (small && large) {
      const [a, b] = [small.sql[0], large.sql[0]];
      console.log(
        `  ${client} (${a.state}): RSS growth during requests ${((a.http.rssPeak - a.http.rssBefore) / MB).toFixed(1)} MB at 100k → ` +
          `${((b.http.rssPeak - b.http.rssBefore) / MB).toFixed(1)} MB at 1M; serving process maxRSS ${mb(a.maxRssBytes)} → ${mb(b.maxRssBytes)} ` +
          `(×${(b.maxRssBytes / a.maxRssBytes).toFixed(2)}; boot ${a.bootSeconds.toFixed(1)} s → ${b.bootSeconds.toFixed(1)} s)`
      );
    }
  }
}

module.exports = { printReport };
