/**
 * Public consultations (调查征集) through the admin and public APIs: a consultation created by a
 * division's editor, its announcement through the normal review, comments from the website
 * anchored to articles of the draft, moderation, adoption decisions, closing, the feedback
 * summary drafted from the decisions, edited and published through the review; what the website
 * sees at each step; the period rule for major decisions; bad input; division scoping; the yearly
 * figures.
 */
import request from 'supertest';
import {
  asStaff,
  beijingToday,
  commentBody,
  consultation,
  consultationPath as path,
  daysAfter,
  postComment,
  PUBLIC_ID,
  publicPath,
} from '../helpers/consultations';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let cast: Record<string, StaffLogin>;

const UIDS = {
  consultation: 'plugin::disclosure.consultation',
  comment: 'plugin::disclosure.consultation-comment',
};
const PHONE = '13912345678';
const EMAIL = 'liming@example.com';
const NAME = '李明';
const as = (name: string) => asStaff(app.http, cast[name]);
const consultationCount = () => app.strapi.db.query(UIDS.consultation).count();
const commentCount = () => app.strapi.db.query(UIDS.comment).count();
const year = () => Number(beijingToday().slice(0, 4));

/** The website's 404 for a consultation, the id asked for taken out of its message. */
const notFoundFor = async (response: request.Response, asked: string | number) => {
  expect(response.status).toBe(404);
  return JSON.stringify(response.body).replace(`consultation ${asked}.`, 'consultation <asked>.');
};

/** A review step through the admin API, as one of the cast. */
const reviewStep = (
  who: string,
  step: string,
  item: { contentType: string; documentId: string; locale: string }
) =>
  as(who)
    .post(`/disclosure/reviews/${step}`, {
      contentType: item.contentType,
      documentId: item.documentId,
      locale: item.locale,
    })
    .expect(200);

/** The rest of the review of a submitted article: 发布审核, 保密审查, then published. */
const approveAndPublish = async (item: {
  contentType: string;
  documentId: string;
  locale: string;
}) => {
  await reviewStep('headA', 'approve', item);
  await reviewStep('secrecy', 'clear', item);
  await reviewStep('editorA', 'publish', item);
};

beforeAll(async () => {
  app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '1000' } });
  const divisions = await createDivisions(app.strapi);
  cast = await loginCast(app.strapi, app.http, divisions, [
    'editorA',
    'headA',
    'editorB',
    'secrecy',
    'coordinator',
  ]);
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('a consultation from its draft to its published summary', () => {
  /** The row's id (the admin API's) and the public id (the website's). */
  let id: number;
  let publicId: string;
  const comments: Record<string, number> = {};
  /** The comments' ids on the page, by number. */
  const commentIds = async () => {
    const page = await as('editorA').get(path(id)).expect(200);
    const all = [
      ...page.body.data.units.flatMap((unit: { comments: unknown[] }) => unit.comments),
      ...page.body.data.generalComments,
    ] as Array<{ id: number; number: number }>;
    return new Map(all.map((comment) => [comment.number, comment.id]));
  };
  const decide = async (number: number, body: object, status = 200) => {
    const ids = await commentIds();
    return as('editorA')
      .post(path(id, `/comments/${ids.get(number)}/adoption`), body)
      .expect(status);
  };
  const moderate = async (number: number, body: object, status = 200) => {
    const ids = await commentIds();
    return as('editorA')
      .post(path(id, `/comments/${ids.get(number)}/moderation`), body)
      .expect(status);
  };

  it('is created by an editor as a draft of their division, its draft split into articles', async () => {
    const response = await as('editorA')
      .post('/disclosure/consultations', consultation())
      .expect(201);
    id = response.body.data.id;
    publicId = response.body.data.documentId;
    expect(publicId).toMatch(PUBLIC_ID);
    expect(response.body.data).toMatchObject({
      state: 'draft',
      phase: 'draft',
      division: 'BGS',
      divisionName: '办公室',
      days: 30,
      minimumDays: 30,
      isOpen: false,
      announcement: null,
      summary: null,
      allowedActions: ['edit', 'announce'],
    });
    expect(
      response.body.data.units.map((unit: { anchor: string; label: string }) => [
        unit.anchor,
        unit.label,
      ])
    ).toEqual([
      ['preamble', '序言'],
      ['art-1', '第一条'],
      ['art-2', '第二条'],
      ['art-3', '第三条'],
      ['art-4', '第四条'],
      ['art-5', '第五条'],
      ['art-6', '第六条'],
    ]);
    expect(response.body.data.units[1].heading).toBe('第一章 总则');
    expect(response.body.data.units[2].text).toContain('各区县工业和信息化主管部门');
  });

  it('is invisible to the website before its announcement is published: the same 404 as none', async () => {
    const list = await request(app.http).get('/api/disclosure/consultations').expect(200);
    expect(list.body.data).toEqual([]);
    const unknownId = 'x'.repeat(24);
    const unknown = await notFoundFor(
      await request(app.http).get(publicPath(unknownId)),
      unknownId
    );
    const draft = await request(app.http).get(publicPath(publicId));
    expect(await notFoundFor(draft, publicId)).toBe(unknown);
    expect(await notFoundFor(await request(app.http).get(publicPath(id)), id)).toBe(unknown);
    expect(JSON.stringify(draft.body)).not.toContain('中小企业');
    const before = await commentCount();
    for (const asked of [publicId, unknownId, id]) {
      const refused = await postComment(app.http, asked, commentBody());
      expect(await notFoundFor(refused, asked)).toBe(unknown);
    }
    expect(await commentCount()).toBe(before);
  });

  it('another division gets 404 and an empty list; a division head without the right gets 403', async () => {
    await as('editorB').get(path(id)).expect(404);
    await as('editorB').post(path(id, '/announce')).expect(404);
    const list = await as('editorB').get('/disclosure/consultations').expect(200);
    expect(list.body.data).toEqual([]);
    await as('headA').get(path(id)).expect(403);
    const all = await as('coordinator').get('/disclosure/consultations').expect(200);
    expect(all.body.data.map((row: { id: number }) => row.id)).toEqual([id]);
  });

  it('is edited while a draft', async () => {
    const response = await as('editorA')
      .put(path(id), { purpose: '为进一步优化中小企业发展环境，现公开征求意见。' })
      .expect(200);
    expect(response.body.data.purpose).toBe('为进一步优化中小企业发展环境，现公开征求意见。');
    const bad = await as('editorA').put(path(id), { closesOn: daysAfter(beijingToday(), -1) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.key).toBe('closesOn');
  });

  it('is announced: a draft article in 调查征集 of its division, submitted to the review', async () => {
    const response = await as('editorA').post(path(id, '/announce')).expect(200);
    expect(response.body.data).toMatchObject({
      state: 'announced',
      phase: 'announcement_in_review',
      isOpen: false,
      announcement: { contentType: 'api::article.article', reviewState: 'submitted' },
      allowedActions: ['moderate', 'record_adoption'],
    });
    const { documentId } = response.body.data.announcement;
    const draft = await app.strapi.documents('api::article.article').findOne({
      documentId,
      locale: 'zh-Hans',
      status: 'draft',
      populate: ['column', 'department', 'metadata'],
    });
    expect(draft).toMatchObject({
      column: { code: 'surveys' },
      department: { code: 'BGS' },
      metadata: { genre: 'announcement', disclosureMode: 'proactive' },
    });
    expect(draft!.title).toContain('示范市促进中小企业发展若干措施');
    expect(JSON.stringify(draft!.body)).toContain('第三条 设立中小企业发展专项资金');
    // Fixed once announced; still nothing for the website.
    const edit = await as('editorA').put(path(id), { title: '改' }).expect(400);
    expect(edit.body.error.message).toContain('fixed once announced');
    await request(app.http).get(publicPath(publicId)).expect(404);
    await postComment(app.http, publicId, commentBody()).expect(404);
  });

  it('opens once the review publishes its announcement', async () => {
    const page = await as('editorA').get(path(id)).expect(200);
    await approveAndPublish(page.body.data.announcement);
    const opened = await as('editorA').get(path(id)).expect(200);
    expect(opened.body.data).toMatchObject({
      phase: 'open',
      isOpen: true,
      announcement: { reviewState: 'published', publishedOn: beijingToday() },
      allowedActions: ['moderate', 'record_adoption', 'close'],
    });
    const list = await request(app.http).get('/api/disclosure/consultations').expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        documentId: publicId,
        status: 'open',
        commentsReceived: 0,
        hasSummary: false,
      }),
    ]);
    // Named by its public id only: no row id anywhere in the answers.
    expect(list.body.data[0]).not.toHaveProperty('id');
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.documentId).toBe(publicId);
    expect(shown.body.data).not.toHaveProperty('id');
    expect(shown.body.data).toMatchObject({
      title: '示范市促进中小企业发展若干措施（征求意见稿）',
      status: 'open',
      opensOn: beijingToday(),
      closesOn: daysAfter(beijingToday(), 29),
      comments: [],
      summary: null,
    });
    expect(shown.body.data.units[3]).toMatchObject({
      anchor: 'art-3',
      label: '第三条',
      publicComments: 0,
    });
  });

  it('answers a published consultation’s row id with the same 404 as an unknown id', async () => {
    const unknownId = 'x'.repeat(24);
    const unknown = await notFoundFor(
      await request(app.http).get(publicPath(unknownId)),
      unknownId
    );
    expect(await notFoundFor(await request(app.http).get(publicPath(id)), id)).toBe(unknown);
    const before = await commentCount();
    expect(await notFoundFor(await postComment(app.http, id, commentBody()), id)).toBe(unknown);
    expect(await commentCount()).toBe(before);
  });

  it('takes comments anchored to articles, or on the draft as a whole', async () => {
    const sent = [
      commentBody(),
      commentBody({ text: '建议明确区县的职责分工。', name: '王芳', phone: '13800002222' }),
      commentBody({
        anchor: 'art-3',
        text: '专项资金规模建议提高到1亿元。',
        organisation: '示范市中小企业协会',
      }),
      commentBody({ anchor: null, text: '建议增加政策兑现的办理时限。', phone: null }),
      commentBody({ anchor: 'art-5', text: '广告：代办各类资质，电话1380000。' }),
    ];
    for (const [index, body] of sent.entries()) {
      const response = await postComment(app.http, publicId, body).expect(201);
      expect(response.body.data).toEqual({
        consultationDocumentId: publicId,
        number: index + 1,
        receivedOn: beijingToday(),
      });
      comments[`c${index + 1}`] = index + 1;
    }
  });

  it.each([
    ['an anchor that is none of its units', commentBody({ anchor: 'art-99' }), 'anchor'],
    ['no way to reach the commenter', commentBody({ phone: null, email: null }), 'phone'],
    ['an unknown field', { ...commentBody(), secret: 1 }, 'secret'],
    ['no text', commentBody({ text: '  ' }), 'text'],
    ['no name', commentBody({ name: undefined }), 'name'],
    ['a bad e-mail address', commentBody({ email: 'nope' }), 'email'],
  ])(
    'refuses a comment with %s: 400 naming the field, nothing stored',
    async (_what, body, key) => {
      const before = await commentCount();
      const response = await postComment(app.http, publicId, body).expect(400);
      expect(response.body.error.details.key).toBe(key);
      expect(await commentCount()).toBe(before);
    }
  );

  it('refuses query parameters the website’s routes do not take', async () => {
    const list = await request(app.http).get('/api/disclosure/consultations?secret=1').expect(400);
    expect(list.body.error.details.key).toBe('secret');
    await request(app.http).get('/api/disclosure/consultations?pagination[page]=1').expect(200);
    const one = await request(app.http)
      .get(`${publicPath(publicId)}?populate=*`)
      .expect(400);
    expect(one.body.error.details.key).toBe('populate');
  });

  it('stores names and contacts encrypted, and shows nothing before moderation', async () => {
    const rows = await app.strapi.db
      .query(UIDS.comment)
      .findMany({ where: { consultationId: id } });
    expect(rows).toHaveLength(5);
    const stored = JSON.stringify(rows);
    for (const secret of [PHONE, EMAIL, NAME, '示范市中小企业协会']) {
      expect(stored).not.toContain(secret);
    }
    expect(rows.every((row: { moderation: string }) => row.moderation === 'hidden')).toBe(true);
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.commentsReceived).toBe(5);
    expect(shown.body.data.comments).toEqual([]);
    expect(JSON.stringify(shown.body)).not.toContain('个体工商户');
  });

  it('shows staff the comments per article, with the commenters’ contacts', async () => {
    const page = await as('editorA').get(path(id)).expect(200);
    const byAnchor = Object.fromEntries(
      page.body.data.units.map((unit: { anchor: string; comments: Array<{ number: number }> }) => [
        unit.anchor,
        unit.comments.map((comment) => comment.number),
      ])
    );
    expect(byAnchor).toEqual({
      preamble: [],
      'art-1': [1, 2],
      'art-2': [],
      'art-3': [3],
      'art-4': [],
      'art-5': [5],
      'art-6': [],
    });
    expect(page.body.data.generalComments.map((c: { number: number }) => c.number)).toEqual([4]);
    expect(page.body.data.units[1].comments[0]).toMatchObject({
      name: NAME,
      phone: PHONE,
      email: EMAIL,
      moderation: 'hidden',
      adoption: null,
    });
    expect(page.body.data.counts).toEqual({
      received: 5,
      public: 0,
      rejected: 0,
      adopted: 0,
      partly: 0,
      notAdopted: 0,
      undecided: 5,
    });
  });

  it('shows a moderated comment publicly without its commenter; rejects spam with a reason', async () => {
    await moderate(1, { moderation: 'public' });
    const noReason = await moderate(5, { moderation: 'rejected' }, 400);
    expect(noReason.body.error.details.key).toBe('reason');
    await moderate(5, { moderation: 'rejected', reason: '广告信息' });
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.comments).toEqual([
      {
        number: 1,
        anchor: 'art-1',
        text: '建议将个体工商户纳入适用范围。',
        receivedOn: beijingToday(),
      },
    ]);
    expect(shown.body.data.units[1].publicComments).toBe(1);
    const text = JSON.stringify(shown.body);
    for (const hidden of [PHONE, EMAIL, NAME, '区县的职责分工', '广告', '1亿元']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('records adoption decisions, a reason required where not adopted', async () => {
    await decide(1, { adoption: 'adopted' });
    const noReason = await decide(2, { adoption: 'not_adopted' }, 400);
    expect(noReason.body.error.details.key).toBe('reason');
    await decide(2, { adoption: 'not_adopted', reason: '区县职责已在有关文件中明确。' });
    await decide(3, { adoption: 'partly', reason: '资金规模将根据财力逐年增加。' });
    await decide(4, { adoption: 'adopted' });
    const rejected = await decide(5, { adoption: 'adopted' }, 400);
    expect(rejected.body.error.message).toContain('rejected');
    const bad = await decide(4, { adoption: 'maybe' }, 400);
    expect(bad.body.error.details.key).toBe('adoption');
  });

  it('cannot be summarised while open; closing early needs a reason, then comments are refused', async () => {
    const early = await as('editorA').post(path(id, '/summary')).expect(400);
    expect(early.body.error.message).toContain('closed');
    const noReason = await as('editorA').post(path(id, '/close')).expect(400);
    expect(noReason.body.error.details.key).toBe('reason');
    const closed = await as('editorA')
      .post(path(id, '/close'), { reason: '征求意见目的已达到，提前结束。' })
      .expect(200);
    expect(closed.body.data).toMatchObject({
      state: 'closed',
      phase: 'closed',
      closedOn: beijingToday(),
      allowedActions: ['moderate', 'record_adoption', 'draft_summary'],
    });
    const refused = await postComment(app.http, publicId, commentBody()).expect(403);
    expect(refused.body.error.message).toContain('closed');
    expect(await commentCount()).toBe(5);
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.status).toBe('closed');
  });

  it('drafts the summary from the decisions, per article', async () => {
    const response = await as('editorA').post(path(id, '/summary')).expect(200);
    expect(response.body.data.state).toBe('summarised');
    const { text } = response.body.data.summary;
    expect(text).toContain('共收到意见5条（其中1条与征求意见稿无关或无实质内容，未作处理）');
    expect(text).toContain('采纳2条，部分采纳1条，未采纳1条');
    expect(text).toContain('一、关于第一条：收到意见2条，采纳1条，未采纳1条。');
    expect(text).toContain('意见2未采纳的理由：区县职责已在有关文件中明确。');
    expect(text).toContain('二、关于第三条：收到意见1条，部分采纳1条。');
    expect(text).toContain('三、关于征求意见稿整体：收到意见1条，采纳1条。');
    expect(text).not.toContain(NAME);
    expect(response.body.data.allowedActions).toEqual([
      'moderate',
      'record_adoption',
      'draft_summary',
      'submit_summary',
    ]);
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.summary).toBeNull();
  });

  it('refuses to submit a summary older than the decisions; the edited text is submitted', async () => {
    await decide(4, { adoption: 'partly', reason: '办理时限将在实施细则中明确。' });
    const stale = await as('editorA').get(path(id)).expect(200);
    expect(stale.body.data.summary.isStale).toBe(true);
    const refused = await as('editorA').post(path(id, '/summary/submit')).expect(400);
    expect(refused.body.error.message).toContain('draft it again');
    const regenerated = await as('editorA').post(path(id, '/summary')).expect(200);
    const edited = `${regenerated.body.data.summary.text}\n感谢社会各界的关心和支持。`;
    await as('editorA').post(path(id, '/summary'), { text: edited }).expect(200);
    const submitted = await as('editorA').post(path(id, '/summary/submit')).expect(200);
    expect(submitted.body.data).toMatchObject({
      state: 'summary_submitted',
      phase: 'summary_in_review',
      summary: { isStale: false, article: { reviewState: 'submitted', publishedOn: null } },
      allowedActions: ['moderate'],
    });
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.summary).toBeNull();
    expect(shown.body.data.hasSummary).toBe(false);
  });

  it('publishes the summary through the review; the website then shows it', async () => {
    const page = await as('editorA').get(path(id)).expect(200);
    await approveAndPublish(page.body.data.summary.article);
    const after = await as('editorA').get(path(id)).expect(200);
    expect(after.body.data.phase).toBe('summary_published');
    expect(after.body.data.timeline.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'edited',
      'announced',
      'comment_moderated',
      'comment_moderated',
      'adoption_recorded',
      'adoption_recorded',
      'adoption_recorded',
      'adoption_recorded',
      'closed',
      'summary_drafted',
      'adoption_recorded',
      'summary_drafted',
      'summary_drafted',
      'summary_submitted',
    ]);
    const shown = await request(app.http).get(publicPath(publicId)).expect(200);
    expect(shown.body.data.hasSummary).toBe(true);
    expect(shown.body.data.summary).toMatchObject({
      title: '关于《示范市促进中小企业发展若干措施（征求意见稿）》公开征求意见采纳情况的说明',
      publishedOn: beijingToday(),
    });
    expect(shown.body.data.summary.text).toContain('采纳1条，部分采纳2条，未采纳1条');
    expect(shown.body.data.summary.text).toContain('感谢社会各界的关心和支持。');
    const text = JSON.stringify(shown.body);
    for (const secret of [PHONE, EMAIL, NAME, '广告']) expect(text).not.toContain(secret);
  });
});

describe('the period of a major decision', () => {
  const major = (over: object = {}) =>
    consultation({
      title: '示范市工业园区管理办法（征求意见稿）',
      isMajorDecision: true,
      closesOn: daysAfter(beijingToday(), 9),
      ...over,
    });

  it('refuses fewer than 30 days without the reason, storing nothing', async () => {
    const before = await consultationCount();
    const response = await as('editorA').post('/disclosure/consultations', major()).expect(400);
    expect(response.body.error.details.key).toBe('closesOn');
    expect(response.body.error.message).toContain('at least 30 days');
    expect(await consultationCount()).toBe(before);
  });

  it('lets only the coordinator record why it is shorter', async () => {
    const before = await consultationCount();
    const reason = '上级部署要求限期出台，经局长办公会研究同意缩短征求意见期限。';
    await as('editorA')
      .post('/disclosure/consultations', major({ shortenedReason: reason }))
      .expect(403);
    expect(await consultationCount()).toBe(before);
    const created = await as('coordinator')
      .post('/disclosure/consultations', major({ shortenedReason: reason, division: 'TZJS' }))
      .expect(201);
    expect(created.body.data).toMatchObject({
      division: 'TZJS',
      isMajorDecision: true,
      days: 10,
      shortenedReason: reason,
    });
    // The division it was created for sees it; the other does not.
    await as('editorB').get(path(created.body.data.id)).expect(200);
    await as('editorA').get(path(created.body.data.id)).expect(404);
  });

  it('takes 30 days and more without a reason', async () => {
    await as('editorA')
      .post('/disclosure/consultations', major({ closesOn: daysAfter(beijingToday(), 29) }))
      .expect(201);
  });

  it('gives each consultation a random public id, unique, that tells nothing of the others', async () => {
    const list = await as('coordinator').get('/disclosure/consultations').expect(200);
    const rows = list.body.data as Array<{ id: number; documentId: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.documentId).toMatch(PUBLIC_ID);
      // Not a number: nothing to count up or down from.
      expect(Number.isNaN(Number(row.documentId))).toBe(true);
    }
    expect(new Set(rows.map((row) => row.documentId)).size).toBe(rows.length);
    // Two consecutive rows: nothing in common to count from.
    const [a, b] = rows.sort((x, y) => x.id - y.id).slice(-2);
    expect(b.id).toBe(a.id + 1);
    expect(a.documentId.slice(0, 8)).not.toBe(b.documentId.slice(0, 8));
    // The column is unique: a second row with one of the ids is refused, nothing stored.
    const before = await consultationCount();
    const { id: _id, ...copy } = await app.strapi.db
      .query(UIDS.consultation)
      .findOne({ where: { id: a.id } });
    // Read the message, not `rejects.toThrow`: better-sqlite3's native binding keeps the error
    // class of the first test file that loaded it, which is no Error of this file's realm.
    const refusal = await app.strapi.db
      .query(UIDS.consultation)
      .create({ data: { ...copy, documentId: a.documentId } })
      .then(
        () => null,
        (error: { message?: unknown }) => error
      );
    expect(String(refusal?.message)).toMatch(/unique|duplicate/i);
    expect(await consultationCount()).toBe(before);
  });

  it('the bootstrap’s backfill gives a public id to a row written without one', async () => {
    const { id, documentId } = (
      await as('coordinator').get('/disclosure/consultations').expect(200)
    ).body.data[0] as { id: number; documentId: string };
    await app.strapi.db
      .connection('disclosure_consultations')
      .where({ id })
      .update({ document_id: null });
    const assigned = await app.strapi
      .plugin('disclosure')
      .service('consultations')
      .assignDocumentIds();
    expect(assigned).toBe(1);
    const row = await app.strapi.db.query(UIDS.consultation).findOne({ where: { id } });
    expect(row.documentId).toMatch(PUBLIC_ID);
    expect(row.documentId).not.toBe(documentId);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown field', { ...consultation(), secret: 1 }, 'secret'],
    ['no title', { ...consultation(), title: ' ' }, 'title'],
    ['no draft', { ...consultation(), draftText: undefined }, 'draftText'],
    ['a draft of headings only', consultation({ draftText: '第一章 总则' }), 'draftText'],
    [
      'two articles with one number',
      consultation({ draftText: '第一条 甲\n第一条 乙' }),
      'draftText',
    ],
    ['a date that is none', consultation({ opensOn: '2018-02-30' }), 'opensOn'],
    ['an end before the start', consultation({ closesOn: '2000-01-01' }), 'closesOn'],
    [
      'a major decision that is no boolean',
      consultation({ isMajorDecision: 'yes' }),
      'isMajorDecision',
    ],
    ['a file that does not exist', consultation({ draftFile: 987654 }), 'draftFile'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_what, body, key) => {
    const before = await consultationCount();
    const response = await as('editorA').post('/disclosure/consultations', body).expect(400);
    expect(response.body.error.details.key).toBe(key);
    expect(await consultationCount()).toBe(before);
  });

  it('refuses a coordinator’s consultation without a division, or with an unknown one', async () => {
    const none = await as('coordinator')
      .post('/disclosure/consultations', consultation())
      .expect(400);
    expect(none.body.error.details.key).toBe('division');
    const unknown = await as('coordinator')
      .post('/disclosure/consultations', consultation({ division: 'NOPE' }))
      .expect(400);
    expect(unknown.body.error.details.key).toBe('division');
  });

  it('refuses unknown list filters and query parameters', async () => {
    await as('editorA').get('/disclosure/consultations?state=nope').expect(400);
    const extra = await as('editorA').get('/disclosure/consultations?secret=1').expect(400);
    expect(extra.body.error.details.key).toBe('secret');
  });
});

describe('the yearly figures', () => {
  it('counts consultations held, comments received and summaries published, records free of comments', async () => {
    const response = await as('coordinator')
      .get(`/disclosure/statistics?year=${year()}&providers=consultations`)
      .expect(200);
    const section = response.body.data.sections.consultations;
    expect(section).toEqual({
      held: { key: 'consultations.held', label: '调查征集期数', value: 1 },
      comments: { key: 'consultations.comments', label: '收到意见数量', value: 5 },
      resultsPublished: {
        key: 'consultations.resultsPublished',
        label: '公布调查结果期数',
        value: 1,
      },
    });
    const records = await as('coordinator')
      .get(`/disclosure/statistics/records?year=${year()}&figure=consultations.comments`)
      .expect(200);
    expect(records.body.data).toHaveLength(5);
    const consulted = await app.strapi.db
      .query(UIDS.consultation)
      .findOne({ where: { title: '示范市促进中小企业发展若干措施（征求意见稿）' } });
    expect(records.body.data[0]).toMatchObject({
      uid: 'plugin::disclosure.consultation',
      // The public id, as the website's; never the row's.
      documentId: consulted.documentId,
      title: '《示范市促进中小企业发展若干措施（征求意见稿）》意见1',
    });
    expect(consulted.documentId).toMatch(PUBLIC_ID);
    const text = JSON.stringify(records.body);
    for (const secret of [PHONE, NAME, '个体工商户', '工业园区管理办法']) {
      expect(text).not.toContain(secret);
    }
  });
});
