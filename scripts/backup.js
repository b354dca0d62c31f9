#!/usr/bin/env node
/**
 * `npm run backup [-- --out <file.tar>]`: one archive of the configured database and the local
 * uploads, with a manifest a restore checks against (docs/decisions/0038-backup-and-restore.md).
 *
 * - PostgreSQL: `pg_dump -Fc` of a snapshot; the manifest's counts are read in the same snapshot
 *   (an exported snapshot shared with pg_dump), so they describe exactly what was dumped.
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`), safe while the app runs and
 *   writes; the manifest is read from the copy.
 * - public/uploads when the local upload provider is used; with UPLOAD_PROVIDER=s3 the files
 *   stay in the bucket, which needs its own versioning or backup (the manifest says so).
 *
 * Needs neither the app running nor Strapi booting. Never writes the personal-data key: only its
 * fingerprint.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  connect,
  inspect,
  keyFingerprint,
  libpqEnv,
  loadSettings,
  megabytes,
  postgresTool,
  root,
  run,
  serverMajor,
  versions,
} = require('./backup/common');

const DUMP = { sqlite: 'database.sqlite', postgres: 'database.dump' };

function parseArgs(argv) {
  const options = { out: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--out') options.out = argv[++i];
    else if (argv[i].startsWith('--out=')) options.out = argv[i].slice('--out='.length);
    else throw new Error(`unknown argument ${argv[i]} (usage: npm run backup -- [--out file.tar])`);
  }
  return options;
}

/** 2026-11-29T22:50:51.123Z → 20261129-225051 */
const stamp = (date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

async function backupSqlite(settings, staging) {
  if (!fs.existsSync(settings.sqliteFile)) {
    throw new Error(`no SQLite database at ${settings.sqliteFile} (DATABASE_FILENAME)`);
  }
  const Database = require('better-sqlite3');
  const source = new Database(settings.sqliteFile, { readonly: true, fileMustExist: true });
  const target = path.join(staging, DUMP.sqlite);
  try {
    // All remaining pages in one step: one read transaction, so a writer in the running app
    // neither restarts the copy nor tears it; the writer waits at most for the copy (its busy
    // timeout), as it would for any reader.
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = await connect(settings, { sqliteFile: target });
  try {
    return await inspect(copy);
  } finally {
    await copy.close();
  }
}

async function backupPostgres(settings, staging) {
  const db = await connect(settings);
  try {
    const tool = postgresTool('pg_dump', await serverMajor(db));
    await db.raw.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = await db.all('SELECT pg_export_snapshot() AS snapshot');
    const schema = settings.postgres.schema;
    const dump = run(
      tool,
      [
        '--format=custom',
        `--snapshot=${snapshot}`,
        `--file=${path.join(staging, DUMP.postgres)}`,
        ...(schema !== 'public' ? [`--schema=${schema}`] : []),
      ],
      { env: libpqEnv(settings.postgres) }
    );
    // The manifest is read in the dump's snapshot while pg_dump runs.
    const [state] = await Promise.all([inspect(db), dump]);
    await db.raw.query('COMMIT');
    return { ...state, tool };
  } finally {
    await db.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const settings = loadSettings();
  const started = Date.now();
  const createdAt = new Date();
  const out = path.resolve(
    options.out || path.join(root, 'backups', `disclosure-${stamp(createdAt)}.tar`)
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-backup-'));
  // Written beside the archive and renamed when complete: a failed backup leaves no archive.
  const partial = `${out}.partial`;
  try {
    const { tool, ...state } =
      settings.client === 'sqlite'
        ? await backupSqlite(settings, staging)
        : await backupPostgres(settings, staging);

    const localUploads = settings.uploadProvider !== 's3';
    const withUploads = localUploads && fs.existsSync(settings.uploadsDir);
    const uploadFiles = withUploads
      ? fs
          .readdirSync(settings.uploadsDir, { recursive: true })
          .filter((name) => fs.statSync(path.join(settings.uploadsDir, name)).isFile()).length
      : 0;

    const manifest = {
      format: 'gov-disclosure-backup/1',
      createdAt: createdAt.toISOString(),
      versions: versions(),
      database: {
        client: settings.client,
        file: DUMP[settings.client],
        ...(tool ? { dumpedWith: tool } : {}),
      },
      schema: { hash: state.schema, tables: state.tables },
      counts: state.counts,
      audit: state.audit,
      indexNumbers: state.indexNumbers,
      personalDataKey: {
        // The key itself is never in a backup: keep it with the other .env secrets.
        storedFingerprint: state.storedKeyFingerprint,
        environmentFingerprint: keyFingerprint(settings.personalDataKey),
      },
      uploads: localUploads
        ? { provider: 'local', included: withUploads, files: uploadFiles, path: 'uploads/' }
        : {
            provider: settings.uploadProvider,
            included: false,
            note: 'Uploaded files are in the bucket, not in this archive: the bucket needs its own versioning or backup.',
          },
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    await run('tar', [
      '-cf',
      partial,
      '-C',
      staging,
      'manifest.json',
      DUMP[settings.client],
      // public/uploads goes in as uploads/.
      ...(withUploads ? ['-C', path.dirname(settings.uploadsDir), 'uploads'] : []),
    ]);
    fs.renameSync(partial, out);

    const seconds = (Date.now() - started) / 1000;
    const rows = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
    console.log(`Backup written: ${out}`);
    console.log(
      `  ${megabytes(fs.statSync(out).size)} in ${seconds.toFixed(1)} s — ${settings.client}, ${manifest.schema.tables.length} tables, ${rows} rows`
    );
    if (manifest.audit) {
      console.log(
        `  audit chain: ${manifest.audit.entries} entries, last ${manifest.audit.lastHash}`
      );
    }
    console.log(
      localUploads
        ? `  uploads: ${uploadFiles} files from public/uploads`
        : `  uploads: not included (${settings.uploadProvider}): ${manifest.uploads.note}`
    );
    console.log(
      '  Not in the archive: the .env secrets, above all DISCLOSURE_PERSONAL_DATA_KEY — keep them separately.'
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

main().catch((error) => {
  console.error(`Backup failed: ${error.message}`);
  process.exitCode = 1;
});
