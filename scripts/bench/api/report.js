/**
 * The tables of `npm run bench:api`: per database and size, req/s (p50/p99 ms) per query and
 * server, the nodes' memory, and the ratios the issue's targets name (#15): warm ≥ 50 % of static,
 * cold lists ≥ 1.5× plain given the same index, a node's RSS flat (± 20 %) from the smallest to
 * the largest size.
 */
'use strict';

const SERVERS = [
  ['cold', 'this app, cache off'],
  ['warm', 'this app, cache on'],
  ['plain', 'plain Strapi'],
  ['plainIndex', 'plain + index on published_at'],
  ['static', 'static server, same bytes'],
];
const LISTS = ['newest', 'column', 'page'];
const WARM_TARGETS = ['newest', 'column', 'page', 'detail', 'website', 'tree'];

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pct = (ratio) => `${Number((ratio * 100).toPrecision(2))} %`;
const times = (ratio) => `${ratio.toFixed(2)}×`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

function resultTables(result) {
  const present = SERVERS.filter(([key]) => result.servers[key]);
  const out = [];
  out.push(
    `### ${result.client}, ${result.size} items (${result.data.published} published, ${result.data.drafts} never-published drafts)`
  );
  out.push('');
  out.push('req/s (p50 / p99 ms)');
  out.push('');
  out.push(
    table(
      ['query', ...present.map(([, label]) => label)],
      result.queries.map((query) => [
        query.label,
        ...present.map(([key]) => {
          const row = result.servers[key].queries[query.key];
          if (!row) return '–';
          const bad = row.errors + row.non2xx;
          return `${row.reqPerSec.toFixed(0)} (${row.p50} / ${row.p99})${bad ? ` ✗${bad}` : ''}`;
        }),
      ])
    )
  );
  out.push('');
  out.push(
    table(
      ['memory', ...present.map(([, label]) => label)],
      [
        ['RSS after boot', ...present.map(([key]) => mb(result.servers[key].rssIdle))],
        ['RSS after the runs', ...present.map(([key]) => mb(result.servers[key].rssAfter))],
        [
          'RSS highest after a query',
          ...present.map(([key]) =>
            mb(Math.max(...Object.values(result.servers[key].queries).map((row) => row.rss)))
          ),
        ],
        ['boot (s)', ...present.map(([key]) => result.servers[key].bootSeconds.toFixed(1))],
      ]
    )
  );
  const warm = result.servers.warm;
  if (warm) {
    const headers = Object.values(warm.queries).map((row) => row.xCache);
    out.push('');
    out.push(`X-Cache of the warm node's second read per query: ${headers.join(', ')}`);
  }
  const s = result.servers;
  const rate = (key, query) => s[key]?.queries[query]?.reqPerSec;
  const rows = [];
  for (const query of WARM_TARGETS) {
    const label = result.queries.find((q) => q.key === query)?.label ?? query;
    if (rate('warm', query) && rate('static', query))
      rows.push([
        `warm / static: ${label}`,
        pct(rate('warm', query) / rate('static', query)),
        '≥ 50 %',
      ]);
  }
  for (const query of LISTS) {
    const label = result.queries.find((q) => q.key === query)?.label ?? query;
    if (rate('cold', query) && rate('plainIndex', query))
      rows.push([
        `cold / plain+index: ${label}`,
        times(rate('cold', query) / rate('plainIndex', query)),
        '≥ 1.5×',
      ]);
    if (rate('cold', query) && rate('plain', query))
      rows.push([`cold / plain: ${label}`, times(rate('cold', query) / rate('plain', query)), '']);
  }
  out.push('');
  out.push(table(['ratio', 'measured', 'target'], rows));
  return out.join('\n');
}

/** RSS after the runs, largest size against the smallest, per database and server. */
function memoryTable(results) {
  const rows = [];
  for (const client of [...new Set(results.map((r) => r.client))]) {
    const mine = results.filter((r) => r.client === client).sort((a, b) => a.size - b.size);
    if (mine.length < 2) continue;
    const [small, large] = [mine[0], mine[mine.length - 1]];
    for (const [key, label] of SERVERS) {
      if (key === 'static' || !small.servers[key] || !large.servers[key]) continue;
      const a = small.servers[key].rssAfter;
      const b = large.servers[key].rssAfter;
      rows.push([
        `${client}: ${label}`,
        `${mb(a)} → ${mb(b)}`,
        `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)} %`,
        '± 20 %',
      ]);
    }
  }
  if (rows.length === 0) return '';
  return table(['node RSS after the runs', 'smallest → largest size', 'change', 'target'], rows);
}

function printTables(results, settings) {
  const parts = [
    `## npm run bench:api — ${settings.connections} connections, ${settings.seconds} s per query after 1 s warm-up (${settings.minutes.toFixed(1)} min in all)`,
    ...settings.skipped,
    ...results.map(resultTables),
  ];
  const memory = memoryTable(results);
  if (memory) parts.push('### Memory of a serving node\n\n' + memory);
  const text = parts.join('\n\n');
  console.log(`\n${text}`);
  return text;
}

const toMarkdown = (text) => `${text}\n`;

module.exports = { printTables, toMarkdown };
