/**
 * The benchmark's databases and app boots: a fresh database per size (a SQLite file under
 * .tmp/bench/ or a new PostgreSQL database, fresh name per run, dropped at the end), and the
 * compiled app (dist/) booted on it with the environment the test helpers use
 * (tests/helpers/strapi.ts), demo seed off.
 */
'use strict';
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const root = path.join(__dirname, '..', '..');
const benchDir = path.join(root, '.tmp', 'bench');

/** As TEST_ENV in tests/helpers/strapi.ts: fixed secrets for throwaway databases only. */
const APP_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  DEMO_SEED: 'false',
  DISCLOSURE_ORG_CODE: '11210100MB0000000X',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
};

const pgSettings = () => ({
  host: process.env.PGHOST || '127.0.0.1',
  port: Number(process.env.PGPORT || 5432),
  user: process.env.PGUSER || 'postgres',
  password: process.env.PGPASSWORD || '',
});

async function withAdminClient(run, database = 'postgres') {
  const client = new Client({ ...pgSettings(), database });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database: `{ label, env, drop() }`; `env` points config/database.ts at it.
 * The name is new on every run, so an interrupted run never reuses stale data.
 */
async function createBenchDatabase(client, size) {
  const name = `disclosure_bench_${size}_${process.pid}_${randomBytes(3).toString('hex')}`;
  if (client === 'sqlite') {
    const file = path.join(benchDir, `${name}.db`);
    fs.mkdirSync(benchDir, { recursive: true });
    return {
      name,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      sizeOnDisk: () => fs.statSync(file).size,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  await withAdminClient((admin) => admin.query(`CREATE DATABASE ${name}`));
  const { host, port, user, password } = pgSettings();
  const credentials = password ? `${user}:${encodeURIComponent(password)}` : user;
  return {
    name,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: `postgres://${credentials}@${host}:${port}/${name}`,
      DATABASE_POOL_MIN: '0',
    },
    sizeOnDisk: () =>
      withAdminClient(async (admin) => {
        const { rows } = await admin.query('SELECT pg_database_size($1) AS bytes', [name]);
        return Number(rows[0].bytes);
      }),
    /** What autovacuum does to an insert-only table sooner or later: sets the visibility map. */
    vacuum: () => withAdminClient((admin) => admin.query('VACUUM (ANALYZE)'), name),
    /** For sessions opened afterwards (the next boot). */
    set: (setting, value) =>
      withAdminClient((admin) => admin.query(`ALTER DATABASE ${name} SET ${setting} = ${value}`)),
    drop: () =>
      withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Boots the compiled app on the database named by process.env (set by the parent). */
async function bootApp() {
  Object.assign(process.env, APP_ENV);
  // The demo-boot bench (demo-boot.js) boots with the development demo.
  if (process.env.DEMO_SEED_OVERRIDE === 'true') {
    Object.assign(process.env, {
      DEMO_SEED: 'true',
      DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
      DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
      DISCLOSURE_PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
  }
  const { createStrapi } = require('@strapi/strapi');
  const instance = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  try {
    return await instance.load();
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    throw error;
  }
}

/** Stops the app; lets Strapi's unawaited bookkeeping finish first (as tests/helpers/strapi.ts). */
async function stopApp(strapi) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  await strapi.destroy();
}

/** A module of the compiled app (dist/), e.g. the Beijing-time helpers the statistics use. */
const distModule = (relative) => require(path.join(root, 'dist', relative));

module.exports = { APP_ENV, benchDir, bootApp, createBenchDatabase, distModule, root, stopApp };
