/**
 * The data step of `npm run bench:api`, in its own process: boots the app on the fresh database
 * named by the environment, loads half the items as published (scripts/bench/generate.js) and half
 * as never-published drafts (articles with no published row and no first publication, newer ids
 * than any published one: the drafts lie in the way of every newest-first walk), then writes what
 * the queries need (a column code, a published article's documentId, how many published articles)
 * to BENCH_RESULT_FILE.
 */
'use strict';
const fs = require('fs');
const { bootApp, stopApp } = require('../app');
const { generate, namesOf, UID, LOCALE } = require('../generate');

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Rows as knex returns them, made insertable again (PostgreSQL JSON arrives parsed). */
const insertable = (row) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value !== null && typeof value === 'object' && !(value instanceof Date)
        ? JSON.stringify(value)
        : value,
    ])
  );

/** Multi-row INSERT … VALUES (knex's SQLite batch insert is a compound SELECT of ≤ 500 terms). */
async function insertChunked(trx, table, rows, maxParams) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    await trx.raw(
      head + new Array(slice.length).fill(tuple).join(','),
      slice.flatMap((row) => columns.map((column) => row[column]))
    );
  }
}

/**
 * `count` never-published articles: copies of published articles' draft rows (same column,
 * division and metadata, no index number), each a new document that was never published.
 */
async function addDrafts(strapi, count, log) {
  const knex = strapi.db.connection;
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  const maxParams = isSqlite ? 32000 : 65000;
  const names = namesOf(strapi, UID.article);
  const columnLink = names.link('column');
  const departmentLink = names.link('department');
  const metadata = names.component('metadata');
  const firstPublishedAt = names.column('firstPublishedAt');
  const maxId = async (table) => Number((await knex(table).max({ m: 'id' }))[0].m ?? 0);

  const templates = await knex(names.table)
    .whereNull('published_at')
    .where('locale', LOCALE)
    .orderBy('id')
    .limit(Math.min(count, 5000));
  if (templates.length === 0) throw new Error('no article to copy drafts from');
  const ids = templates.map((row) => row.id);
  const linksOf = async (link) =>
    new Map((await knex(link.table).whereIn(link.owner, ids)).map((row) => [row[link.owner], row]));
  const columns = await linksOf(columnLink);
  const departments = await linksOf(departmentLink);
  const cmps = new Map(
    (await knex(metadata.table).whereIn(metadata.owner, ids)).map((row) => [
      row[metadata.owner],
      row,
    ])
  );
  const metadataRows = new Map(
    (
      await knex(metadata.componentTable).whereIn(
        'id',
        [...cmps.values()].map((row) => row[metadata.target])
      )
    ).map((row) => [row.id, row])
  );

  let nextId = (await maxId(names.table)) + 1;
  let nextMetadataId = (await maxId(metadata.componentTable)) + 1;
  const CHUNK = 10000;
  for (let done = 0; done < count; done += CHUNK) {
    const items = [];
    const columnRows = [];
    const departmentRows = [];
    const cmpRows = [];
    const metaRows = [];
    for (let i = done; i < Math.min(count, done + CHUNK); i += 1) {
      const template = templates[i % templates.length];
      const id = nextId++;
      let documentId = 'draft';
      for (let k = 0; k < 12; k += 1) documentId += ALPHABET[(i * 7 + k * 13 + id) % 36];
      documentId = (documentId + i.toString(36)).padEnd(24, '0').slice(0, 24);
      items.push(
        insertable({
          ...template,
          id,
          document_id: documentId,
          title: `从未公开的草稿 ${i + 1}`,
          [firstPublishedAt]: null,
        })
      );
      const column = columns.get(template.id);
      if (column) columnRows.push(insertable({ ...column, id: undefined, [columnLink.owner]: id }));
      const department = departments.get(template.id);
      if (department)
        departmentRows.push(
          insertable({ ...department, id: undefined, [departmentLink.owner]: id })
        );
      const cmp = cmps.get(template.id);
      if (cmp) {
        const metadataId = nextMetadataId++;
        metaRows.push(
          insertable({
            ...metadataRows.get(cmp[metadata.target]),
            id: metadataId,
            index_number: null,
          })
        );
        cmpRows.push(
          insertable({ ...cmp, id: undefined, [metadata.owner]: id, [metadata.target]: metadataId })
        );
      }
    }
    const strip = (rows) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
    await knex.transaction(async (trx) => {
      await insertChunked(trx, names.table, items, maxParams);
      await insertChunked(trx, metadata.componentTable, metaRows, maxParams);
      await insertChunked(trx, metadata.table, strip(cmpRows), maxParams);
      await insertChunked(trx, columnLink.table, strip(columnRows), maxParams);
      await insertChunked(trx, departmentLink.table, strip(departmentRows), maxParams);
    });
  }
  if (!isSqlite) {
    for (const table of [
      names.table,
      metadata.componentTable,
      metadata.table,
      columnLink.table,
      departmentLink.table,
    ])
      await knex.raw(
        `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${table}"))`,
        [table]
      );
  }
  log(`${count} never-published drafts added`);
}

async function main() {
  const total = Number(process.argv[2]);
  const published = Math.ceil(total / 2);
  const log = (message) => console.log(`  [prepare] ${message}`);
  const strapi = await bootApp();
  let result;
  try {
    const generated = await generate(strapi, published, { log });
    if (!generated.layout.matches)
      throw new Error('generated rows differ from Strapi’s own layout');
    await addDrafts(strapi, total - published, log);
    const knex = strapi.db.connection;
    const articles = namesOf(strapi, UID.article);
    const publishedArticles = Number(
      (await knex(articles.table).whereNotNull('published_at').count({ n: '*' }))[0].n
    );
    const newest = await knex(articles.table)
      .whereNotNull('published_at')
      .orderBy('id', 'desc')
      .first('document_id');
    result = {
      published,
      drafts: total - published,
      publishedArticles,
      detailDocumentId: newest.document_id,
      column: 'work-news',
      loadSeconds: generated.loadSeconds,
    };
  } finally {
    await stopApp(strapi);
  }
  fs.writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
