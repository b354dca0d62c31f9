import type { Server } from 'http';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import {
  bootTemplate,
  createTestDatabase,
  saveTemplate,
  templateSaved,
  type TestDatabase,
} from './database';

const appDir = path.resolve(__dirname, '..', '..');

/** Fixed secrets for throwaway test databases only. */
export const TEST_ENV = {
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
  DISCLOSURE_PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  // Reset per boot: a test file may set its own.
  DISCLOSURE_INTAKE_LIMIT: '10',
  REDIS_URL: '',
  // The response cache is on in every test, as in production: a stale read fails them.
  RESPONSE_CACHE: 'on',
  RESPONSE_CACHE_MAX_MB: '64',
  RESPONSE_CACHE_S_MAXAGE: '',
  CACHE_PURGE_URL: '',
  DISCLOSURE_INTAKE_KEY_PREFIX: 'disclosure-intake',
  // The daily request job (08:30 Beijing) runs only when a test calls it, not at the wall-clock time.
  CRON_ENABLED: 'false',
  CORS_ADMIN_ORIGINS: '',
  CORS_API_ORIGINS: '*',
  PUBLIC_URL: '',
  // The local disk unless a test file asks for the bucket (tests/integration/s3-uploads.test.ts).
  UPLOAD_PROVIDER: '',
};

export interface TestApp {
  strapi: Core.Strapi;
  http: Server;
  database: TestDatabase;
}

/**
 * Boots the compiled app (dist/) on a fresh database, or on `database` to test a restart.
 * Call once per test file: a boot takes seconds. A fresh database is a copy of the run's first
 * boot with the same settings when there is one (bootTemplate in ./database); the first boot
 * saves it.
 */
export async function bootApp(
  options: {
    database?: TestDatabase;
    env?: Record<string, string>;
    /** Seed the demo in this boot even when the run has it (the test of the seeding itself). */
    freshDemo?: boolean;
    /** Boot on an empty database even when the run has a saved first boot (tests of a first boot). */
    freshDatabase?: boolean;
  } = {}
): Promise<TestApp> {
  const template = options.database ? null : bootTemplate({ ...TEST_ENV, ...options.env });
  const saved = template !== null && (await templateSaved(template));
  const copy = saved && !options.freshDemo && !options.freshDatabase;
  const database =
    options.database ?? (await createTestDatabase(copy ? { template: template! } : {}));
  try {
    const app = await load(database, options.env);
    if (template && !saved) {
      await saveTemplate(database, template, app.strapi.db.connection as never);
    }
    return app;
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
}

async function load(database: TestDatabase, env?: Record<string, string>): Promise<TestApp> {
  Object.assign(process.env, TEST_ENV, database.env, env);
  const instance = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  try {
    const strapi = await instance.load();
    strapi.server.mount();
    return { strapi, http: strapi.server.httpServer, database };
  } catch (error) {
    // A failed boot must not leave a pool or a server open: jest would hang on them.
    await instance.destroy().catch(() => undefined);
    throw error;
  }
}

/** Stops the app and drops its database unless `keepDatabase` (for a restart test). */
export async function stopApp(app: TestApp, { keepDatabase = false } = {}): Promise<void> {
  // Strapi fires some bookkeeping without awaiting it (admin metrics after a user is created);
  // let it finish before the pool closes, or it fails later and keeps jest from exiting.
  await new Promise((resolve) => setTimeout(resolve, 250));
  await app.strapi.destroy();
  if (!keepDatabase) await app.database.drop();
}
