import type { Server } from 'http';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

const appDir = path.resolve(__dirname, '..', '..');

/** Fixed secrets for throwaway test databases only. */
const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DEMO_SEED: 'false',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
};

export interface TestApp {
  strapi: Core.Strapi;
  http: Server;
  database: TestDatabase;
}

/**
 * Boots the compiled app (dist/) on a fresh database, or on `database` to test a restart.
 * Call once per test file: a boot takes seconds.
 */
export async function bootApp(
  options: { database?: TestDatabase; env?: Record<string, string> } = {}
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  Object.assign(process.env, TEST_ENV, database.env, options.env);
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  return { strapi, http: strapi.server.httpServer, database };
}

/** Stops the app and drops its database unless `keepDatabase` (for a restart test). */
export async function stopApp(app: TestApp, { keepDatabase = false } = {}): Promise<void> {
  await app.strapi.destroy();
  if (!keepDatabase) await app.database.drop();
}
