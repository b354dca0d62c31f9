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

/** Which database the integration suite runs on: TEST_DATABASE=sqlite (default) or postgres. */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
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
 * copy of a saved demo `template` (see demoTemplate), or named `name` (to become one).
 */
export async function createTestDatabase(
  options: { template?: DemoTemplate; name?: string } = {}
): Promise<TestDatabase> {
  const name = options.name ?? `disclosure_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DATABASE === 'sqlite') {
    const file = path.join(process.cwd(), '.tmp', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (options.template) fs.copyFileSync(sqliteTemplateFile(options.template), file);
    return {
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
 * A run's seeded demo. Seeding the demo's source year takes most of a boot, so a run seeds it
 * once and later boots with the same demo start from a copy (the demo seeds are idempotent and
 * find themselves done): on SQLite the file, copied by `VACUUM INTO` right after the first demo
 * boot; on PostgreSQL a template database (`CREATE DATABASE … TEMPLATE`), seeded by a boot of
 * its own since a template takes no connections. Keyed by the run (`DISCLOSURE_TEST_RUN`, set by
 * `npm test` for all its suites and by the global setup otherwise) and the demo's credentials.
 */
export interface DemoTemplate {
  name: string;
}

/** The demo template `env` would seed, or null when it seeds none. */
export function demoTemplate(env: Record<string, string | undefined>): DemoTemplate | null {
  if (env.DEMO_SEED !== 'true' || env.NODE_ENV === 'production') return null;
  const run = process.env.DISCLOSURE_TEST_RUN ?? String(process.pid);
  const key = createHash('sha256')
    .update(JSON.stringify([run, env.DEMO_ADMIN_EMAIL ?? '', env.DEMO_ADMIN_PASSWORD ?? '']))
    .digest('hex')
    .slice(0, 16);
  return { name: `${TEMPLATE_PREFIX}${key}` };
}

/** Names every demo template starts with (for the clean-up at the end of a run). */
export const TEMPLATE_PREFIX = 'disclosure_demo_template_';

const sqliteTemplateFile = (template: DemoTemplate) =>
  path.join(process.cwd(), '.tmp', `${template.name}.db`);

/** True when the run has saved `template`. */
export async function templateSaved(template: DemoTemplate): Promise<boolean> {
  if (TEST_DATABASE === 'sqlite') return fs.existsSync(sqliteTemplateFile(template));
  return withAdminClient(async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      template.name,
    ]);
    return (rowCount ?? 0) > 0;
  });
}

/** SQLite: saves a running demo `database` as `template` (a consistent copy). */
export function saveSqliteTemplate(database: TestDatabase, template: DemoTemplate): void {
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
