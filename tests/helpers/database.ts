import { createHash, randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

/** better-sqlite3 (Strapi's SQLite driver), as far as the demo template uses it: no types ship. */
type SqliteDatabase = new (
  file: string,
  options: { readonly: boolean }
) => { prepare(sql: string): { run(...values: unknown[]): unknown }; close(): void };
const Database = require('better-sqlite3') as SqliteDatabase;
/** The start of one run's template names: removed at the run's end, and only its own. */
const { runTemplatePrefix } = require('../../scripts/demo-templates') as {
  runTemplatePrefix(run: string): string;
};

/** Which database the integration suite runs on: TEST_DATABASE=sqlite (default) or postgres. */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** The database's name (a file's base name on SQLite). */
  name: string;
  /** Environment variables that point Strapi's config/database.ts at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const pgSettings = () => ({
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? '',
});

async function withAdminClient<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...pgSettings(), database: process.env.PGDATABASE ?? 'postgres' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file: a SQLite file, or a new PostgreSQL database; empty, or a
 * copy of a saved boot `template` (see bootTemplate).
 */
export async function createTestDatabase(
  options: { template?: BootTemplate } = {}
): Promise<TestDatabase> {
  const name = `disclosure_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DATABASE === 'sqlite') {
    const file = path.join(process.cwd(), '.tmp', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (options.template) fs.copyFileSync(sqliteTemplateFile(options.template), file);
    return {
      name,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  await withAdminClient((client) =>
    client.query(
      options.template
        ? `CREATE DATABASE ${name} TEMPLATE ${options.template.name}`
        : `CREATE DATABASE ${name}`
    )
  );
  const { host, port, user, password } = pgSettings();
  const credentials = password ? `${user}:${encodeURIComponent(password)}` : user;
  return {
    name,
    // DATABASE_URL, as production sets it, so the suite also proves config/database.ts reads it.
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: `postgres://${credentials}@${host}:${port}/${name}`,
      DATABASE_POOL_MIN: '0',
    },
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * A run's first boot, saved. A boot on an empty database creates the schema and seeds the
 * catalogue, roles and permissions (and, with the demo, the source year): most of a boot's time.
 * So a run saves the database right after the first boot of each kind and later boots of that
 * kind start from a copy (every seed is idempotent and finds itself done): on SQLite a file
 * copied by `VACUUM INTO`, on PostgreSQL a template database (`CREATE DATABASE … TEMPLATE`).
 * Keyed by the run (`DISCLOSURE_TEST_RUN`, set by `npm test` for all its suites and by the global
 * setup otherwise) and by the settings that change what a first boot writes: the defaults
 * (TEST_ENV) give one template, the demo's settings another; a setting not known to leave the
 * database alone gives its own.
 */
export interface BootTemplate {
  name: string;
}

/** Settings a boot reads that never change what its first boot writes into the database. */
const RUNTIME_ONLY = new Set([
  'SMTP_HOST',
  'SMTP_PORT',
  'DISCLOSURE_EMAIL_NOTIFICATIONS',
  'DISCLOSURE_INTAKE_LIMIT',
  'DISCLOSURE_INTAKE_KEY_PREFIX',
  'REDIS_URL',
  'RESPONSE_CACHE',
  'RESPONSE_CACHE_MAX_MB',
  'RESPONSE_CACHE_S_MAXAGE',
  'CACHE_PURGE_URL',
  'CORS_ADMIN_ORIGINS',
  'CORS_API_ORIGINS',
  'HOST',
  'PORT',
  // Where the media library stores files (docs/decisions/0036): nothing of it is in the database.
  'UPLOAD_PROVIDER',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_PUBLIC_URL',
  'S3_ROOT_PATH',
  'S3_ACL',
]);

/** The template a boot with `env` starts from (or saves), or null for production settings. */
export function bootTemplate(env: Record<string, string | undefined>): BootTemplate | null {
  if (env.NODE_ENV === 'production') return null;
  const run = process.env.DISCLOSURE_TEST_RUN ?? String(process.pid);
  const seeding = Object.entries(env)
    .filter(([key]) => !RUNTIME_ONLY.has(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const key = createHash('sha256')
    .update(JSON.stringify([run, seeding]))
    .digest('hex')
    .slice(0, 16);
  return { name: `${runTemplatePrefix(run)}${key}` };
}

const sqliteTemplateFile = (template: BootTemplate) =>
  path.join(process.cwd(), '.tmp', `${template.name}.db`);

/** True when the run has saved `template`. */
export async function templateSaved(template: BootTemplate): Promise<boolean> {
  if (TEST_DATABASE === 'sqlite') return fs.existsSync(sqliteTemplateFile(template));
  return withAdminClient(async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      template.name,
    ]);
    return (rowCount ?? 0) > 0;
  });
}

/** The part of knex a PostgreSQL save needs: its pool, closed and opened again. */
interface Pool {
  destroy(): Promise<void>;
  initialize(): void;
}

/**
 * Saves a booted `database` as `template`. PostgreSQL copies only a database nobody is connected
 * to, so the app's pool (`connection`, knex) is closed for the copy and opened again.
 */
export async function saveTemplate(
  database: TestDatabase,
  template: BootTemplate,
  connection: Pool
): Promise<void> {
  if (TEST_DATABASE === 'sqlite') {
    saveSqliteTemplate(database, template);
    return;
  }
  await connection.destroy();
  try {
    await withAdminClient((client) =>
      client.query(`CREATE DATABASE ${template.name} TEMPLATE ${database.name}`)
    );
  } finally {
    connection.initialize();
  }
}

/** SQLite: saves a running `database` as `template` (a consistent copy). */
export function saveSqliteTemplate(database: TestDatabase, template: BootTemplate): void {
  const file = database.env.DATABASE_FILENAME;
  const target = sqliteTemplateFile(template);
  if (!file || fs.existsSync(target)) return;
  const partial = `${target}.${process.pid}.partial`;
  const source = new Database(file, { readonly: true });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  fs.renameSync(partial, target);
}
