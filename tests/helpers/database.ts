import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

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

/** A fresh, empty database for one test file: a SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `disclosure_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DATABASE === 'sqlite') {
    const file = path.join(process.cwd(), '.tmp', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
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
