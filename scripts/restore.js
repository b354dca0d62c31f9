#!/usr/bin/env node
/**
 * `npm run restore -- <archive.tar> [--force] [--uploads <dir>]`: puts a backup made by
 * `npm run backup` into the configured database and public/uploads, then reads the restored
 * database again and compares it with the archive's manifest (docs/decisions/0038).
 *
 * - Refuses a target that holds rows unless --force (which replaces it).
 * - PostgreSQL: `pg_restore --no-owner` in one transaction (`--clean --if-exists` over tables
 *   already there).
 * - SQLite: the file copied into place; the app must be stopped (a process holding the file
 *   open is refused).
 * - Exits non-zero when anything differs from the manifest, and when the personal-data key of
 *   the environment is not the one the backup was taken with (the requests would not decrypt).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
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
  run,
  serverMajor,
} = require('./backup/common');

const USAGE = 'usage: npm run restore -- <archive.tar> [--force] [--uploads <dir>]';

function parseArgs(argv) {
  const options = { archive: null, force: false, uploads: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--force') options.force = true;
    else if (arg === '--uploads') options.uploads = argv[++i];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (${USAGE})`);
    else if (options.archive) throw new Error(`one archive only (${USAGE})`);
    else options.archive = arg;
  }
  if (!options.archive) throw new Error(USAGE);
  return options;
}

/** A refusal: printed without a stack, exit code 1. */
class Refusal extends Error {}

/** Processes (pid) that hold `file` open, found through /proc (Linux; empty elsewhere). */
function processesUsing(file) {
  if (!fs.existsSync('/proc')) return [];
  const wanted = new Set(['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix));
  const found = new Set();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      try {
        if (wanted.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) found.add(Number(pid));
      } catch {
        // closed meanwhile
      }
    }
  }
  return [...found];
}

async function restoreSqlite(settings, dump, force) {
  const target = settings.sqliteFile;
  if (fs.existsSync(target)) {
    const users = processesUsing(target);
    if (users.length > 0) {
      throw new Refusal(
        `${target} is open in process ${users.join(', ')}: stop the app before restoring.`
      );
    }
    const db = await connect(settings, { readonly: false });
    try {
      // Also catches a process /proc cannot show: a lock held elsewhere.
      db.raw.pragma('busy_timeout = 0');
      try {
        db.raw.exec('BEGIN EXCLUSIVE; COMMIT;');
      } catch (error) {
        throw new Refusal(`${target} is locked (${error.message}): stop the app before restoring.`);
      }
      if (!force && (await hasRows(db))) {
        throw new Refusal(
          `${target} already holds data. Restore into an empty database, or add --force to replace it.`
        );
      }
    } finally {
      await db.close();
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(dump, partial);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(partial, target);
}

async function restorePostgres(settings, dump, manifest, force) {
  const db = await connect(settings);
  let tool;
  let clean = false;
  try {
    if (!force && (await hasRows(db))) {
      throw new Refusal(
        `database ${settings.postgres.database} already holds data. Restore into an empty database, or add --force to replace it.`
      );
    }
    // Tables already there (forced, or empty ones): --clean drops what the dump holds, and a
    // table the backup does not know is dropped here, so the result is the backup and no more.
    const tables = await listTables(db);
    clean = tables.length > 0;
    const known = new Set(manifest.schema.tables);
    for (const table of tables) {
      if (!known.has(table)) await db.all(`DROP TABLE IF EXISTS ${quote(table)} CASCADE`);
    }
    tool = postgresTool('pg_restore', await serverMajor(db));
  } finally {
    await db.close();
  }
  await run(
    tool,
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${settings.postgres.database}`,
      dump,
    ],
    { env: libpqEnv(settings.postgres) }
  );
}

/** Files already in the uploads folder (a restore replaces them only with --force). */
function uploadsPresent(uploadsDir) {
  return fs.existsSync(uploadsDir)
    ? fs.readdirSync(uploadsDir).filter((name) => name !== '.gitkeep')
    : [];
}

function checkUploadsTarget(manifest, uploadsDir, force) {
  if (manifest.uploads?.included && !force && uploadsPresent(uploadsDir).length > 0) {
    throw new Refusal(
      `${uploadsDir} already holds files. Restore into an empty folder, or add --force to replace them.`
    );
  }
}

function restoreUploads(extracted, manifest, uploadsDir) {
  if (!manifest.uploads?.included) return 'none in the archive';
  for (const name of uploadsPresent(uploadsDir)) {
    fs.rmSync(path.join(uploadsDir, name), { recursive: true });
  }
  fs.mkdirSync(uploadsDir, { recursive: true });
  const source = path.join(extracted, 'uploads');
  if (fs.existsSync(source)) fs.cpSync(source, uploadsDir, { recursive: true });
  return `${manifest.uploads.files} files into ${uploadsDir}`;
}

/** Rows of the comparison: [what, in the backup, restored]. */
function compare(manifest, restored) {
  const rows = [];
  const add = (what, expected, actual) =>
    rows.push({
      what,
      expected: String(expected),
      actual: String(actual),
      ok: expected === actual,
    });
  add('schema hash', manifest.schema.hash, restored.schema);
  add('tables', manifest.schema.tables.length, restored.tables.length);
  const tables = new Set([...manifest.schema.tables, ...restored.tables]);
  for (const table of [...tables].sort()) {
    add(
      `rows ${table}`,
      manifest.counts[table] ?? '(absent)',
      restored.counts[table] ?? '(absent)'
    );
  }
  add('audit entries', manifest.audit?.entries ?? null, restored.audit?.entries ?? null);
  add('audit last hash', manifest.audit?.lastHash ?? null, restored.audit?.lastHash ?? null);
  const counters = new Set([
    ...Object.keys(manifest.indexNumbers ?? {}),
    ...Object.keys(restored.indexNumbers ?? {}),
  ]);
  for (const key of [...counters].sort()) {
    add(
      `索引号 ${key} last serial`,
      manifest.indexNumbers?.[key] ?? null,
      restored.indexNumbers?.[key] ?? null
    );
  }
  add(
    'stored key fingerprint',
    manifest.personalDataKey.storedFingerprint,
    restored.storedKeyFingerprint
  );
  return rows;
}

function printTable(rows) {
  const width = Math.max(...rows.map((row) => row.what.length));
  const valueWidth = Math.max(...rows.map((row) => row.expected.length), 'backup'.length);
  console.log(`  ${'what'.padEnd(width)}  ${'backup'.padEnd(valueWidth)}  restored`);
  for (const row of rows) {
    console.log(
      `${row.ok ? ' ' : '!'} ${row.what.padEnd(width)}  ${row.expected.padEnd(valueWidth)}  ${row.ok ? 'same' : row.actual}`
    );
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const settings = loadSettings();
  const uploadsDir = path.resolve(options.uploads || settings.uploadsDir);
  const archive = path.resolve(options.archive);
  if (!fs.existsSync(archive)) throw new Refusal(`no archive at ${archive}`);
  const started = Date.now();
  const extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-restore-'));
  try {
    await run('tar', ['-xf', archive, '-C', extracted]);
    const manifestFile = path.join(extracted, 'manifest.json');
    if (!fs.existsSync(manifestFile)) {
      throw new Refusal(`${archive} has no manifest.json: not a backup of npm run backup`);
    }
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.database.client !== settings.client) {
      throw new Refusal(
        `the backup is of ${manifest.database.client}, the configured database (DATABASE_CLIENT) is ${settings.client}.`
      );
    }
    const dump = path.join(extracted, manifest.database.file);

    // Uploads are checked before the database is touched: a refusal changes nothing.
    checkUploadsTarget(manifest, uploadsDir, options.force);
    if (settings.client === 'sqlite') await restoreSqlite(settings, dump, options.force);
    else await restorePostgres(settings, dump, manifest, options.force);
    const uploads = restoreUploads(extracted, manifest, uploadsDir);

    const db = await connect(settings);
    let restored;
    try {
      restored = await inspect(db);
    } finally {
      await db.close();
    }
    const seconds = (Date.now() - started) / 1000;
    const where =
      settings.client === 'sqlite' ? settings.sqliteFile : `database ${settings.postgres.database}`;
    console.log(
      `Restored ${path.basename(archive)} (${megabytes(fs.statSync(archive).size)}, taken ${manifest.createdAt}, app ${manifest.versions.app}) into ${where} in ${seconds.toFixed(1)} s`
    );
    console.log(`  uploads: ${uploads}`);
    if (!manifest.uploads?.included && manifest.uploads?.note)
      console.log(`  ${manifest.uploads.note}`);

    const rows = compare(manifest, restored);
    printTable(rows);
    const differences = rows.filter((row) => !row.ok);

    // The key the data was encrypted with: the one the app recorded, else the one set at backup.
    const expectedKey =
      manifest.personalDataKey.storedFingerprint ?? manifest.personalDataKey.environmentFingerprint;
    const currentKey = keyFingerprint(settings.personalDataKey);
    let keyOk = true;
    if (expectedKey && currentKey !== expectedKey) {
      keyOk = false;
      console.warn(
        currentKey
          ? 'WARNING: DISCLOSURE_PERSONAL_DATA_KEY differs from the key this backup was taken with: requests will not decrypt; set the old key or run the key rotation.'
          : 'WARNING: DISCLOSURE_PERSONAL_DATA_KEY is not set: requests will not decrypt; set the key this backup was taken with.'
      );
    } else if (expectedKey) {
      console.log('  DISCLOSURE_PERSONAL_DATA_KEY: the key this backup was taken with.');
    } else {
      console.log(
        '  DISCLOSURE_PERSONAL_DATA_KEY: not checked (the backup records no key fingerprint).'
      );
    }

    if (differences.length > 0) {
      console.error(
        `Restore differs from the backup's manifest in ${differences.length} place(s) (marked !).`
      );
    }
    if (differences.length > 0 || !keyOk) process.exitCode = 1;
  } finally {
    fs.rmSync(extracted, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(
    error instanceof Refusal
      ? `Restore refused: ${error.message}`
      : `Restore failed: ${error.message}`
  );
  process.exitCode = 1;
});
