/**
 * The confidentiality pre-screen (保密预审, decision 0030) on a booted app: an item whose text and
 * attachments (PDF, DOCX, XLSX, a JPEG with GPS tags, a corrupt PDF) hold findings; 保密审查
 * refused until each is confirmed; the editor's fix; the audit trail; the internal figures; the
 * sensitive-words list.
 */
import request from 'supertest';
import { columnId, createApiToken, createDraft } from '../helpers/content';
import {
  docxWith,
  encryptedPdf,
  jpegWithGps,
  pdfWith,
  storedFile,
  xlsxWith,
} from '../helpers/prescreen-files';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { beijingDate } from '../../src/plugins/disclosure/shared/kernel/dates';
import type { Finding } from '../../src/plugins/disclosure/shared/prescreen/contracts';

const ARTICLE = 'api::article.article';

let app: TestApp;
let office: string;
const staff: Record<string, StaffLogin> = {};

const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });

beforeAll(async () => {
  app = await bootApp();
  const divisions = await createDivisions(app.strapi);
  office = divisions.office;
  const login = (email: string, role: string, division?: string) =>
    staffLogin(app.strapi, app.http, { email, role, division });
  staff.editor = await login('editor@bgs.test', 'disclosure-editor', office);
  staff.head = await login('head@bgs.test', 'disclosure-division-reviewer', office);
  staff.otherEditor = await login('editor@tzjs.test', 'disclosure-editor', divisions.other);
  staff.otherHead = await login('head@tzjs.test', 'disclosure-division-reviewer', divisions.other);
  staff.secrecy = await login('secrecy@test', 'disclosure-confidentiality-reviewer');
  staff.coordinator = await login('coordinator@test', 'disclosure-coordinator');
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const step = (action: string, who: StaffLogin, documentId: string) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set(as(who))
    .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans' });

const findingsOf = (who: StaffLogin, documentId: string) =>
  request(app.http)
    .get(`/disclosure/prescreen/${ARTICLE}/${documentId}`)
    .query({ locale: 'zh-Hans' })
    .set(as(who));

const confirm = (who: StaffLogin, id: number, body: object = {}) =>
  request(app.http).post(`/disclosure/prescreen/findings/${id}/confirm`).set(as(who)).send(body);

/** Uploads a file through the media library's admin route, as the editor; returns its id. */
const upload = async (name: string, mime: string, bytes: Buffer): Promise<number> => {
  const response = await request(app.http)
    .post('/upload')
    .set(as(staff.editor))
    .attach('files', bytes, { filename: name, contentType: mime })
    .expect(201);
  return response.body[0].id as number;
};

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const draft = async (data: Record<string, unknown>) =>
  createDraft(app.strapi, ARTICLE, {
    column: await columnId(app.strapi, 'notices'),
    department: office,
    metadata: { disclosureMode: 'proactive' },
    ...data,
  });

const auditOf = async (documentId: string, action: string) =>
  (await app.strapi.db.query('plugin::disclosure.audit-entry').findMany({
    where: { itemDocumentId: documentId, action },
    orderBy: { seq: 'asc' },
  })) as Array<{ reason: string | null; actorName: string; contentHash: string | null }>;

/** A finding's kind and place, as the assertions compare them. */
const placeOf = ({ kind, location }: Finding) => ({ kind, ...location });

describe('an item with findings in its text and in each kind of attachment', () => {
  let documentId: string;
  let findings: Finding[];

  beforeAll(async () => {
    const pdf = await upload(
      'contacts.pdf',
      'application/pdf',
      await pdfWith([
        'Contact: Tel 024-22345678\nID 11010519491231002X\nMail zhang.san@example.com',
        'Account 6222 0212 3456 7890 128\nCheck digit wrong: 110105194912310020',
      ])
    );
    const docx = await upload(
      'notice.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      await docxWith(['秘密★1年', '推荐阅读《秘密花园》一书', '联系人手机 13812345678'])
    );
    const xlsx = await upload(
      'list.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsxWith('名单', { A3: '张三', B3: '210102198003151239', C3: '20181203000012345678' })
    );
    const corrupt = await storedFile(
      app.strapi,
      'broken.pdf',
      'application/pdf',
      Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n%%EOF')
    );
    const photo = await storedFile(
      app.strapi,
      'site.jpg',
      'image/jpeg',
      jpegWithGps([41, 48], [123, 25])
    );
    documentId = await draft({
      title: '关于某项目进展情况的通报',
      summary: '联系人：张三，手机13812345679，邮箱 li.si@example.org',
      body: [
        paragraph('本文推荐《秘密花园》一书，属于国家秘密的不予公开。'),
        paragraph('身份证号 110105194912310020 为示例，校验位错误。'),
        paragraph('内部资料 注意保存'),
      ],
      attachments: [pdf, docx, xlsx, corrupt],
      cover: photo,
    });
    await step('submit', staff.editor, documentId).expect(200);
    await step('approve', staff.head, documentId).expect(200);
    findings = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data.findings;
  });

  it('lists each finding with where it is: field and block, file and page, paragraph, sheet and cell, GPS', () => {
    expect(findings.map(placeOf)).toEqual(
      expect.arrayContaining([
        { kind: 'mobile', field: 'summary' },
        { kind: 'email', field: 'summary' },
        { kind: 'classification', field: 'body', block: 2 },
        { kind: 'landline', field: 'attachments', file: 'contacts.pdf', page: 1 },
        { kind: 'idNumber', field: 'attachments', file: 'contacts.pdf', page: 1 },
        { kind: 'email', field: 'attachments', file: 'contacts.pdf', page: 1 },
        { kind: 'bankCard', field: 'attachments', file: 'contacts.pdf', page: 2 },
        { kind: 'classification', field: 'attachments', file: 'notice.docx', paragraph: 1 },
        { kind: 'mobile', field: 'attachments', file: 'notice.docx', paragraph: 3 },
        { kind: 'idNumber', field: 'attachments', file: 'list.xlsx', sheet: '名单', cell: 'B3' },
        { kind: 'unreadable', field: 'attachments', file: 'broken.pdf' },
        { kind: 'gps', field: 'cover', file: 'site.jpg', tag: 'GPS' },
      ])
    );
  });

  it('raises nothing for 秘密 in a book title or 国家秘密 in a sentence, a wrong check digit, or a long order number', () => {
    // 内部资料 and 注意保存 of block 2 are two findings; blocks 0 and 1 have none.
    expect(findings.filter((finding) => finding.location.block !== undefined)).toHaveLength(2);
    expect(findings.filter((finding) => finding.location.file === 'notice.docx')).toHaveLength(2);
    expect(findings.filter((finding) => finding.location.file === 'list.xlsx')).toHaveLength(1);
    expect(findings.filter((finding) => finding.location.page === 2)).toHaveLength(1);
    expect(findings).toHaveLength(13);
  });

  it('masks the numbers in the excerpts and names why a file is unreadable', () => {
    const text = JSON.stringify(findings);
    for (const secret of ['13812345679', '22345678', '19491231', '0212 3456 7890', '19800315']) {
      expect(text).not.toContain(secret);
    }
    expect(findings.find((finding) => finding.kind === 'mobile')?.excerpt).toContain('138****5679');
    expect(findings.find((finding) => finding.kind === 'unreadable')?.excerpt).toBe(
      'PDF 已损坏或格式无效，无法读取'
    );
    expect(findings.find((finding) => finding.kind === 'gps')?.excerpt).toBe(
      'GPS 纬度 41.80，经度 123.42'
    );
  });

  it('records the scan in the audit trail with counts per kind, no personal data', async () => {
    const [entry, ...more] = await auditOf(documentId, 'prescreen');
    expect(more).toEqual([]);
    expect(entry.actorName).toBe('系统（保密预审）');
    expect(entry.reason).toBe(
      '保密预审发现 13 项：身份证号码 2；手机号码 2；固定电话 1；银行卡号 1；电子邮箱 2；密级标志 3；图片GPS位置 1；文件无法读取 1'
    );
  });

  it('shows the findings to staff of the item division, and answers 404 to another division', async () => {
    await findingsOf(staff.head, documentId).expect(200);
    await findingsOf(staff.otherHead, documentId).expect(404);
    await findingsOf(staff.otherEditor, documentId).expect(404);
  });

  it('refuses 保密审查 while findings are not confirmed, naming how many', async () => {
    const response = await step('clear', staff.secrecy, documentId).expect(400);
    expect(response.body.error.message).toBe(
      '13 pre-screen finding(s) (保密预审发现) are not confirmed as harmless: confirm each in the review panel (确认无碍), or return the item so the editor fixes it.'
    );
    expect(response.body.error.details).toEqual({ openFindings: 13 });
  });

  it('lets only the 保密审查员 confirm, and another division none of it', async () => {
    const [first] = findings;
    await confirm(staff.editor, first.id).expect(403);
    await confirm(staff.head, first.id).expect(403);
    await confirm(staff.secrecy, first.id, { note: 'x'.repeat(501) }).expect(400);
    await confirm(staff.secrecy, first.id, { reason: 'unknown field' }).expect(400);
    await confirm(staff.secrecy, 99999999).expect(404);
  });

  it('clears once every finding is confirmed, each confirmation in the audit trail', async () => {
    const [last, ...rest] = findings;
    for (const finding of rest) {
      const response = await confirm(staff.secrecy, finding.id, { note: '经核对为公开信息' });
      expect(response.status).toBe(200);
      expect(response.body.data.status).toBe('confirmed');
    }
    expect((await step('clear', staff.secrecy, documentId).expect(400)).body.error.details).toEqual(
      { openFindings: 1 }
    );
    await confirm(staff.secrecy, last.id).expect(200);
    await confirm(staff.secrecy, last.id).expect(400);
    const panel = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data;
    expect(panel.open).toBe(0);
    expect(panel.canConfirm).toBe(true);
    expect(
      panel.findings.every((finding: Finding) => finding.confirmedBy === 'secrecy Staff')
    ).toBe(true);

    await step('clear', staff.secrecy, documentId).expect(200);
    const confirmations = await auditOf(documentId, 'prescreen-confirm');
    expect(confirmations).toHaveLength(13);
    expect(confirmations[0].reason).toMatch(/^确认无碍：/);
    expect(JSON.stringify(confirmations)).not.toMatch(/13812345679|22345678|19491231/);
  });
});

describe('the editor fixes a finding instead', () => {
  let documentId: string;

  it('changes the hash: the old findings no longer apply, count as fixed, and the new version clears', async () => {
    documentId = await draft({ title: '会议通知（联系电话 13912345678）' });
    await step('submit', staff.editor, documentId).expect(200);
    await step('approve', staff.head, documentId).expect(200);
    const before = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data;
    expect(before.findings.map(placeOf)).toEqual([{ kind: 'mobile', field: 'title' }]);
    await step('clear', staff.secrecy, documentId).expect(400);
    await step('return', staff.secrecy, documentId).send({}).expect(400);

    await request(app.http)
      .post('/disclosure/reviews/return')
      .set(as(staff.secrecy))
      .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans', reason: '请删去个人手机号码' })
      .expect(200);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'zh-Hans', data: { title: '会议通知' } as never });
    const changed = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data;
    expect(changed).toMatchObject({ contentHash: null, findings: [], open: 0 });

    await step('submit', staff.editor, documentId).expect(200);
    await step('approve', staff.head, documentId).expect(200);
    const after = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data;
    expect(after.findings).toEqual([]);
    expect(after.contentHash).not.toBe(before.contentHash);
    await step('clear', staff.secrecy, documentId).expect(200);

    const old = await app.strapi.db
      .query('plugin::disclosure.prescreen-finding')
      .findOne({ where: { itemDocumentId: documentId } });
    expect(old.status).toBe('fixed');
  });
});

describe('a draft changed after it was submitted', () => {
  it('goes back to draft: clearing is refused, and its findings count as fixed at the next submission', async () => {
    const documentId = await draft({ title: '座谈会通知（手机 13712345678）' });
    await step('submit', staff.editor, documentId).expect(200);
    await step('approve', staff.head, documentId).expect(200);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'zh-Hans', data: { title: '座谈会通知' } as never });
    const response = await step('clear', staff.secrecy, documentId).expect(400);
    expect(response.body.error.message).toMatch(/it is 草稿 \(draft\)/);
    const statuses = async () =>
      (
        await app.strapi.db
          .query('plugin::disclosure.prescreen-finding')
          .findMany({ where: { itemDocumentId: documentId } })
      ).map((row: { status: string }) => row.status);
    expect(await statuses()).toEqual(['open']);
    await step('submit', staff.editor, documentId).expect(200);
    expect(await statuses()).toEqual(['fixed']);
  });
});

describe('the year’s findings as internal statistics', () => {
  const year = Number(beijingDate(new Date()).slice(0, 4));

  it('counts found, confirmed and fixed findings by kind for the coordinator', async () => {
    const response = await request(app.http)
      .get('/disclosure/statistics')
      .query({ year, providers: 'prescreen' })
      .set(as(staff.coordinator))
      .expect(200);
    const section = response.body.data.sections.prescreen;
    expect(section.found.value).toBe(15);
    expect(section.confirmed.value).toBe(13);
    expect(section.fixed.value).toBe(2);
    expect(section.open.value).toBe(0);
    const mobile = section.byKind.find(
      (node: { key: string }) => node.key === 'prescreen.found:mobile'
    );
    expect(mobile.value).toBe(4);
    expect(mobile.children.map((child: { value: number }) => child.value)).toEqual([2, 2, 0]);
  });

  it('lists the records behind a figure with kind and place, no excerpt', async () => {
    const response = await request(app.http)
      .get('/disclosure/statistics/records')
      .query({ year, figure: 'prescreen.fixed' })
      .set(as(staff.coordinator))
      .expect(200);
    expect(response.body.data.map((record: { title: string }) => record.title)).toEqual([
      '手机号码：标题',
      '手机号码：标题',
    ]);
  });

  it('is never given to an API token', async () => {
    const token = await createApiToken(app.strapi, 'full-access');
    const response = await request(app.http)
      .get('/api/disclosure/statistics')
      .query({ year, providers: 'prescreen' })
      .set({ Authorization: `Bearer ${token}` });
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('prescreen.found');
  });
});

describe('the sensitive words (保密预审敏感词)', () => {
  const words = (who: StaffLogin) =>
    request(app.http).get('/disclosure/prescreen/sensitive-words').set(as(who));
  const replace = (who: StaffLogin, body: unknown) =>
    request(app.http)
      .put('/disclosure/prescreen/sensitive-words')
      .set(as(who))
      .send(body as object);

  it('starts with the default list and is the coordinator’s to edit', async () => {
    expect((await words(staff.coordinator).expect(200)).body.data.words).toContain('涉密');
    await words(staff.editor).expect(403);
    await replace(staff.secrecy, { words: ['x'] }).expect(403);
  });

  it.each([
    [{}, 'words'],
    [{ words: '涉密' }, 'words'],
    [{ words: [''] }, 'words[0]'],
    [{ words: [' 涉密'] }, 'words[0]'],
    [{ words: ['涉密', '涉密'] }, 'words'],
    [{ words: ['x'.repeat(51)] }, 'words[0]'],
    [{ words: ['涉密'], extra: true }, 'extra'],
  ])('refuses %j with a 400 naming %s, storing nothing', async (body, key) => {
    const response = await replace(staff.coordinator, body).expect(400);
    expect(response.body.error.details.key).toBe(key);
    expect((await words(staff.coordinator)).body.data.words).toContain('涉密');
  });

  it('finds a word added to the list in the next submitted item', async () => {
    await replace(staff.coordinator, { words: ['项目甲'] }).expect(200);
    expect((await words(staff.coordinator)).body.data.words).toEqual(['项目甲']);
    const documentId = await draft({ title: '项目甲 进展', summary: '涉密' });
    await step('submit', staff.editor, documentId).expect(200);
    const { findings } = (await findingsOf(staff.editor, documentId).expect(200)).body.data;
    expect(findings.map(placeOf)).toEqual([{ kind: 'sensitiveWord', field: 'title' }]);
  });
});

describe('files that cannot be read', () => {
  it('are findings, each with its reason: encrypted, no text layer, not what the type claims, an unsupported type', async () => {
    const encrypted = await upload('secret.pdf', 'application/pdf', await encryptedPdf());
    const scanned = await upload('scan.pdf', 'application/pdf', await pdfWith(['']));
    const fake = await storedFile(app.strapi, 'fake.pdf', 'application/pdf', Buffer.from('hello'));
    const legacy = await storedFile(
      app.strapi,
      'old.doc',
      'application/msword',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    );
    const documentId = await draft({
      title: '附件测试',
      attachments: [encrypted, scanned, fake, legacy],
    });
    await step('submit', staff.editor, documentId).expect(200);
    const { findings } = (await findingsOf(staff.secrecy, documentId).expect(200)).body.data;
    expect(
      findings.map((finding: Finding) => [finding.kind, finding.location.file, finding.excerpt])
    ).toEqual([
      ['unreadable', 'secret.pdf', 'PDF 已加密，无法读取'],
      ['unreadable', 'scan.pdf', 'PDF 没有文字层（可能是扫描件），请人工检查'],
      ['unreadable', 'fake.pdf', '文件内容与其类型（PDF）不符，无法读取'],
      ['unreadable', 'old.doc', '不支持读取此类文件（application/msword），请人工检查'],
    ]);
  });
});
