/**
 * Finds a PostgreSQL server for the test suite and the benchmark: the one on 127.0.0.1:5432
 * (PGHOST/PGPORT/PGUSER to change), or else a throwaway cluster started from the Debian binaries
 * as the `postgres` user (PostgreSQL refuses to run as root), stopped again by `stop()`.
 */
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Client } = require('pg');

const host = process.env.PGHOST || '127.0.0.1';
const port = Number(process.env.PGPORT || 5432);
const user = process.env.PGUSER || 'postgres';

async function answers() {
  const client = new Client({
    host,
    port,
    user,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findBinaries() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

const none = (reason) => ({ ok: false, reason, env: {}, stop: async () => undefined });

async function ensurePostgres() {
  if (await answers())
    return {
      ok: true,
      env: { PGHOST: host, PGPORT: String(port), PGUSER: user },
      stop: async () => undefined,
    };

  const bin = findBinaries();
  if (!bin)
    return none(
      `no server answers on ${host}:${port} and no PostgreSQL binaries are installed (apt-get install postgresql).`
    );

  const isRoot = process.getuid && process.getuid() === 0;
  const asPostgres = (cmd, args) =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-pg-'));
  const ownPort = 55432;
  try {
    if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
    const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
      '-D',
      dir,
      '-A',
      'trust',
      '-U',
      'postgres',
    ]);
    execFileSync(initCmd, initArgs, { stdio: 'ignore' });
    const [startCmd, startArgs] = asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      dir,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      'start',
      '-o',
      `-p ${ownPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]);
    execFileSync(startCmd, startArgs, { stdio: 'ignore' });
  } catch (error) {
    return none(
      `no server answers on ${host}:${port} and starting one from ${bin} failed: ${error.message}`
    );
  }
  console.log(`[postgres] started a throwaway server from ${bin} on 127.0.0.1:${ownPort}`);
  return {
    ok: true,
    env: { PGHOST: '127.0.0.1', PGPORT: String(ownPort), PGUSER: 'postgres' },
    stop: async () => {
      const [stopCmd, stopArgs] = asPostgres(path.join(bin, 'pg_ctl'), [
        '-D',
        dir,
        '-m',
        'fast',
        'stop',
      ]);
      spawnSync(stopCmd, stopArgs, { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { ensurePostgres };
