/**
 * The files of reviewed material stay as they were reviewed: nobody replaces, renames,
 * re-captions or deletes a file that a published item (or an item in review) uses, and another
 * division's staff do not see which items use a file (issue #10, F4; decision 0018).
 */
import request from 'supertest';
import { columnId, createApiToken, createDraft, createPublished } from '../helpers/content';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';
const THROUGH_REVIEW =
  'Reviewed material changes only through the review: upload a new file, attach it to a new version of the item and submit that version (先审查、后公开).';
const RELATED_REFUSED =
  'Which items use a file (related) is not shown to staff of a division: it lists other divisions’ items. Open the item in the Content Manager instead.';

let app: TestApp;
let office: string; // 办公室 (division A)
let other: string; // 投资处 (division B)
const staff: Record<string, StaffLogin> = {};
const files: Record<
  'published' | 'inReview' | 'cleared' | 'draftOnly',
  { id: number; name: string }
> = {} as never;
let publishedItem: string;
let folderId: number;

const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });

const upload = async (who: StaffLogin, name: string, content: string) => {
  const response = await request(app.http)
    .post('/upload')
    .set(as(who))
    .attach('files', Buffer.from(content), name)
    .field('fileInfo', JSON.stringify({ name, caption: `${name} 说明`, alternativeText: name }))
    .expect(201);
  return { id: response.body[0].id as number, name };
};

const article = async (title: string, fileId: number) => ({
  title,
  column: await columnId(app.strapi, 'notices'),
  department: office,
  attachments: [fileId],
  metadata: { disclosureMode: 'proactive', docNumber: '示工信发〔2018〕9号' },
});

beforeAll(async () => {
  app = await bootApp();
  ({ office, other } = await createDivisions(app.strapi));
  Object.assign(
    staff,
    await loginCast(app.strapi, app.http, { office, other }, [
      'editorA',
      'headA',
      'editorB',
      'headB',
      'secrecy',
      'coordinator',
      'superAdmin',
    ])
  );

  files.published = await upload(staff.editorA, 'cleared_notice.txt', '已审核的通知原文');
  files.inReview = await upload(staff.editorA, 'in_review.txt', '审核中的材料');
  files.cleared = await upload(staff.editorA, 'cleared.txt', '已通过保密审查的材料');
  files.draftOnly = await upload(staff.editorA, 'draft_only.txt', '草稿附件');
  publishedItem = await createPublished(
    app.strapi,
    ARTICLE,
    await article('已发布的通知', files.published.id)
  );
  const inReview = await createDraft(
    app.strapi,
    ARTICLE,
    await article('审核中的通知', files.inReview.id)
  );
  const step = (action: string, who: StaffLogin, documentId: string) =>
    request(app.http)
      .post(`/disclosure/reviews/${action}`)
      .set(as(who))
      .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans' })
      .expect(200);
  await step('submit', staff.editorA, inReview);
  const cleared = await createDraft(
    app.strapi,
    ARTICLE,
    await article('可发布的通知', files.cleared.id)
  );
  await step('submit', staff.editorA, cleared);
  await step('approve', staff.headA, cleared);
  await step('clear', staff.secrecy, cleared);
  await createDraft(app.strapi, ARTICLE, await article('办公室的草稿', files.draftOnly.id));

  // The published and the in-review file sit in a folder (moving a file changes nothing public).
  const folder = await request(app.http)
    .post('/upload/folders')
    .set(as(staff.editorA))
    .send({ name: '办公室附件', parent: null })
    .expect(201);
  folderId = folder.body.data.id;
  for (const file of [files.published, files.inReview]) {
    await request(app.http)
      .post('/upload/actions/bulk-move')
      .set(as(staff.editorA))
      .send({ fileIds: [file.id], destinationFolderId: folderId })
      .expect(200);
  }
});

afterAll(async () => {
  if (app) await stopApp(app);
});

/** Every way the media library changes or removes a file, and the word the refusal uses. */
const CHANGES: Array<
  [string, 'replace' | 'edit' | 'delete', (who: StaffLogin, id: number) => request.Test]
> = [
  [
    'POST /upload?id= (replace)',
    'replace',
    (who, id) =>
      request(app.http)
        .post(`/upload?id=${id}`)
        .set(as(who))
        .attach('files', Buffer.from('篡改'), 'evil.txt'),
  ],
  [
    'POST /upload/files/:id/replace',
    'replace',
    (who, id) =>
      request(app.http)
        .post(`/upload/files/${id}/replace`)
        .set(as(who))
        .attach('files', Buffer.from('篡改'), 'evil.txt'),
  ],
  [
    'POST /upload?id= (rename)',
    'edit',
    (who, id) =>
      request(app.http)
        .post(`/upload?id=${id}`)
        .set(as(who))
        .field('fileInfo', JSON.stringify({ name: 'RTRENAMEX.txt' })),
  ],
  [
    'POST /upload?id= (caption)',
    'edit',
    (who, id) =>
      request(app.http)
        .post(`/upload?id=${id}`)
        .set(as(who))
        .field('fileInfo', JSON.stringify({ caption: '篡改的说明' })),
  ],
  [
    'POST /upload?id= (alternative text)',
    'edit',
    (who, id) =>
      request(app.http)
        .post(`/upload?id=${id}`)
        .set(as(who))
        .field('fileInfo', JSON.stringify({ alternativeText: '篡改' })),
  ],
  [
    'PUT /upload/files/:id (rename)',
    'edit',
    (who, id) =>
      request(app.http)
        .put(`/upload/files/${id}`)
        .set(as(who))
        .send({ fileInfo: { name: 'RTRENAMEX.txt' } }),
  ],
  [
    'POST /upload/actions/bulk-update (caption)',
    'edit',
    (who, id) =>
      request(app.http)
        .post('/upload/actions/bulk-update')
        .set(as(who))
        .send({ updates: [{ id, fileInfo: { caption: '篡改' } }] }),
  ],
  [
    'DELETE /upload/files/:id',
    'delete',
    (who, id) => request(app.http).delete(`/upload/files/${id}`).set(as(who)),
  ],
  [
    'POST /upload/actions/bulk-delete (file)',
    'delete',
    (who, id) =>
      request(app.http)
        .post('/upload/actions/bulk-delete')
        .set(as(who))
        .send({ fileIds: [id] }),
  ],
  [
    'POST /upload/actions/bulk-delete (its folder)',
    'delete',
    (who) =>
      request(app.http)
        .post('/upload/actions/bulk-delete')
        .set(as(who))
        .send({ folderIds: [folderId] }),
  ],
];

const WHAT = {
  replace: (name: string) => `File "${name}" cannot be replaced`,
  edit: (name: string) =>
    `The name, caption and alternative text of file "${name}" cannot be changed`,
  delete: (name: string) => `File "${name}" cannot be deleted`,
};

const ACTORS = ['editorB', 'editorA', 'coordinator', 'superAdmin'] as const;

const snapshot = async (id: number) =>
  app.strapi.db.query(FILE).findOne({
    where: { id },
    select: ['name', 'caption', 'alternativeText', 'hash', 'size', 'url', 'mime'],
  });

describe('a file of a published item stays as reviewed', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await snapshot(files.published.id);
  });

  describe.each(ACTORS)('as %s', (who) => {
    it.each(CHANGES)('%s → 403 naming the published item', async (_route, change, send) => {
      const response = await send(staff[who], files.published.id);
      expect([response.status, response.body.error?.message]).toEqual([
        403,
        `${WHAT[change](files.published.name)}: it is part of "已发布的通知" (zh-Hans, 已发布, published). ${THROUGH_REVIEW}`,
      ]);
    });
  });

  it('is unchanged, in the database, on disk and on the website', async () => {
    expect(await snapshot(files.published.id)).toEqual(before);
    const served = await request(app.http).get(String(before.url)).expect(200);
    expect(served.text).toBe('已审核的通知原文');
    const website = await request(app.http)
      .get(`/api/articles/${publishedItem}?populate=attachments`)
      .expect(200);
    expect(
      website.body.data.attachments.map((file: Record<string, unknown>) => [
        file.name,
        file.url,
        file.caption,
        file.hash,
      ])
    ).toEqual([[before.name, before.url, before.caption, before.hash]]);
  });
});

const REVIEWED = [
  ['in review', 'inReview', '审核中的通知', '待审核, submitted'],
  ['cleared', 'cleared', '可发布的通知', '可发布, cleared'],
] as const;

describe.each(REVIEWED)('a file of an item %s stays as reviewed', (_what, key, title, label) => {
  describe.each(ACTORS)('as %s', (who) => {
    it.each(CHANGES)('%s → 403', async (route, change, send) => {
      const response = await send(staff[who], files[key].id);
      const why =
        who === 'editorB'
          ? 'it belongs to items of another division.'
          : `it is part of "${title}" (zh-Hans, ${label}). ${THROUGH_REVIEW}`;
      expect([response.status, response.body.error?.message]).toEqual([
        403,
        // The folder holds the published file, which is refused first.
        route.endsWith('(its folder)')
          ? `${WHAT.delete(files.published.name)}: it is part of "已发布的通知" (zh-Hans, 已发布, published). ${THROUGH_REVIEW}`
          : `${WHAT[change](files[key].name)}: ${why}`,
      ]);
    });
  });
});

describe('through the content API, with a full-access token', () => {
  let token: string;
  beforeAll(async () => {
    token = await createApiToken(app.strapi, 'full-access');
  });
  const bearer = () => ({ Authorization: `Bearer ${token}` });
  const published = (what: string) =>
    `${what}: it is part of "已发布的通知" (zh-Hans, 已发布, published). ${THROUGH_REVIEW}`;

  it.each([
    [
      'POST /api/upload?id= (replace)',
      'replace',
      () =>
        request(app.http)
          .post(`/api/upload?id=${files.published.id}`)
          .set(bearer())
          .attach('files', Buffer.from('篡改'), 'evil.txt'),
    ],
    [
      'POST /api/upload?id= (rename)',
      'edit',
      () =>
        request(app.http)
          .post(`/api/upload?id=${files.published.id}`)
          .set(bearer())
          .field('fileInfo', JSON.stringify({ name: 'RTRENAMEX.txt' })),
    ],
    [
      'DELETE /api/upload/files/:id',
      'delete',
      () => request(app.http).delete(`/api/upload/files/${files.published.id}`).set(bearer()),
    ],
  ] as const)('%s → 403 naming the published item', async (_route, change, send) => {
    const response = await send();
    expect([response.status, response.body.error?.message]).toEqual([
      403,
      published(WHAT[change](files.published.name)),
    ]);
  });
});

describe("a file only a division's draft uses", () => {
  it.each(CHANGES.filter(([route]) => !route.endsWith('(its folder)')))(
    "%s by another division's editor → 403 without naming the draft",
    async (_route, change, send) => {
      const response = await send(staff.editorB, files.draftOnly.id);
      expect([response.status, response.body.error?.message]).toEqual([
        403,
        `${WHAT[change](files.draftOnly.name)}: it belongs to items of another division.`,
      ]);
    }
  );

  it("stays editable by the draft's own division", async () => {
    const response = await request(app.http)
      .post(`/upload?id=${files.draftOnly.id}`)
      .set(as(staff.editorA))
      .field('fileInfo', JSON.stringify({ caption: '修改后的说明' }))
      .expect(200);
    expect(response.body.caption).toBe('修改后的说明');
  });
});

describe('which items use a file (related)', () => {
  const QUERIES = [
    '/upload/files?populate=related',
    '/upload/files?populate=*',
    '/upload/files?populate[related]=true',
    '/upload/files?populate[0]=related',
    '/upload/files?populate=folder,related',
    '/upload/files?filters[related][id][$notNull]=true',
    '/upload/files?fields[0]=name&populate[related][fields][0]=title',
    '/upload/folders?populate[files][populate]=related',
    '/upload/folders?populate[files][populate]=*',
  ];
  it.each(
    ['editorA', 'editorB', 'headA', 'headB'].flatMap((who) => QUERIES.map((query) => [who, query]))
  )('as %s: %s → 403', async (who, query) => {
    const response = await request(app.http).get(query).set(as(staff[who]));
    expect([response.status, response.body.error?.message]).toEqual([403, RELATED_REFUSED]);
  });

  it('still lists files and folders the way the media library asks', async () => {
    const listed = await request(app.http)
      .get('/upload/files?populate[folder]=true&sort=name:ASC')
      .set(as(staff.editorB))
      .expect(200);
    expect(listed.body.results.map((file: { name: string }) => file.name)).toEqual([
      'cleared.txt',
      'cleared_notice.txt',
      'draft_only.txt',
      'in_review.txt',
    ]);
    await request(app.http)
      .get('/upload/folders?populate[parent][populate][parent]=*')
      .set(as(staff.editorB))
      .expect(200);
    // A search for the word is a search, not a question about uses.
    const searched = await request(app.http)
      .get('/upload/files?_q=related&filters[name][$contains]=related')
      .set(as(staff.editorB))
      .expect(200);
    expect(searched.body.results).toEqual([]);
  });

  it('would list the items with populate=* (which is why it is refused to division staff)', async () => {
    const response = await request(app.http)
      .get(`/upload/files?populate=*&filters[id][$eq]=${files.published.id}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(response.body.results[0].related.map((row: { title: string }) => row.title)).toContain(
      '已发布的通知'
    );
  });

  it('shows the coordinator (no division) where a file is used', async () => {
    const response = await request(app.http)
      .get(`/upload/files?populate=related&filters[id][$eq]=${files.published.id}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(response.body.results[0].related.map((row: { title: string }) => row.title)).toContain(
      '已发布的通知'
    );
  });
});

describe('once the item is unpublished (撤稿)', () => {
  it("frees the file for the item's own division only", async () => {
    await request(app.http)
      .post('/disclosure/reviews/unpublish')
      .set(as(staff.coordinator))
      .send({
        contentType: ARTICLE,
        documentId: publishedItem,
        locale: 'zh-Hans',
        reason: '附件有误',
      })
      .expect(200);
    const other = await request(app.http)
      .post(`/upload?id=${files.published.id}`)
      .set(as(staff.editorB))
      .field('fileInfo', JSON.stringify({ caption: '更正后的说明' }));
    expect([other.status, other.body.error?.message]).toEqual([
      403,
      `${WHAT.edit(files.published.name)}: it belongs to items of another division.`,
    ]);
    const own = await request(app.http)
      .post(`/upload?id=${files.published.id}`)
      .set(as(staff.editorA))
      .field('fileInfo', JSON.stringify({ caption: '更正后的说明' }))
      .expect(200);
    expect(own.body.caption).toBe('更正后的说明');
  });
});
