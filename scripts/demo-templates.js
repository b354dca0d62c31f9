/**
 * The saved first boots test runs share (bootTemplate in tests/helpers/database.ts): SQLite files under
 * .tmp/ and PostgreSQL template databases. `npm test` removes them before and after its run; a
 * jest run on its own removes them at its end (tests/global-teardown.js).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const TEMPLATE_PREFIX = 'disclosure_template_';
const tmp = path.join(__dirname, '..', '.tmp');

/** Removes every demo template; PostgreSQL's too when `postgresEnv` (PGHOST…) is given. */
async function removeDemoTemplates(postgresEnv) {
  if (fs.existsSync(tmp)) {
    for (const name of fs.readdirSync(tmp)) {
      if (name.startsWith(TEMPLATE_PREFIX)) fs.rmSync(path.join(tmp, name), { force: true });
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
      [TEMPLATE_PREFIX]
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

module.exports = { removeDemoTemplates, TEMPLATE_PREFIX };
