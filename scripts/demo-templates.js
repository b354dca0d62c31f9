/**
 * The saved first boots test runs share (bootTemplate in tests/helpers/database.ts): SQLite files under
 * .tmp/ and PostgreSQL template databases, named by their run. `npm test` removes its run's at its
 * end; a jest run on its own removes its run's at its end (tests/global-teardown.js). Another run's
 * templates are never touched: two runs on one PostgreSQL (a CI clone beside a working tree) must
 * not drop each other's databases mid-run.
 */
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const TEMPLATE_PREFIX = 'disclosure_template_';
const tmp = path.join(__dirname, '..', '.tmp');

/** The names of one run's templates start with this (bootTemplate uses it). */
function runTemplatePrefix(run) {
  return `${TEMPLATE_PREFIX}${createHash('sha256').update(String(run)).digest('hex').slice(0, 8)}_`;
}

/** Removes the run's demo templates; PostgreSQL's too when `postgresEnv` (PGHOST…) is given. */
async function removeDemoTemplates(postgresEnv, run = process.env.DISCLOSURE_TEST_RUN) {
  if (!run) return;
  const prefix = runTemplatePrefix(run);
  if (fs.existsSync(tmp)) {
    for (const name of fs.readdirSync(tmp)) {
      if (name.startsWith(prefix)) fs.rmSync(path.join(tmp, name), { force: true });
    }
  }
  if (!postgresEnv) return;
  const { Client } = require('pg');
  const client = new Client({
    host: postgresEnv.PGHOST || '127.0.0.1',
    port: Number(postgresEnv.PGPORT || 5432),
    user: postgresEnv.PGUSER || 'postgres',
    password: postgresEnv.PGPASSWORD || '',
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix]
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

module.exports = { removeDemoTemplates, runTemplatePrefix, TEMPLATE_PREFIX };
