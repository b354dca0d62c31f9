/**
 * `npm run backup` and `npm run restore` (docs/decisions/0038-backup-and-restore.md), run as the
 * real scripts in child processes on the run's demo: the restored database, booted, keeps the
 * audit chain with the same last hash, decrypts requests and their attachments, keeps every
 * 索引号 and count, names the same staff for divisions and audit entries, and numbers the next
 * publication after the last; a non-empty target is refused without --force; a backup taken
 * while the app writes restores to a consistent database.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';
import { columnId, createDraft } from '../helpers/content';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from '../helpers/database';
import { reviewAndPublish } from '../helpers/review';
import { bootApp, stopApp, TEST_ENV, type TestApp } from '../helpers/strapi';

const { connect, inspect, loadSettings } = require('../../scripts/backup/common') as {
  connect: (settings: unknown, options?: { readonly?: boolean }) => Promise<Connection>;
  inspect: (db: Connection) => Promise<Inspection>;
  loadSettings: () => unknown;
};

interface Connection {
  client: string;
  all(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}
interface Inspection {
  tables: string[];
  counts: Record<string, number>;
  schema: string | null;
  audit: { entries: number; lastHash: string | null } | null;
  indexNumbers: Record<string, number> | null;
  storedKeyFingerprint: string | null;
}

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};
const ORG = TEST_ENV.DISCLOSURE_ORG_CODE;
const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-test-'));

/** The scripts' environment: the test database's, and no .env of the worktree. */
const scriptEnv = (database: TestDatabase, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...TEST_ENV,
  DATABASE_URL: '',
  DATABASE_FILENAME: '',
  ...database.env,
  ENV_PATH: path.join(work, 'no.env'),
  ...extra,
});

/** Runs a script of scripts/ to its end (asynchronously: the app in this process keeps running). */
function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], {
      cwd: root,
      env,
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const manifestOf = (archive: string) =>
  JSON.parse(execFileSync('tar', ['-xOf', archive, 'manifest.json'], { encoding: 'utf8' }));

/** The inspection the scripts make, of a test database. */
async function inspectDatabase(database: TestDatabase): Promise<Inspection> {
  const saved = { ...process.env };
  Object.assign(process.env, scriptEnv(database));
  try {
    const db = await connect(loadSettings());
    try {
      return await inspect(db);
    } finally {
      await db.close();
    }
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Facts {
  requests: Array<{ trackingNumber: string; applicant: unknown; attachments: string[] }>;
  indexNumbers: string[];
  staff: string[];
  actors: string[];
}

/** What must survive, read from a running app over HTTP as the coordinator and from its rows. */
async function factsOf(app: TestApp): Promise<Facts> {
  const login = await request(app.http)
    .post('/admin/login')
    .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
    .expect(200);
  const auth = `Bearer ${login.body.data.token}`;
  const list = await request(app.http)
    .get('/disclosure/requests?state=all&pageSize=100')
    .set('Authorization', auth)
    .expect(200);
  const requests: Facts['requests'] = [];
  for (const entry of list.body.data as Array<{ trackingNumber: string }>) {
    const detail = (
      await request(app.http)
        .get(`/disclosure/requests/${entry.trackingNumber}`)
        .set('Authorization', auth)
        .expect(200)
    ).body.data;
    const attachments: string[] = [];
    for (const file of detail.attachments as Array<{ id: number; fileName: string }>) {
      const response = await request(app.http)
        .get(`/disclosure/requests/${entry.trackingNumber}/attachments/${file.id}`)
        .set('Authorization', auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      attachments.push(`${file.fileName} ${sha(response.body as Buffer)}`);
    }
    requests.push({
      trackingNumber: entry.trackingNumber,
      // The applicant's personal data, decrypted.
      applicant: {
        name: detail.name,
        phone: detail.phone,
        idNumber: detail.idNumber,
        email: detail.email,
        address: detail.address,
        description: detail.description,
      },
      attachments: attachments.sort(),
    });
  }

  const emails = new Map(
    (
      (await app.strapi.db.query('admin::user').findMany({ select: ['id', 'email'] })) as Array<{
        id: number;
        email: string;
      }>
    ).map((user) => [user.id, user.email])
  );
  const staff = (
    (await app.strapi.db.query('plugin::disclosure.staff').findMany({})) as Array<{
      adminUserId: number;
      department: string;
    }>
  ).map((row) => `${row.department} ${emails.get(row.adminUserId)}`);
  const actors = (
    (await app.strapi.db.query('plugin::disclosure.audit-entry').findMany({
      select: ['seq', 'actorId', 'actorName'],
      orderBy: { seq: 'asc' },
    })) as Array<{ seq: number; actorId: number | null; actorName: string | null }>
  ).map(
    (row) => `${row.seq} ${row.actorName} ${row.actorId === null ? '-' : emails.get(row.actorId)}`
  );
  const indexNumbers = (
    (await app.strapi.db.query('plugin::disclosure.index-number').findMany({
      select: ['itemDocumentId', 'value'],
    })) as Array<{ itemDocumentId: string; value: string }>
  ).map((row) => `${row.itemDocumentId} ${row.value}`);
  return {
    requests: requests.sort((a, b) => (a.trackingNumber < b.trackingNumber ? -1 : 1)),
    indexNumbers: indexNumbers.sort(),
    staff: staff.sort(),
    actors,
  };
}

/** Adds a reply file to the demo's first request, as the coordinator. */
async function attachReplyFile(app: TestApp): Promise<void> {
  const login = await request(app.http)
    .post('/admin/login')
    .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
    .expect(200);
  const [first] = (await app.strapi.db.query('plugin::disclosure.disclosure-request').findMany({
    select: ['trackingNumber'],
    orderBy: { id: 'asc' },
    limit: 1,
  })) as Array<{ trackingNumber: string }>;
  await request(app.http)
    .post(`/disclosure/requests/${first.trackingNumber}/attachments`)
    .set('Authorization', `Bearer ${login.body.data.token}`)
    .attach(
      'files',
      Buffer.from('%PDF-1.4\n% 备份测试\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      '答复附件.pdf'
    )
    .expect(201);
}

/** Publishes a new article through the whole review; returns its 索引号. */
async function publishArticle(app: TestApp, title: string): Promise<string> {
  const [office] = await app.strapi
    .documents('api::department.department')
    .findMany({ filters: { code: 'BGS' }, fields: ['code'] });
  const documentId = await createDraft(app.strapi, 'api::article.article', {
    title,
    column: await columnId(app.strapi, 'work-news'),
    department: office.documentId,
    metadata: { disclosureMode: 'proactive' },
  });
  await reviewAndPublish(app.strapi, 'api::article.article', documentId);
  const [row] = (await app.strapi.db.query('plugin::disclosure.index-number').findMany({
    where: { itemDocumentId: documentId },
  })) as Array<{ value: string }>;
  return row.value;
}

const serialOf = (indexNumber: string) => Number(indexNumber.split('-').pop());
const yearOf = (indexNumber: string) => indexNumber.split('/')[1].split('-')[0];

let source: TestApp | null = null;
let restored: TestApp | null = null;
let sourceDatabase: TestDatabase;
let targetDatabase: TestDatabase;
let archive: string;
let manifest: ReturnType<typeof manifestOf>;
let backupOutput: string;
let restoreRun: { code: number; out: string };
let before: Facts;
let sourceState: Inspection;
let sourceVerdict: { ok: boolean; entries: number; lastHash?: string };
let lastIndexNumber: string;
let restoredState: Inspection;
let restoredVerdict: { ok: boolean; entries: number; lastHash?: string };
const others: TestDatabase[] = [];
/** The database restored under another personal-data key (booted last: one app at a time). */
let wrongKeyTarget: TestDatabase | null = null;

beforeAll(async () => {
  source = await bootApp({ env: DEMO_ENV });
  sourceDatabase = source.database;
  // One publication of this year, so "the next number" continues a counter the backup holds.
  lastIndexNumber = await publishArticle(source, '备份之前发布的稿件');
  // A reply attachment (the demo's requests have none), stored encrypted like every file.
  await attachReplyFile(source);
  before = await factsOf(source);
  sourceVerdict = await disclosureService(source.strapi, 'audit').verify();
  sourceState = await inspectDatabase(sourceDatabase);

  // The backup is taken with the app running, as an operator would.
  archive = path.join(work, 'demo.tar');
  const backup = await runScript('backup.js', ['--out', archive], scriptEnv(sourceDatabase));
  backupOutput = backup.out;
  if (backup.code !== 0) throw new Error(`backup failed:\n${backup.out}`);
  manifest = manifestOf(archive);
  await stopApp(source, { keepDatabase: true });
  source = null;

  targetDatabase = await createTestDatabase();
  restoreRun = await runScript(
    'restore.js',
    [archive, '--uploads', path.join(work, 'uploads')],
    scriptEnv(targetDatabase)
  );
  restoredState = await inspectDatabase(targetDatabase);
  // A production-like start: no demo seeding on the restored database.
  restored = await bootApp({ database: targetDatabase, env: { ...DEMO_ENV, DEMO_SEED: 'false' } });
  restoredVerdict = await disclosureService(restored.strapi, 'audit').verify();
}, 900_000);

afterAll(async () => {
  if (source) await stopApp(source);
  if (restored) await stopApp(restored);
  for (const database of [sourceDatabase, targetDatabase, ...others]) await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`npm run backup / npm run restore (${TEST_DATABASE})`, () => {
  it('writes one archive with the dump and a manifest of the database (never the key)', () => {
    expect(backupOutput).toContain(`Backup written: ${archive}`);
    const entries = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).split('\n');
    expect(entries).toContain('manifest.json');
    expect(entries).toContain(TEST_DATABASE === 'sqlite' ? 'database.sqlite' : 'database.dump');
    expect(manifest).toMatchObject({
      versions: { app: expect.any(String), plugin: expect.any(String), strapi: '5.54.0' },
      database: { client: TEST_DATABASE },
      schema: { hash: sourceState.schema, tables: sourceState.tables },
      counts: sourceState.counts,
      audit: { entries: sourceVerdict.entries, lastHash: sourceVerdict.lastHash },
      indexNumbers: sourceState.indexNumbers,
      uploads: { provider: 'local' },
    });
    expect(manifest.counts['disclosure_requests']).toBeGreaterThan(0);
    const year = yearOf(lastIndexNumber);
    expect(manifest.indexNumbers[`${ORG}/${year}`]).toBe(serialOf(lastIndexNumber));
    // The fingerprint of the test key, and nowhere the key itself.
    expect(manifest.personalDataKey.environmentFingerprint).toMatch(/^[0-9a-f]{16}$/);
    const raw = fs.readFileSync(archive);
    expect(raw.includes(Buffer.from(TEST_ENV.DISCLOSURE_PERSONAL_DATA_KEY))).toBe(false);
  });

  it('restores into an empty database and finds everything the manifest lists', () => {
    expect({ code: restoreRun.code, out: restoreRun.out }).toEqual({
      code: 0,
      out: expect.stringContaining('the key this backup was taken with'),
    });
    expect(restoreRun.out).toContain('audit last hash');
    // No row of the comparison is marked as differing.
    expect(restoreRun.out.split('\n').filter((line) => line.startsWith('!'))).toEqual([]);
  });

  it('keeps the audit chain: it verifies, with the same number of entries and last hash', () => {
    expect(restoredVerdict).toEqual({
      ok: true,
      entries: sourceVerdict.entries,
      lastHash: sourceVerdict.lastHash,
    });
    expect(sourceVerdict.ok).toBe(true);
  });

  it('puts back the schema and every table’s rows', () => {
    expect(restoredState.schema).toBe(sourceState.schema);
    expect(restoredState.tables).toEqual(sourceState.tables);
    expect(restoredState.counts).toEqual(sourceState.counts);
  });

  it('decrypts requests and their attachments, keeps 索引号, staff divisions and audit actors', async () => {
    const after = await factsOf(restored!);
    expect(after.requests.length).toBeGreaterThan(0);
    expect(after.requests.some((entry) => entry.attachments.length > 0)).toBe(true);
    expect(after.requests.every((entry) => (entry.applicant as { name: string | null }).name)).toBe(
      true
    );
    expect(after.requests).toEqual(before.requests);
    expect(after.indexNumbers).toEqual(before.indexNumbers);
    expect(after.staff.length).toBeGreaterThan(0);
    expect(after.staff).toEqual(before.staff);
    // Entries written after the backup (the coordinator's views just now) come after the ones kept.
    expect(after.actors.slice(0, before.actors.length)).toEqual(before.actors);
  });

  it('numbers the next publication after the last one the backup holds', async () => {
    const next = await publishArticle(restored!, '恢复之后发布的稿件');
    expect(yearOf(next)).toBe(yearOf(lastIndexNumber));
    expect(serialOf(next)).toBe(serialOf(lastIndexNumber) + 1);
  });

  it('refuses a database that holds data unless --force, which replaces it', async () => {
    // The source database, stopped, with a row the archive does not have.
    const marker = `backup-test-marker-${Date.now()}`;
    const saved = { ...process.env };
    Object.assign(process.env, scriptEnv(sourceDatabase));
    const db = await connect(loadSettings(), { readonly: false });
    try {
      await db.all(
        `INSERT INTO strapi_core_store_settings (key, value, type) VALUES ('${marker}', '1', 'string')`
      );
    } finally {
      await db.close();
      Object.assign(process.env, saved);
    }
    const markers = async () =>
      (await inspectDatabase(sourceDatabase)).counts['strapi_core_store_settings'];
    const withMarker = await markers();

    const refused = await runScript(
      'restore.js',
      [archive, '--uploads', path.join(work, 'uploads-refused')],
      scriptEnv(sourceDatabase)
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('already holds data');
    expect(refused.out).toContain('--force');
    expect(await markers()).toBe(withMarker);

    const forced = await runScript(
      'restore.js',
      [archive, '--force', '--uploads', path.join(work, 'uploads-forced')],
      scriptEnv(sourceDatabase)
    );
    expect({ code: forced.code, differing: forced.out.includes('\n!') }).toEqual({
      code: 0,
      differing: false,
    });
    expect(await markers()).toBe(withMarker - 1);
  });

  it('warns and fails when the environment’s personal-data key is not the backup’s', async () => {
    const target = await createTestDatabase();
    others.push(target);
    const run = await runScript(
      'restore.js',
      [archive, '--uploads', path.join(work, 'uploads-other-key')],
      scriptEnv(target, { DISCLOSURE_PERSONAL_DATA_KEY: Buffer.alloc(32, 9).toString('base64') })
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'DISCLOSURE_PERSONAL_DATA_KEY differs from the key this backup was taken with: requests will not decrypt; set the old key or run the key rotation'
    );

    wrongKeyTarget = target;
  });

  (TEST_DATABASE === 'sqlite' ? it : it.skip)(
    'refuses to replace a SQLite database the running app holds open, even with --force',
    async () => {
      const entries = (await disclosureService(restored!.strapi, 'audit').verify()).entries;
      const run = await runScript(
        'restore.js',
        [archive, '--force', '--uploads', path.join(work, 'uploads-in-use')],
        scriptEnv(targetDatabase)
      );
      expect(run.code).toBe(1);
      expect(run.out).toContain(`is open in process ${process.pid}: stop the app before restoring`);
      expect((await disclosureService(restored!.strapi, 'audit').verify()).entries).toBe(entries);
    }
  );

  it('takes a consistent backup while the app writes', async () => {
    const app = restored!;
    const audit = disclosureService(app.strapi, 'audit');
    const startEntries = (await audit.verify()).entries;
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await audit.append({
          contentType: 'api::article.article',
          documentId: `backup-writer-${written}`,
          locale: 'zh-Hans',
          action: 'backup-test',
          fromState: null,
          toState: null,
          actorId: null,
          actorName: 'writer',
          actorRoles: [],
          reason: null,
          category: null,
          contentHash: null,
        });
        written += 1;
        // Let the event loop run (the child's output, the timer): SQLite's driver is synchronous.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const busy = path.join(work, 'busy.tar');
    let backup: { code: number; out: string };
    try {
      // Let the writer get going, then back up under it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      backup = await runScript('backup.js', ['--out', busy], scriptEnv(targetDatabase));
    } finally {
      writing = false;
      await writer;
    }
    expect(backup.code).toBe(0);
    const busyManifest = manifestOf(busy);
    expect(written).toBeGreaterThan(0);
    // The copy holds some of the writes but not all: taken in the middle of them.
    expect(busyManifest.audit.entries).toBeGreaterThan(startEntries);
    expect(busyManifest.audit.entries).toBeLessThan(startEntries + written);

    await stopApp(restored!, { keepDatabase: true });
    restored = null;
    const copy = await createTestDatabase();
    others.push(copy);
    const restoredCopy = await runScript(
      'restore.js',
      [busy, '--uploads', path.join(work, 'uploads-busy')],
      scriptEnv(copy)
    );
    expect({ code: restoredCopy.code, out: restoredCopy.out }).toEqual({
      code: 0,
      out: expect.not.stringContaining('\n!'),
    });
    const third = await bootApp({ database: copy, env: { ...DEMO_ENV, DEMO_SEED: 'false' } });
    try {
      expect(await disclosureService(third.strapi, 'audit').verify()).toEqual({
        ok: true,
        entries: busyManifest.audit.entries,
        lastHash: busyManifest.audit.lastHash,
      });
    } finally {
      await stopApp(third, { keepDatabase: true });
    }
  });

  it('started on the wrong key anyway, the restored app refuses personal data plainly (503) and serves the rest', async () => {
    expect(restored).toBeNull();
    const target = wrongKeyTarget!;
    const wrong = await bootApp({
      database: target,
      env: {
        ...DEMO_ENV,
        DEMO_SEED: 'false',
        DISCLOSURE_PERSONAL_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
      },
    });
    try {
      const login = await request(wrong.http)
        .post('/admin/login')
        .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
        .expect(200);
      const list = await request(wrong.http)
        .get('/disclosure/requests?state=all')
        .set('Authorization', `Bearer ${login.body.data.token}`);
      expect(list.status).toBe(503);
      expect(list.body.error.details).toMatchObject({
        code: 'PERSONAL_DATA_KEY_MISMATCH',
        setting: 'DISCLOSURE_PERSONAL_DATA_KEY',
      });
      expect(list.text).toContain('DISCLOSURE_PERSONAL_DATA_KEY');
      const articles = await request(wrong.http).get('/api/articles?pagination[pageSize]=1');
      expect(articles.status).toBe(200);
      expect(articles.body.meta.pagination.total).toBeGreaterThan(0);
    } finally {
      await stopApp(wrong, { keepDatabase: true });
    }
  });
});
