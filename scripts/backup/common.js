/**
 * What `npm run backup` and `npm run restore` share: the app's database settings read as
 * config/database.ts reads them (.env, then the process environment), a small connection to
 * either database without booting Strapi, the inspection that fills the manifest (and that a
 * restore repeats on what it restored), the personal-data key's fingerprint and the PostgreSQL
 * client tools matching the server. Decision: docs/decisions/0038-backup-and-restore.md.
 */
'use strict';
const { spawn } = require('child_process');
const { createHash, createHmac } = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');

/**
 * Loads .env as Strapi does (ENV_PATH or the app's .env; the process environment wins), and
 * returns the settings the scripts need.
 */
function loadSettings() {
  require('dotenv').config({ path: process.env.ENV_PATH || path.join(root, '.env'), quiet: true });
  const env = process.env;
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`Unsupported DATABASE_CLIENT: ${client}. Use "postgres" or "sqlite".`);
  }
  const bool = (value, fallback) =>
    value === undefined || value === '' ? fallback : value === 'true';
  return {
    client,
    // As config/database.ts: an empty DATABASE_FILENAME falls back to the default file.
    sqliteFile: path.resolve(root, env.DATABASE_FILENAME || '.tmp/data.db'),
    postgres: postgresConnection(env, bool),
    uploadProvider: env.UPLOAD_PROVIDER || 'local',
    uploadsDir: path.join(root, 'public', 'uploads'),
    personalDataKey: env.DISCLOSURE_PERSONAL_DATA_KEY || null,
  };
}

/** node-postgres settings as config/database.ts builds them (DATABASE_URL first). */
function postgresConnection(env, bool) {
  const fields = {
    host: env.DATABASE_HOST || 'localhost',
    port: Number(env.DATABASE_PORT || 5432),
    database: env.DATABASE_NAME || 'strapi',
    user: env.DATABASE_USERNAME || 'strapi',
    password: env.DATABASE_PASSWORD ?? 'strapi',
  };
  if (env.DATABASE_URL) {
    const parsed = require('pg-connection-string').parse(env.DATABASE_URL);
    for (const key of ['host', 'database', 'user', 'password']) {
      if (parsed[key] !== undefined && parsed[key] !== null) fields[key] = parsed[key];
    }
    if (parsed.port) fields.port = Number(parsed.port);
  }
  const ssl = bool(env.DATABASE_SSL, false)
    ? { rejectUnauthorized: bool(env.DATABASE_SSL_REJECT_UNAUTHORIZED, true) }
    : false;
  return { ...fields, ssl, schema: env.DATABASE_SCHEMA || 'public' };
}

/** The environment the PostgreSQL client tools (pg_dump, pg_restore) read the same settings from. */
function libpqEnv(pg) {
  return {
    ...process.env,
    PGHOST: pg.host,
    PGPORT: String(pg.port),
    PGDATABASE: pg.database,
    PGUSER: pg.user,
    PGPASSWORD: pg.password ?? '',
    ...(pg.ssl ? { PGSSLMODE: pg.ssl.rejectUnauthorized ? 'verify-full' : 'require' } : {}),
  };
}

/**
 * A connection with one method, `all(sql)`, for the inspection's few read-only statements, on
 * either database. `quote` quotes an identifier (table names come from the catalogue, not input).
 */
async function connect(settings, { sqliteFile = settings.sqliteFile, readonly = true } = {}) {
  if (settings.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(sqliteFile, { readonly, fileMustExist: true });
    return {
      client: 'sqlite',
      all: async (sql) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all();
        statement.run();
        return [];
      },
      raw: db,
      close: async () => db.close(),
    };
  }
  const { Client } = require('pg');
  const { schema, ...connection } = settings.postgres;
  const db = new Client(connection);
  await db.connect();
  await db.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`);
  return {
    client: 'postgres',
    all: async (sql) => (await db.query(sql)).rows,
    raw: db,
    close: async () => db.end(),
  };
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables (the configured schema on PostgreSQL), sorted. */
async function listTables(db) {
  const rows =
    db.client === 'sqlite'
      ? await db.all(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
      : await db.all('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()');
  return rows.map((row) => row.name).sort();
}

/** True when some table of the database has a row (a restore then needs --force). */
async function hasRows(db) {
  for (const table of await listTables(db)) {
    if ((await db.all(`SELECT 1 AS one FROM ${quote(table)} LIMIT 1`)).length > 0) return true;
  }
  return false;
}

/** The core-store row where the plugin records the personal-data key's fingerprint. */
const KEY_STORE_ROW = 'plugin_disclosure_personal-data-key';
const FINGERPRINT_LABEL = 'gov-disclosure personal-data key fingerprint v1';

/** A key's fingerprint: names the key without revealing it (the plugin computes the same). */
function keyFingerprint(keyBase64) {
  if (!keyBase64) return null;
  return createHmac('sha256', Buffer.from(keyBase64, 'base64'))
    .update(FINGERPRINT_LABEL)
    .digest('hex')
    .slice(0, 16);
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * What the manifest records of a database and a restore checks again: its tables and rows per
 * table, the schema Strapi last synchronised (the hash of strapi_database_schema's stored
 * schema), the audit chain's length and last hash, the 索引号 counters (the highest serial per
 * organisation and year) and the key fingerprint the app stored.
 */
async function inspect(db) {
  const tables = await listTables(db);
  const has = new Set(tables);
  const counts = {};
  for (const table of tables) {
    const [row] = await db.all(`SELECT count(*) AS n FROM ${quote(table)}`);
    counts[table] = Number(row.n);
  }

  let schema = null;
  if (has.has('strapi_database_schema')) {
    const text = db.client === 'postgres' ? 'schema::text' : 'schema';
    const [row] = await db.all(
      `SELECT ${text} AS schema FROM strapi_database_schema ORDER BY id DESC LIMIT 1`
    );
    if (row) schema = sha256(JSON.stringify(JSON.parse(row.schema)));
  }

  let audit = null;
  if (has.has('disclosure_audit_entries')) {
    const [last] = await db.all(
      'SELECT seq, hash FROM disclosure_audit_entries ORDER BY seq DESC LIMIT 1'
    );
    audit = { entries: last ? Number(last.seq) : 0, lastHash: last ? last.hash : null };
  }

  let indexNumbers = null;
  if (has.has('disclosure_index_numbers')) {
    const rows = await db.all(
      'SELECT org_code, year, max(serial) AS serial, count(*) AS n FROM disclosure_index_numbers GROUP BY org_code, year ORDER BY org_code, year'
    );
    indexNumbers = Object.fromEntries(
      rows.map((row) => [`${row.org_code}/${row.year}`, Number(row.serial)])
    );
  }

  let storedKeyFingerprint = null;
  if (has.has('strapi_core_store_settings')) {
    const [row] = await db.all(
      `SELECT value FROM strapi_core_store_settings WHERE ${quote('key')} = '${KEY_STORE_ROW}'`
    );
    try {
      storedKeyFingerprint = row ? (JSON.parse(row.value)?.fingerprint ?? null) : null;
    } catch {
      storedKeyFingerprint = null;
    }
  }

  return { tables, counts, schema, audit, indexNumbers, storedKeyFingerprint };
}

/** Versions the manifest records: the app, the plugin, Strapi. */
function versions() {
  const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
  return {
    app: read(path.join(root, 'package.json')),
    plugin: read(path.join(root, 'src', 'plugins', 'disclosure', 'package.json')),
    strapi: require('@strapi/strapi/package.json').version,
  };
}

/**
 * A PostgreSQL client tool (pg_dump, pg_restore) for a server of `major`: the Debian packages
 * install one per major under /usr/lib/postgresql/N/bin; the same major is preferred, else the
 * oldest newer one (a tool older than the server refuses), else the one on PATH.
 */
function postgresTool(name, major) {
  const base = '/usr/lib/postgresql';
  const majors = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .map(Number)
        .filter(
          (v) => Number.isInteger(v) && fs.existsSync(path.join(base, String(v), 'bin', name))
        )
        .sort((a, b) => a - b)
    : [];
  const pick = majors.find((v) => v === major) ?? majors.find((v) => v > major);
  return pick === undefined ? name : path.join(base, String(pick), 'bin', name);
}

/** The server's major version (e.g. 15). */
async function serverMajor(db) {
  const [row] = await db.all('SHOW server_version_num');
  return Math.floor(Number(row.server_version_num) / 10000);
}

/** Runs a command; resolves when it exits 0, rejects with its stderr otherwise. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(stderr)
        : reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr.trim()}`))
    );
  });
}

const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

module.exports = {
  KEY_STORE_ROW,
  connect,
  hasRows,
  inspect,
  keyFingerprint,
  libpqEnv,
  listTables,
  loadSettings,
  megabytes,
  postgresTool,
  quote,
  root,
  run,
  serverMajor,
  versions,
};
