import request from 'supertest';
import type { Knex } from 'knex';
import { columnId, createDraft } from '../helpers/content';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { chainHash } from '../../src/plugins/disclosure/server/src/kernel/domain/audit-chain';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

/**
 * Staff by stable identity (issue #16, docs/decisions/0039): Strapi's transfer keeps the plugin's
 * records but no admin users, and recreated users get ids again from 1 in creation order. Here
 * the admin users are deleted and recreated in another order with the id counter reset — what a
 * restore into a fresh database does — and reconciliation must put every stored id back on the
 * person with the stored e-mail.
 */

const ARTICLE = 'api::article.article';
const REVIEW = 'plugin::disclosure.review';
const STAFF = 'plugin::disclosure.staff';
const AUDIT = 'plugin::disclosure.audit-entry';
const COMMENT = 'plugin::disclosure.consultation-comment';

let app: TestApp;
let office: string;
let other: string;
let staff: Record<string, StaffLogin> = {};

const knex = () => app.strapi.db.connection as unknown as Knex;
const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });
const login = (email: string, role: string, division?: string) =>
  staffLogin(app.strapi, app.http, { email, role, division });
const identity = () => disclosureService(app.strapi, 'staffIdentity');

const step = (action: string, who: StaffLogin, documentId: string) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set(as(who))
    .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans' });

const draft = async (title: string) =>
  createDraft(app.strapi, ARTICLE, {
    title,
    column: await columnId(app.strapi, 'notices'),
    department: office,
    metadata: { disclosureMode: 'proactive', docNumber: '示工信发〔2018〕7号' },
  });

/** Who each stored division row names: e-mail of the row → the e-mail of the user its id is. */
const divisionsByPerson = async () => {
  const rows = (await app.strapi.db.query(STAFF).findMany({})) as Array<{
    adminUserId: number | null;
    email: string;
    department: string;
  }>;
  const users = (await app.strapi.db.query('admin::user').findMany({
    select: ['id', 'email'],
  })) as Array<{ id: number; email: string }>;
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  return Object.fromEntries(
    rows.map((row) => [
      row.email,
      { department: row.department, user: emailOf.get(Number(row.adminUserId)) ?? null },
    ])
  );
};

/** What Strapi's transfer leaves: no admin users, and ids handed out again from 1. */
async function dropAdminUsers(): Promise<void> {
  const meta = app.strapi.db.metadata.get('admin::user' as never) as unknown as {
    tableName: string;
    attributes: { roles: { joinTable: { name: string } } };
  };
  await knex()(meta.attributes.roles.joinTable.name).delete();
  await app.strapi.db.query('admin::session').deleteMany({});
  await knex()(meta.tableName).delete();
  if (app.strapi.db.dialect.client === 'sqlite') {
    await knex()
      .raw(`DELETE FROM sqlite_sequence WHERE name = ?`, [meta.tableName])
      .catch(() => undefined);
  } else {
    await knex().raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), 1, false)`, [meta.tableName]);
  }
}

let documentId: string;
let lastHashBefore: string;

beforeAll(async () => {
  app = await bootApp();
  ({ office, other } = await createDivisions(app.strapi));
  staff.editor = await login('editor@bgs.test', 'disclosure-editor', office);
  staff.head = await login('head@bgs.test', 'disclosure-division-reviewer', office);
  staff.otherHead = await login('head@tzjs.test', 'disclosure-division-reviewer', other);
  staff.secrecy = await login('secrecy@test', 'disclosure-confidentiality-reviewer');
  staff.coordinator = await login('coordinator@test', 'disclosure-coordinator');

  documentId = await draft('关于开展技术改造项目申报的通知');
  await step('submit', staff.editor, documentId).expect(200);
  await step('approve', staff.head, documentId).expect(200);
  await step('clear', staff.secrecy, documentId).expect(200);
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('every stored staff id carries the e-mail of its person', () => {
  it('writes the e-mail beside division assignments, review steps and audit actors', async () => {
    expect(await divisionsByPerson()).toMatchObject({
      'editor@bgs.test': { department: office, user: 'editor@bgs.test' },
      'head@bgs.test': { department: office, user: 'head@bgs.test' },
    });
    const review = await app.strapi.db
      .query(REVIEW)
      .findOne({ where: { itemDocumentId: documentId } });
    expect(review).toMatchObject({
      submittedById: staff.editor.id,
      submittedByEmail: 'editor@bgs.test',
      divisionApprovedById: staff.head.id,
      divisionApprovedByEmail: 'head@bgs.test',
      clearedById: staff.secrecy.id,
      clearedByEmail: 'secrecy@test',
    });
    const entries = (await app.strapi.db
      .query(AUDIT)
      .findMany({ where: { itemDocumentId: documentId }, orderBy: { seq: 'asc' } })) as Array<{
      actorId: number;
      actorEmail: string;
      chainVersion: number;
    }>;
    expect(entries.map((entry) => [entry.actorId, entry.actorEmail, entry.chainVersion])).toEqual([
      [staff.editor.id, 'editor@bgs.test', 2],
      [staff.head.id, 'head@bgs.test', 2],
      [staff.secrecy.id, 'secrecy@test', 2],
    ]);
  });

  it('fills the e-mail into JSON signatures on write (a moderated consultation comment)', async () => {
    const comment = await app.strapi.db.query(COMMENT).create({
      data: {
        consultationId: 999_999,
        number: 1,
        text: '建议延长征求意见期。',
        name: '张三',
        receivedAt: new Date(),
        receivedOn: '2018-03-01',
        moderation: 'public',
        moderatedBy: { id: staff.coordinator.id, name: 'coordinator Staff' },
      },
    });
    expect(comment.moderatedBy).toEqual({
      id: staff.coordinator.id,
      name: 'coordinator Staff',
      email: 'coordinator@test',
    });
  });

  it('fills e-mails once into rows written before they were kept; the audit chain still verifies', async () => {
    // An entry as the previous version wrote it (no e-mail, no chain version), at the chain's end.
    const audit = disclosureService(app.strapi, 'audit');
    const before = await audit.verify();
    if (!before.ok) throw new Error(before.reason);
    const legacy = {
      seq: before.entries + 1,
      at: new Date().toISOString(),
      contentType: ARTICLE,
      documentId,
      locale: 'zh-Hans',
      action: 'note',
      fromState: 'cleared',
      toState: 'cleared',
      actorId: staff.head.id,
      actorName: 'head Staff',
      actorRoles: [],
      reason: null,
      category: null,
      contentHash: null,
      prevHash: before.lastHash,
    };
    await app.strapi.db.query(AUDIT).create({
      data: {
        ...legacy,
        itemUid: ARTICLE,
        itemDocumentId: documentId,
        itemLocale: 'zh-Hans',
        hash: chainHash(legacy),
      },
    });
    // …and the rows of that version: ids without e-mails.
    await knex()('disclosure_staff').update({ email: null });
    await knex()('disclosure_reviews').update({
      submitted_by_email: null,
      division_approved_by_email: null,
    });
    const state = await app.strapi
      .store({ type: 'plugin', name: 'disclosure', key: 'staff-identity' })
      .get({});
    await app.strapi
      .store({ type: 'plugin', name: 'disclosure', key: 'staff-identity' })
      .set({ value: { ...(state as object), backfilled: false } });

    expect(await identity().backfill()).toBeGreaterThanOrEqual(5);
    expect(await identity().backfill()).toBe(0); // once per database
    expect(await divisionsByPerson()).toMatchObject({
      'editor@bgs.test': { user: 'editor@bgs.test' },
      'head@bgs.test': { user: 'head@bgs.test' },
      'head@tzjs.test': { user: 'head@tzjs.test' },
    });
    const entry = await app.strapi.db.query(AUDIT).findOne({ where: { seq: legacy.seq } });
    expect(entry).toMatchObject({
      actorId: staff.head.id,
      actorEmail: 'head@bgs.test',
      chainVersion: null,
    });
    const after = await audit.verify();
    expect(after).toEqual({ ok: true, entries: legacy.seq, lastHash: expect.any(String) });
    lastHashBefore = (after as { lastHash: string }).lastHash;
  });
});

describe('after a transfer, reconciliation puts every id back on its person', () => {
  const old: Record<string, number> = {};

  beforeAll(async () => {
    for (const [name, who] of Object.entries(staff)) old[name] = who.id;
    await dropAdminUsers();
    // Recreated in another order, and the editor not at all.
    const recreated: Record<string, StaffLogin> = {};
    recreated.coordinator = await login('coordinator@test', 'disclosure-coordinator');
    recreated.secrecy = await login('secrecy@test', 'disclosure-confidentiality-reviewer');
    recreated.otherHead = await login('head@tzjs.test', 'disclosure-division-reviewer');
    recreated.head = await login('head@bgs.test', 'disclosure-division-reviewer');
    staff = recreated;
  });

  it('has the stale ids naming other people first (the failure reported in #16)', async () => {
    expect(staff.coordinator.id).toBe(1);
    expect(staff.coordinator.id).toBe(old.editor);
    const divisions = await divisionsByPerson();
    expect(divisions['editor@bgs.test'].user).toBe('coordinator@test');
    expect(await disclosureService(app.strapi, 'staff').divisionOf(staff.coordinator.id)).toBe(
      office
    );
  });

  it('lists the staff no admin user has, by e-mail, where and how often (导入后缺少的工作人员)', async () => {
    const response = await request(app.http)
      .get('/disclosure/staff/unmatched')
      .set(as(staff.coordinator))
      .expect(200);
    expect(response.body.data.unmatched).toEqual([
      {
        email: 'editor@bgs.test',
        count: expect.any(Number),
        references: expect.arrayContaining([
          { label: '处室人员 (division)', count: 1 },
          { label: '审核记录 (review)', count: 1 },
          { label: '审计日志 (audit trail)', count: expect.any(Number) },
        ]),
      },
    ]);
    // A report only: nothing moved yet.
    expect((await divisionsByPerson())['head@bgs.test'].user).not.toBe('head@bgs.test');
  });

  it('refuses the report and the reconciliation to staff without the staff permission', async () => {
    await request(app.http).get('/disclosure/staff/unmatched').set(as(staff.secrecy)).expect(403);
    await request(app.http).post('/disclosure/staff/reconcile').set(as(staff.head)).expect(403);
    await request(app.http).post('/disclosure/staff/reconcile').expect(401);
  });

  it('repoints divisions, review steps and signatures by e-mail and reports the missing editor', async () => {
    const response = await request(app.http)
      .post('/disclosure/staff/reconcile')
      .set(as(staff.coordinator))
      .expect(200);
    expect(response.body.data.repointed).toBeGreaterThanOrEqual(4);
    expect(response.body.data.unmatched.map((member: { email: string }) => member.email)).toEqual([
      'editor@bgs.test',
    ]);

    const divisions = await divisionsByPerson();
    expect(divisions['head@bgs.test']).toEqual({ department: office, user: 'head@bgs.test' });
    expect(divisions['head@tzjs.test']).toEqual({ department: other, user: 'head@tzjs.test' });
    // The missing editor's old id is the coordinator's now: cleared, the e-mail kept.
    expect(divisions['editor@bgs.test']).toEqual({ department: office, user: null });
    const service = disclosureService(app.strapi, 'staff');
    expect(await service.divisionOf(staff.coordinator.id)).toBeNull();
    expect(await service.divisionOf(staff.head.id)).toBe(office);

    const review = await app.strapi.db
      .query(REVIEW)
      .findOne({ where: { itemDocumentId: documentId } });
    expect(review).toMatchObject({
      submittedById: null,
      submittedByEmail: 'editor@bgs.test',
      divisionApprovedById: staff.head.id,
      clearedById: staff.secrecy.id,
    });
    const comment = await app.strapi.db
      .query(COMMENT)
      .findOne({ where: { consultationId: 999_999 } });
    expect(comment.moderatedBy).toMatchObject({
      id: staff.coordinator.id,
      email: 'coordinator@test',
    });

    // The staff page names the right division beside each person.
    const list = await request(app.http)
      .get('/disclosure/staff')
      .set(as(staff.coordinator))
      .expect(200);
    const byEmail = Object.fromEntries(
      list.body.data.users.map((user: { email: string; department: string | null }) => [
        user.email,
        user.department,
      ])
    );
    expect(byEmail).toEqual({
      'coordinator@test': null,
      'secrecy@test': null,
      'head@tzjs.test': other,
      'head@bgs.test': office,
    });
  });

  it('keeps the audit chain verifying with the same last hash; its actors are named by e-mail', async () => {
    const verdict = await disclosureService(app.strapi, 'audit').verify();
    expect(verdict).toEqual({ ok: true, entries: expect.any(Number), lastHash: lastHashBefore });
    const history = await disclosureService(app.strapi, 'audit').history(ARTICLE, documentId);
    expect(history.map((entry) => [entry.action, entry.actorName, entry.actorEmail])).toEqual([
      ['submit', 'editor Staff', 'editor@bgs.test'],
      ['approve', 'head Staff', 'head@bgs.test'],
      ['clear', 'secrecy Staff', 'secrecy@test'],
      ['note', 'head Staff', 'head@bgs.test'],
    ]);
    // The ids inside the hash stay as written; who they are now goes by the e-mail.
    expect(history[1].actorId).toBe(old.head);
    expect(await identity().currentIds(history)).toEqual([
      null,
      staff.head.id,
      staff.secrecy.id,
      staff.head.id,
    ]);
  });

  it('names the missing staff in the log at start, without scanning again when nothing changed', async () => {
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const scan = jest.spyOn(identity(), 'reconcile');
    try {
      const result = await identity().reconcileAtStart();
      expect(scan).not.toHaveBeenCalled();
      expect(result.unmatched.map((member) => member.email)).toEqual(['editor@bgs.test']);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/导入后缺少的工作人员.*editor@bgs\.test \(处室人员 \(division\) ×1/)
      );
    } finally {
      warn.mockRestore();
      scan.mockRestore();
    }
  });

  it('links the editor again once their account is recreated with the same e-mail', async () => {
    const editor = await login('editor@bgs.test', 'disclosure-editor');
    await request(app.http)
      .post('/disclosure/staff/reconcile')
      .set(as(staff.coordinator))
      .expect(200);
    expect((await divisionsByPerson())['editor@bgs.test']).toEqual({
      department: office,
      user: 'editor@bgs.test',
    });
    const review = await app.strapi.db
      .query(REVIEW)
      .findOne({ where: { itemDocumentId: documentId } });
    expect(review.submittedById).toBe(editor.id);
    const report = await identity().reconcile({ dryRun: true });
    expect(report.unmatched).toEqual([]);
  });

  it('is idempotent, and a new audit entry after it verifies with the rest', async () => {
    const again = await identity().reconcile();
    expect(again).toMatchObject({ repointed: 0, cleared: 0, unmatched: [] });
    const editor = (await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'editor@bgs.test' } })) as { id: number };
    const second = await draft('关于第二批项目申报的通知');
    const token = (
      await request(app.http)
        .post('/admin/login')
        .send({ email: 'editor@bgs.test', password: 'Staff2018!Password' })
        .expect(200)
    ).body.data.token as string;
    await step('submit', { id: editor.id, email: 'editor@bgs.test', token }, second).expect(200);
    const verdict = await disclosureService(app.strapi, 'audit').verify();
    expect(verdict).toMatchObject({ ok: true });
    const [entry] = await disclosureService(app.strapi, 'audit').history(ARTICLE, second);
    expect(entry).toMatchObject({
      actorId: editor.id,
      actorEmail: 'editor@bgs.test',
      chainVersion: 2,
    });
  });
});
