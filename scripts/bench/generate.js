/**
 * Fills a freshly booted app's database with N published catalogue items in zh-Hans, first
 * published 2016–2025 (the same number each year), stored the way Strapi 5 stores a published
 * document: a draft row and a published row with the same document_id and first_published_at;
 * link rows to the column and the division (the draft row to the draft column/division rows, the
 * published row to the published ones); one disclosure-metadata component row per item row.
 *
 * Rows go in with multi-row INSERTs through knex (`strapi.db.connection`), one transaction per
 * chunk of items: the document service would take hours for a million documents. Before loading,
 * one article is created through the document service and its rows are compared with the rows
 * this generator writes, so the bulk layout is checked against Strapi's own.
 */
'use strict';
const { distModule } = require('./app');

const {
  beijingMidnight,
  beijingYear,
  disclosureService,
} = require('strapi-plugin-gov-disclosure/sdk');
const { newSuperAdminCrew, publishThroughReview } = distModule('src/demo/publish-through-review');

const LOCALE = 'zh-Hans';
const YEARS = Array.from({ length: 10 }, (_, index) => 2016 + index);
const ORG_CODE = '11210100MB0000000X';
const METADATA = 'disclosure.metadata';
const UID = {
  column: 'api::column.column',
  department: 'api::department.department',
  article: 'api::article.article',
  policyDocument: 'api::policy-document.policy-document',
  policyInterpretation: 'api::policy-interpretation.policy-interpretation',
  meeting: 'api::meeting.meeting',
};
/** Items per transaction. */
const CHUNK_ITEMS = 20000;

// ---- what the data looks like ------------------------------------------------------------------

/** Share of each item type; the rest are articles. */
const TYPE_SHARES = [
  [UID.policyDocument, 0.04],
  [UID.policyInterpretation, 0.02],
  [UID.meeting, 0.01],
];

const DEPARTMENTS = [
  { code: 'BGS', name: '办公室', weight: 22 },
  { code: 'ZCFG', name: '政策法规处', weight: 14 },
  { code: 'FZGH', name: '发展规划处', weight: 12 },
  { code: 'CWC', name: '财务处', weight: 10 },
  { code: 'ZFJD', name: '执法监督处', weight: 26 },
  { code: 'XZSP', name: '行政审批处', weight: 14 },
];
/** Items entered without a division (the statistics list them as 未指定处室). */
const NO_DEPARTMENT_SHARE = 0.02;

/** Column codes (src/catalogue/default-columns.ts) and how often each type lands in them. */
const COLUMNS_BY_TYPE = {
  [UID.article]: [
    ['work-news', 30],
    ['notices', 16],
    ['law-enforcement', 14],
    ['administrative-power', 6],
    ['department-documents', 5],
    ['plans', 4],
    ['budgets', 3],
    ['suggestions-proposals', 5],
    ['disclosure-rules', 2],
    ['leaders', 2],
    ['functions', 1],
    ['disclosure-guide', 0.5],
    ['disclosure-on-request', 1],
    ['annual-reports', 0.5],
    ['policies', 4],
    ['complaints', 1],
    ['enterprise-hotline', 1],
    ['surveys', 1.5],
    [null, 0.5], // not filed in a column (listed as 未归入栏目)
  ],
  [UID.policyDocument]: [
    ['department-documents', 70],
    ['policies', 30],
  ],
  [UID.policyInterpretation]: [['policy-interpretations', 1]],
  [UID.meeting]: [['meetings', 1]],
};

const GENRES_BY_TYPE = {
  [UID.article]: [
    ['notice', 25],
    ['public_notice', 10],
    ['announcement', 6],
    ['report', 8],
    ['reply', 6],
    ['letter', 8],
    ['circular', 5],
    ['opinion', 5],
    ['decision', 4],
    ['minutes', 3],
    ['request', 2],
    ['communique', 1],
    ['order', 0.5],
    ['resolution', 0.5],
    ['motion', 0.5],
    ['other', 10],
    [null, 5],
  ],
  [UID.policyDocument]: [
    ['notice', 45],
    ['opinion', 25],
    ['decision', 15],
    ['order', 5],
    ['other', 10],
  ],
  [UID.policyInterpretation]: [
    ['other', 80],
    [null, 20],
  ],
  [UID.meeting]: [
    ['minutes', 90],
    [null, 10],
  ],
};

/** Fewer items in February (Spring Festival) and October (National Day), more in December. */
const MONTH_WEIGHTS = [8, 6, 9, 8.5, 8.5, 9, 8, 7.5, 8.5, 7, 9, 11];

// ---- deterministic randomness ------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A picker over [value, weight] pairs. */
function weighted(random, pairs) {
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  const bounds = [];
  let acc = 0;
  for (const [, weight] of pairs) bounds.push((acc += weight / total));
  return () => {
    const r = random();
    for (let i = 0; i < bounds.length; i += 1) if (r < bounds[i]) return pairs[i][0];
    return pairs[pairs.length - 1][0];
  };
}

/** Splits `total` by weights, exactly (largest remainder). */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => [value - Math.floor(value), index])
    .sort((a, b) => b[0] - a[0]);
  for (let i = 0; rest > 0; i += 1, rest -= 1) counts[order[i][1]] += 1;
  return counts;
}

// ---- Strapi's physical names ---------------------------------------------------------------------

/** Table and column names from Strapi's metadata, as the statistics providers read them. */
function namesOf(strapi, uid) {
  const meta = strapi.db.metadata.get(uid);
  const attribute = (name) => meta.attributes[name];
  const link = (name) => {
    const join = attribute(name).joinTable;
    return {
      table: join.name,
      owner: join.joinColumn.name,
      target: join.inverseJoinColumn.name,
      order: join.orderColumnName ?? null,
      inverseOrder: join.inverseOrderColumnName ?? null,
    };
  };
  const component = (name) => {
    const join = attribute(name).joinTable;
    return {
      table: join.name,
      owner: join.joinColumn.name,
      target: join.inverseJoinColumn.name,
      componentTable: strapi.db.metadata.get(attribute(name).target).tableName,
    };
  };
  return {
    table: meta.tableName,
    column: (name) => attribute(name).columnName ?? name,
    link,
    component,
    has: (name) => name in meta.attributes,
  };
}

// ---- the storage layout check --------------------------------------------------------------------

/** How a document's rows are stored: per row, its status and where its links and component point. */
async function storageShape(strapi, uid, documentId) {
  const knex = strapi.db.connection;
  const names = namesOf(strapi, uid);
  const columns = namesOf(strapi, UID.column);
  const departments = namesOf(strapi, UID.department);
  const rows = await knex(names.table).where(names.column('documentId'), documentId).orderBy('id');
  const statusOf = (row) => (row ? (row.published_at === null ? 'draft' : 'published') : 'none');
  const linked = async (link, targetTable, rowId) => {
    const found = await knex(link.table).where(link.owner, rowId).first();
    return found ? knex(targetTable).where('id', found[link.target]).first() : undefined;
  };
  const metadata = names.component('metadata');
  const shape = [];
  for (const row of rows) {
    const components = await knex(metadata.table).where(metadata.owner, row.id);
    shape.push({
      row: statusOf(row),
      locale: row.locale,
      firstPublishedAtLikeOtherRows:
        String(row.first_published_at) === String(rows[0].first_published_at),
      columnRow: statusOf(await linked(names.link('column'), columns.table, row.id)),
      departmentRow: statusOf(await linked(names.link('department'), departments.table, row.id)),
      metadataComponents: components.map((c) => `${c.component_type}/${c.field}`).join(','),
    });
  }
  return shape;
}

/**
 * Creates one article through the document service, publishes it the only way there is (through
 * the review, as three super admins: 先审查、后公开), reads back how Strapi stored it, then
 * unpublishes (撤稿) and deletes it.
 */
async function referenceShape(strapi, column, department) {
  const documents = strapi.documents(UID.article);
  const { documentId } = await documents.create({
    locale: LOCALE,
    data: {
      title: '参照文章',
      column,
      department,
      metadata: { disclosureMode: 'proactive', genre: 'notice' },
    },
  });
  const crew = await newSuperAdminCrew(strapi);
  const item = { uid: UID.article, documentId, locale: LOCALE };
  await publishThroughReview(strapi, crew, item);
  const shape = await storageShape(strapi, UID.article, documentId);
  await disclosureService(strapi, 'reviews').transition({
    ...item,
    action: 'unpublish',
    reason: '基准测试的参照文章',
    ...crew.author,
  });
  await documents.delete({ documentId, locale: '*' });
  return shape;
}

// ---- bulk loading --------------------------------------------------------------------------------

const quote = (name) => `"${name}"`;

/** Multi-row INSERTs of `rows` (arrays in `columns` order), as many rows per statement as fit. */
async function insertRows(trx, maxParams, table, columns, rows) {
  if (rows.length === 0) return;
  const perStatement = Math.floor(maxParams / columns.length);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const bindings = [];
    for (const row of slice) for (const value of row) bindings.push(value);
    await trx.raw(head + new Array(slice.length).fill(tuple).join(','), bindings);
  }
}

/** The published and draft row ids of each zh-Hans entry of a draft-and-publish type, by key. */
async function rowIdsBy(knex, table, key) {
  const rows = await knex(table).where('locale', LOCALE).select('id', key, 'published_at');
  const byKey = new Map();
  for (const row of rows) {
    const entry = byKey.get(row[key]) ?? { draft: null, published: null };
    entry[row.published_at === null ? 'draft' : 'published'] = row.id;
    byKey.set(row[key], entry);
  }
  return byKey;
}

async function createDepartments(strapi) {
  const documents = strapi.documents(UID.department);
  for (const [index, department] of DEPARTMENTS.entries()) {
    await documents.create({
      locale: LOCALE,
      status: 'published',
      data: { name: department.name, code: department.code, sortOrder: (index + 1) * 10 },
    });
  }
}

/**
 * Generates `total` items and loads them. Returns what was generated: row counts per table, items
 * per year and type, the load time, and the storage layout check.
 */
async function generate(strapi, total, { seed = 20260101, log = () => undefined } = {}) {
  const knex = strapi.db.connection;
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  // SQLite allows 32766 bound variables per statement, PostgreSQL 65535.
  const maxParams = isSqlite ? 32000 : 65000;
  // Strapi stores datetimes as epoch milliseconds on SQLite; on PostgreSQL knex binds a Date.
  const at = isSqlite ? (ms) => ms : (ms) => new Date(ms);
  const random = mulberry32(seed);

  await createDepartments(strapi);
  const columnIds = await rowIdsBy(knex, namesOf(strapi, UID.column).table, 'code');
  const departmentIds = await rowIdsBy(knex, namesOf(strapi, UID.department).table, 'code');
  for (const [, pairs] of Object.entries(COLUMNS_BY_TYPE))
    for (const [code] of pairs)
      if (code && !columnIds.get(code)?.published) throw new Error(`no published column ${code}`);

  const reference = await referenceShape(
    strapi,
    (
      await strapi
        .documents(UID.column)
        .findFirst({ locale: LOCALE, filters: { code: 'work-news' } })
    ).documentId,
    (await strapi.documents(UID.department).findFirst({ locale: LOCALE, filters: { code: 'BGS' } }))
      .documentId
  );

  const itemUids = [UID.article, UID.policyDocument, UID.policyInterpretation, UID.meeting];
  const names = Object.fromEntries(itemUids.map((uid) => [uid, namesOf(strapi, uid)]));
  const metadataTable = names[UID.article].component('metadata').componentTable;
  const maxId = async (table) => Number((await knex(table).max({ m: 'id' }))[0].m ?? 0);
  const nextId = {};
  for (const uid of itemUids) nextId[uid] = (await maxId(names[uid].table)) + 1;
  let nextMetadataId = (await maxId(metadataTable)) + 1;

  const pickType = weighted(random, [
    ...TYPE_SHARES,
    [UID.article, 1 - TYPE_SHARES.reduce((sum, [, share]) => sum + share, 0)],
  ]);
  const pickColumn = Object.fromEntries(
    itemUids.map((uid) => [uid, weighted(random, COLUMNS_BY_TYPE[uid])])
  );
  const pickGenre = Object.fromEntries(
    itemUids.map((uid) => [uid, weighted(random, GENRES_BY_TYPE[uid])])
  );
  const pickDepartment = weighted(random, [
    ...DEPARTMENTS.map((d) => [d.code, d.weight * (1 - NO_DEPARTMENT_SHARE)]),
    [null, NO_DEPARTMENT_SHARE * DEPARTMENTS.reduce((sum, d) => sum + d.weight, 0)],
  ]);
  const pickKind = weighted(random, [
    ['rule', 5],
    ['normative', 35],
    ['other', 60],
  ]);
  const pickValidity = weighted(random, [
    ['valid', 80],
    ['amended', 5],
    ['repealed', 10],
    ['expired', 5],
  ]);
  const pickForm = weighted(random, [
    ['text', 60],
    ['graphic', 25],
    ['video', 5],
    ['expert', 5],
    ['official', 5],
  ]);
  const pickMeetingType = weighted(random, [
    ['party_group', 30],
    ['director_office', 40],
    ['thematic', 20],
    ['other', 10],
  ]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let documentSerial = 0;
  /** 24 characters like Strapi's document ids; the serial in the tail keeps them unique. */
  const documentId = () => {
    let id = '';
    for (let i = 0; i < 16; i += 1) id += alphabet[Math.floor(random() * 36)];
    return id + (documentSerial++).toString(36).padStart(8, '0');
  };
  const date = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);

  // Per-type rows of the current chunk.
  const empty = () => ({
    items: [],
    columnLinks: [],
    departmentLinks: [],
    cmps: [],
    extraLinks: [],
  });
  let chunk = Object.fromEntries(itemUids.map((uid) => [uid, empty()]));
  let metadataRows = [];
  let chunkSize = 0;
  const generated = { perYear: {}, perType: {} };
  const indexSerial = {};
  /** The latest policy document so far: an interpretation explains the policy published before it. */
  let latestPolicy = null;
  const interpretationOrder = new Map();

  const itemColumns = (uid) => {
    const base = [
      'id',
      'document_id',
      'title',
      'created_at',
      'updated_at',
      'published_at',
      'first_published_at',
      'locale',
    ];
    if (uid === UID.policyDocument)
      return [
        ...base,
        'issuing_authority',
        'date_written',
        'document_kind',
        'validity',
        'validity_date',
      ];
    if (uid === UID.policyInterpretation) return [...base, 'form'];
    if (uid === UID.meeting) return [...base, 'meeting_type', 'held_at'];
    return base;
  };
  const metadataColumns = [
    'id',
    'index_number',
    'publisher',
    'genre',
    'disclosure_mode',
    'disclosure_scope',
  ];

  const flush = async () => {
    await knex.transaction(async (trx) => {
      for (const uid of itemUids) {
        const rows = chunk[uid];
        const n = names[uid];
        await insertRows(trx, maxParams, n.table, itemColumns(uid), rows.items);
      }
      await insertRows(trx, maxParams, metadataTable, metadataColumns, metadataRows);
      for (const uid of itemUids) {
        const rows = chunk[uid];
        const n = names[uid];
        const columnLink = n.link('column');
        const departmentLink = n.link('department');
        const cmps = n.component('metadata');
        await insertRows(
          trx,
          maxParams,
          cmps.table,
          [cmps.owner, cmps.target, 'component_type', 'field'],
          rows.cmps
        );
        await insertRows(
          trx,
          maxParams,
          columnLink.table,
          [columnLink.owner, columnLink.target],
          rows.columnLinks
        );
        await insertRows(
          trx,
          maxParams,
          departmentLink.table,
          [departmentLink.owner, departmentLink.target],
          rows.departmentLinks
        );
        if (uid === UID.policyInterpretation) {
          const policyLink = n.link('policyDocument');
          await insertRows(
            trx,
            maxParams,
            policyLink.table,
            [policyLink.owner, policyLink.target, policyLink.inverseOrder],
            rows.extraLinks
          );
        }
      }
    });
    chunk = Object.fromEntries(itemUids.map((uid) => [uid, empty()]));
    metadataRows = [];
    chunkSize = 0;
  };

  const started = Date.now();
  let done = 0;
  const perYear = apportion(
    total,
    YEARS.map(() => 1)
  );
  for (const [yearIndex, year] of YEARS.entries()) {
    const perMonth = apportion(perYear[yearIndex], MONTH_WEIGHTS);
    for (let month = 1; month <= 12; month += 1) {
      const from = beijingMidnight(year, month).getTime();
      const to = (
        month === 12 ? beijingMidnight(year + 1) : beijingMidnight(year, month + 1)
      ).getTime();
      const count = perMonth[month - 1];
      for (let j = 0; j < count; j += 1) {
        // Evenly spread over the month, in order: ids grow with time, as when staff publish daily.
        const firstPublished = Math.floor(from + ((j + random()) * (to - from)) / count);
        let uid = pickType();
        if (uid === UID.policyInterpretation && !latestPolicy) uid = UID.article;
        const rows = chunk[uid];
        const draftId = nextId[uid];
        const publishedId = draftId + 1;
        nextId[uid] += 2;
        const docId = documentId();
        const columnCode = pickColumn[uid]();
        const departmentCode = pickDepartment();
        const genre = pickGenre[uid]();
        const created = firstPublished - Math.floor(random() * 3 * 86400000);
        const title = `${columnCode ?? '未归入栏目'} ${year}年第${j + 1}号信息`;
        const shared = [docId, title, at(created), at(firstPublished)];
        let extra = [];
        if (uid === UID.policyDocument) {
          const validity = pickValidity();
          const ended = validity === 'repealed' || validity === 'expired';
          extra = [
            '某市某局',
            date(firstPublished - Math.floor(random() * 20) * 86400000),
            pickKind(),
            validity,
            ended ? date(firstPublished + Math.floor(random() * 3 * 365) * 86400000) : null,
          ];
        } else if (uid === UID.policyInterpretation) {
          extra = [pickForm()];
        } else if (uid === UID.meeting) {
          extra = [pickMeetingType(), at(firstPublished - Math.floor(random() * 7) * 86400000)];
        }
        rows.items.push(
          [draftId, ...shared, null, at(firstPublished), LOCALE, ...extra],
          [publishedId, ...shared, at(firstPublished), at(firstPublished), LOCALE, ...extra]
        );
        const serial = (indexSerial[year] = (indexSerial[year] ?? 0) + 1);
        const indexNumber = `${ORG_CODE}/${year}-${String(serial).padStart(5, '0')}`;
        const publisher = departmentCode
          ? DEPARTMENTS.find((d) => d.code === departmentCode).name
          : null;
        for (const rowId of [draftId, publishedId]) {
          const metadataId = nextMetadataId++;
          metadataRows.push([metadataId, indexNumber, publisher, genre, 'proactive', '面向全社会']);
          rows.cmps.push([rowId, metadataId, METADATA, 'metadata']);
        }
        if (columnCode) {
          const ids = columnIds.get(columnCode);
          rows.columnLinks.push([draftId, ids.draft], [publishedId, ids.published]);
        }
        if (departmentCode) {
          const ids = departmentIds.get(departmentCode);
          rows.departmentLinks.push([draftId, ids.draft], [publishedId, ids.published]);
        }
        if (uid === UID.policyDocument) latestPolicy = { draftId, publishedId };
        if (uid === UID.policyInterpretation) {
          const order = (interpretationOrder.get(latestPolicy.publishedId) ?? 0) + 1;
          interpretationOrder.set(latestPolicy.publishedId, order);
          rows.extraLinks.push(
            [draftId, latestPolicy.draftId, order],
            [publishedId, latestPolicy.publishedId, order]
          );
        }
        const bjYear = beijingYear(new Date(firstPublished));
        generated.perYear[bjYear] = (generated.perYear[bjYear] ?? 0) + 1;
        generated.perType[uid] = (generated.perType[uid] ?? 0) + 1;
        chunkSize += 1;
        done += 1;
        if (chunkSize >= CHUNK_ITEMS) {
          await flush();
          if (done % 100000 === 0 || done === total) {
            log(`${done} / ${total} items (${((Date.now() - started) / 1000).toFixed(1)} s)`);
          }
        }
      }
    }
  }
  if (chunkSize > 0) await flush();
  const loadSeconds = (Date.now() - started) / 1000;

  // Explicit ids do not move PostgreSQL's sequences: move them, so the app's next insert works.
  let analyzeSeconds = 0;
  if (!isSqlite) {
    for (const table of [...itemUids.map((uid) => names[uid].table), metadataTable]) {
      await knex.raw(
        `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM ${quote(table)}))`,
        [table]
      );
    }
    const analyzeStarted = Date.now();
    await knex.raw('ANALYZE');
    analyzeSeconds = (Date.now() - analyzeStarted) / 1000;
  }

  const sample = await knex(names[UID.article].table)
    .whereNotNull('published_at')
    .whereNotNull(names[UID.article].column('firstPublishedAt'))
    .orderBy('id', 'desc')
    .first('document_id');
  const generatedShape = await storageShape(strapi, UID.article, sample.document_id);

  return {
    items: total,
    loadSeconds,
    analyzeSeconds,
    generated,
    layout: {
      reference,
      generated: generatedShape,
      matches: JSON.stringify(reference) === JSON.stringify(generatedShape),
    },
  };
}

/** Rows per table, and published items per Beijing year and type, as the database holds them. */
async function census(strapi) {
  const knex = strapi.db.connection;
  // Every catalogue item type the statistics count (the app may have more than the four loaded).
  const itemUids = distModule('src/constants').CATALOGUE_ITEM_UIDS;
  const tables = [];
  for (const uid of itemUids) {
    const n = namesOf(strapi, uid);
    tables.push(n.table);
    if (n.has('column')) tables.push(n.link('column').table);
    if (n.has('department')) tables.push(n.link('department').table);
    if (n.has('metadata')) tables.push(n.component('metadata').table);
    if (uid === UID.policyInterpretation) tables.push(n.link('policyDocument').table);
  }
  tables.push(namesOf(strapi, UID.article).component('metadata').componentTable);
  const rows = {};
  for (const table of tables) rows[table] = Number((await knex(table).count({ n: '*' }))[0].n);

  const perYear = {};
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  for (const year of YEARS) {
    perYear[year] = {};
    for (const uid of itemUids) {
      const n = namesOf(strapi, uid);
      const first = n.column('firstPublishedAt');
      const bound = (d) => (isSqlite ? d.getTime() : d);
      const [{ count }] = await knex(n.table)
        .where('locale', LOCALE)
        .whereNotNull('published_at')
        .where(first, '>=', bound(beijingMidnight(year)))
        .where(first, '<', bound(beijingMidnight(year + 1)))
        .count({ count: '*' });
      perYear[year][uid] = Number(count);
    }
  }
  return { rows, perYear };
}

module.exports = { generate, census, namesOf, UID, LOCALE, YEARS };
