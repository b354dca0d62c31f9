/**
 * Issue #16 parts 3 and 4 (decision 0040): the demo started with another personal-data key
 * refuses what holds personal data with a 503 naming the setting, and keeps everything else
 * working; `npm run personal-data:rotate-key` re-encrypts every value to a new key, after which
 * the app started with that key reads them all and no `v1:` value is left that it cannot open.
 */
import { spawn } from 'child_process';
import { createDecipheriv, createHmac } from 'crypto';
import path from 'path';
import request from 'supertest';
import type { Knex } from 'knex';
import { bootApp, stopApp, TEST_ENV, type TestApp } from '../helpers/strapi';
import { staffLogin } from '../helpers/staff';
import { websiteMessage, submit } from '../helpers/inquiries';
import type { TestDatabase } from '../helpers/database';

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};
const KEY_A = TEST_ENV.DISCLOSURE_PERSONAL_DATA_KEY;
const KEY_B = Buffer.alloc(32, 42).toString('base64');
const STORE_KEY = 'plugin_disclosure_personal-data-key';

const APPLICANT = {
  applicantType: 'natural',
  name: '王五',
  idType: 'id_card',
  idNumber: '210102199001012345',
  phone: '13900001234',
  title: '工业企业技术改造项目备案办理流程',
  form: 'electronic',
  delivery: 'online',
};

/** What the first start created: ids of records holding personal data, codes handed out. */
interface Created {
  trackingNumber: string;
  queryCode: string;
  attachmentId: number;
  inquiry: { trackingNumber: string; queryCode: string };
  inquiryId: number;
  proposalId: number;
  consultationId: number;
  caseNumber: string;
}

const appDir = path.resolve(__dirname, '..', '..');

/** Runs the rotation script on the database, as an operator would; its exit code and output. */
const rotate = (database: TestDatabase, env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(appDir, 'scripts/personal-data-rotate-key.js')],
      {
        cwd: appDir,
        env: { ...process.env, ...TEST_ENV, ...database.env, ...env },
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

const ENCRYPTED = /v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}/g;

/**
 * Every encrypted-looking value in any text or JSON column of the plugin's tables, whatever the
 * modules declare: the rotation is complete only if each of these opens with the new key.
 */
async function encryptedValuesInDatabase(knex: Knex, client: string) {
  const tables: string[] =
    client === 'postgres'
      ? (
          await knex.raw(
            "select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'disclosure\\_%'"
          )
        ).rows.map((row: { table_name: string }) => row.table_name)
      : (
          await knex.raw(
            "select name from sqlite_master where type = 'table' and name like 'disclosure\\_%' escape '\\'"
          )
        ).map((row: { name: string }) => row.name);
  const found: Array<{ table: string; column: string; value: string }> = [];
  for (const table of tables) {
    const columns = Object.keys(await knex(table).columnInfo());
    for (const column of columns) {
      const rows = await knex(table)
        .select(knex.raw('?? as v', [column]))
        .whereRaw("cast(?? as text) like '%v1:%'", [column]);
      for (const row of rows as Array<{ v: unknown }>) {
        const text = typeof row.v === 'string' ? row.v : JSON.stringify(row.v);
        for (const value of text.match(ENCRYPTED) ?? []) found.push({ table, column, value });
      }
    }
  }
  return found;
}

/** The fingerprint as the decision note gives it (the backup's manifest computes the same). */
const fingerprintOf = (key: Buffer) =>
  createHmac('sha256', key)
    .update('gov-disclosure personal-data key fingerprint v1')
    .digest('hex')
    .slice(0, 16);

/** Whether AES-256-GCM under `key` opens a stored `v1:iv:tag:data` value. */
const opens = (key: string, stored: string) => {
  const [, iv, tag, data] = stored.split(':');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(key, 'base64'),
      Buffer.from(iv, 'base64')
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    decipher.update(Buffer.from(data, 'base64'));
    decipher.final();
    return true;
  } catch {
    return false;
  }
};

let app: TestApp | null = null;
let database: TestDatabase;
let created: Created;
const logged: string[] = [];

/** The super admin's token on the app running now. */
const adminToken = async (a: TestApp, email: string) =>
  (await staffLogin(a.strapi, a.http, { email, role: 'strapi-super-admin' })).token;

/** Restarts on the same database (the demo is not seeded again). */
async function bootOn(env: Record<string, string>) {
  app = await bootApp({ database, env });
  return app;
}

beforeAll(async () => {
  app = await bootApp({ env: DEMO_ENV });
  database = app.database;
  const { strapi, http } = app;
  const intake = await request(http)
    .post('/api/disclosure-requests')
    .field('data', JSON.stringify(APPLICANT))
    .attach('attachments', Buffer.from('%PDF-1.4\n身份证复印件\n'), 'id.pdf')
    .expect(201);
  const row = (await strapi.db
    .query('plugin::disclosure.request-attachment')
    .findOne({ where: { trackingNumber: intake.body.data.trackingNumber } })) as { id: number };
  const inquiry = await submit(http, websiteMessage()).expect(201);
  const inquiryRow = (await strapi.db
    .query('plugin::disclosure.inquiry')
    .findOne({ where: { trackingNumber: inquiry.body.data.trackingNumber } })) as { id: number };
  const proposal = (await strapi.db
    .query('plugin::disclosure.proposal')
    .findOne({ where: {}, orderBy: { id: 'asc' } })) as { id: number };
  const comment = (await strapi.db
    .query('plugin::disclosure.consultation-comment')
    .findOne({ where: { name: { $notNull: true } }, orderBy: { id: 'asc' } })) as {
    consultationId: number;
  };
  const serviceCase = (await strapi.db
    .query('plugin::disclosure.service-case')
    .findOne({ where: {}, orderBy: { id: 'asc' } })) as { caseNumber: string };
  created = {
    trackingNumber: intake.body.data.trackingNumber,
    queryCode: intake.body.data.queryCode,
    attachmentId: row.id,
    inquiry: {
      trackingNumber: inquiry.body.data.trackingNumber,
      queryCode: inquiry.body.data.queryCode,
    },
    inquiryId: inquiryRow.id,
    proposalId: proposal.id,
    consultationId: comment.consultationId,
    caseNumber: serviceCase.caseNumber,
  };
  await stopApp(app, { keepDatabase: true });
  app = null;
}, 600_000);

afterAll(async () => {
  if (app) await stopApp(app, { keepDatabase: true });
  await database?.drop();
});

/** The pages and API holding personal data, as the office and the website reach them. */
const personalRoutes = (c: Created) => [
  ['GET', '/disclosure/requests?state=all'],
  ['GET', `/disclosure/requests/${c.trackingNumber}`],
  ['GET', `/disclosure/requests/${c.trackingNumber}/attachments/${c.attachmentId}`],
  ['GET', '/disclosure/service-cases'],
  ['GET', `/disclosure/service-cases/${c.caseNumber}`],
  ['GET', '/disclosure/proposals'],
  ['GET', `/disclosure/proposals/${c.proposalId}`],
  ['GET', '/disclosure/inquiries'],
  ['GET', `/disclosure/inquiries/${c.inquiryId}`],
  ['GET', '/disclosure/consultations'],
  ['GET', `/disclosure/consultations/${c.consultationId}`],
];

describe('started with another DISCLOSURE_PERSONAL_DATA_KEY', () => {
  let token: string;
  beforeAll(async () => {
    const a = await bootOn({ DISCLOSURE_PERSONAL_DATA_KEY: KEY_B, LOG_LEVEL: 'error' });
    // What the start-up logged is checked below: the check runs again, into the test's logger.
    const error = a.strapi.log.error.bind(a.strapi.log);
    a.strapi.log.error = ((message: unknown) => {
      logged.push(String(message));
      return error(message as string);
    }) as typeof a.strapi.log.error;
    await a.strapi.plugin('disclosure').service('personal-data').check();
    token = await adminToken(a, 'super.b@key.test');
  }, 300_000);
  afterAll(async () => {
    await stopApp(app!, { keepDatabase: true });
    app = null;
  });

  it('logs the mismatch in plain words: the setting, both fingerprints, what to do', () => {
    const message = logged.find((line) => line.includes('DISCLOSURE_PERSONAL_DATA_KEY'));
    expect(message).toContain(
      'DISCLOSURE_PERSONAL_DATA_KEY is not the key the personal data in this database was encrypted with'
    );
    expect(message).toContain(
      `stored key fingerprint ${fingerprintOf(Buffer.from(KEY_A, 'base64'))}`
    );
    expect(message).toContain(`this key's ${fingerprintOf(Buffer.from(KEY_B, 'base64'))}`);
    expect(message).toContain('npm run personal-data:rotate-key');
  });

  it('answers every page holding personal data with a 503 naming the setting, never a 500', async () => {
    for (const [, url] of personalRoutes(created)) {
      const response = await request(app!.http).get(url).set('Authorization', `Bearer ${token}`);
      expect({ url, status: response.status }).toEqual({ url, status: 503 });
      expect(response.body.error).toMatchObject({
        status: 503,
        message: expect.stringContaining('DISCLOSURE_PERSONAL_DATA_KEY'),
        details: { code: 'PERSONAL_DATA_KEY_MISMATCH', setting: 'DISCLOSURE_PERSONAL_DATA_KEY' },
      });
    }
    // A step on a request is refused the same way before anything is written.
    await request(app!.http)
      .post(`/disclosure/requests/${created.trackingNumber}/accept`)
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(503);
  });

  it('refuses the public intakes and status lookups with the same 503, storing nothing', async () => {
    const before = await app!.strapi.db.query('plugin::disclosure.disclosure-request').count();
    const intake = await request(app!.http)
      .post('/api/disclosure-requests')
      .field('data', JSON.stringify(APPLICANT))
      .expect(503);
    expect(intake.body.error.details.code).toBe('PERSONAL_DATA_KEY_MISMATCH');
    expect(await app!.strapi.db.query('plugin::disclosure.disclosure-request').count()).toBe(
      before
    );
    await request(app!.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: created.trackingNumber, queryCode: created.queryCode })
      .expect(503);
    await submit(app!.http, websiteMessage()).expect(503);
    await request(app!.http)
      .get('/api/disclosure/inquiries/status')
      .query(created.inquiry)
      .expect(503);
    await request(app!.http)
      .post(`/api/disclosure/consultations/${created.consultationId}/comments`)
      .send({ text: '意见', name: '某人' })
      .expect(503);
  });

  it('keeps the catalogue, the review and the statistics working', async () => {
    await request(app!.http).get('/api/columns').expect(200);
    await request(app!.http).get('/api/disclosure/consultations').expect(200);
    await request(app!.http).get('/api/disclosure/service-items').expect(200);
    const as = (url: string) =>
      request(app!.http).get(url).set('Authorization', `Bearer ${token}`).expect(200);
    await as('/disclosure/queue');
    await as('/disclosure/workflow');
    await as('/disclosure/statistics?year=2018');
    await as('/disclosure/service-items');
  });
});

describe('npm run personal-data:rotate-key', () => {
  it('refuses to start from a key the data was not encrypted with, changing nothing', async () => {
    const result = await rotate(database, {
      DISCLOSURE_PERSONAL_DATA_KEY: KEY_B,
      DISCLOSURE_PERSONAL_DATA_KEY_NEW: Buffer.alloc(32, 43).toString('base64'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The rotation starts from the key the data is encrypted with');
  }, 300_000);

  it('re-encrypts every value from A to B and says what to change', async () => {
    const result = await rotate(database, {
      DISCLOSURE_PERSONAL_DATA_KEY: KEY_A,
      DISCLOSURE_PERSONAL_DATA_KEY_NEW: KEY_B,
    });
    expect({ code: result.code, stderr: result.stderr.slice(-2000) }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    for (const type of [
      'disclosure requests',
      'request attachments',
      'service cases',
      'proposals',
      'inquiries',
      'consultation comments',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`${type}: [1-9]\\d* value\\(s\\)`));
    }
    expect(result.stdout).toContain('set DISCLOSURE_PERSONAL_DATA_KEY to the new key');
  }, 300_000);
});

describe('started with the new key after the rotation', () => {
  let token: string;
  beforeAll(async () => {
    const a = await bootOn({ DISCLOSURE_PERSONAL_DATA_KEY: KEY_B });
    token = await adminToken(a, 'super.c@key.test');
  }, 300_000);

  it('records the new fingerprint', async () => {
    const row = await app!.strapi.db
      .connection('strapi_core_store_settings')
      .where({ key: STORE_KEY })
      .first();
    const value = JSON.parse(row.value);
    expect(value.fingerprint).toBe(fingerprintOf(Buffer.from(KEY_B, 'base64')));
    expect(value.recordedAt).toEqual(expect.any(String));
  });

  it('reads everything again: the applicant by name, the attachment, every page', async () => {
    const as = (url: string) => request(app!.http).get(url).set('Authorization', `Bearer ${token}`);
    for (const [, url] of personalRoutes(created)) {
      const response = await as(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
    }
    const shown = await as(`/disclosure/requests/${created.trackingNumber}`).expect(200);
    expect(JSON.stringify(shown.body)).toContain('王五');
    const file = await as(
      `/disclosure/requests/${created.trackingNumber}/attachments/${created.attachmentId}`
    )
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((file.body as Buffer).toString()).toContain('身份证复印件');
  });

  it('still matches the query codes handed out under the old key', async () => {
    await request(app!.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: created.trackingNumber, queryCode: created.queryCode })
      .expect(200);
    await request(app!.http)
      .get('/api/disclosure/inquiries/status')
      .query(created.inquiry)
      .expect(200);
    await request(app!.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: created.trackingNumber, queryCode: 'wrong123' })
      .expect(404);
  });

  it('flags the same applicant again as a likely duplicate (the identity HMAC was retaken)', async () => {
    const again = await request(app!.http)
      .post('/api/disclosure-requests')
      .field('data', JSON.stringify(APPLICANT))
      .expect(201);
    const row = (await app!.strapi.db
      .query('plugin::disclosure.disclosure-request')
      .findOne({ where: { trackingNumber: again.body.data.trackingNumber } })) as {
      likelyDuplicateOf: string | null;
    };
    expect(row.likelyDuplicateOf).toBe(created.trackingNumber);
  });

  it('leaves no v1: value in any plugin table that the new key cannot open', async () => {
    const found = await encryptedValuesInDatabase(
      app!.strapi.db.connection as never,
      app!.strapi.db.dialect.client as string
    );
    expect(found.length).toBeGreaterThan(100);
    const unopened = found.filter(({ value }) => !opens(KEY_B, value));
    expect(unopened.map(({ table, column }) => `${table}.${column}`)).toEqual([]);
  });
});

describe('a database from before the fingerprint (an upgraded install)', () => {
  const stored = async () =>
    app!.strapi.db.connection('strapi_core_store_settings').where({ key: STORE_KEY }).first();

  beforeAll(async () => {
    // The data is under key B now; the record is removed as if it had never been written.
    await app!.strapi.db.connection('strapi_core_store_settings').where({ key: STORE_KEY }).del();
    await stopApp(app!, { keepDatabase: true });
    app = null;
  });

  it('refuses a key that cannot open a stored value, and records nothing', async () => {
    const a = await bootOn({ DISCLOSURE_PERSONAL_DATA_KEY: KEY_A });
    expect(a.strapi.plugin('disclosure').service('personal-data').status()).toBe('mismatch');
    expect(await stored()).toBeUndefined();
    const response = await request(a.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: created.trackingNumber, queryCode: created.queryCode })
      .expect(503);
    expect(response.body.error.message).toContain('stored key fingerprint not recorded');
    await stopApp(a, { keepDatabase: true });
    app = null;
  }, 300_000);

  it('records the fingerprint of the key that opens it', async () => {
    const a = await bootOn({ DISCLOSURE_PERSONAL_DATA_KEY: KEY_B });
    expect(a.strapi.plugin('disclosure').service('personal-data').status()).toBe('ok');
    expect(JSON.parse((await stored()).value).fingerprint).toBe(
      fingerprintOf(Buffer.from(KEY_B, 'base64'))
    );
  }, 300_000);
});
