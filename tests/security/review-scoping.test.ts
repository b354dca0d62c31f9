/**
 * What another division's staff must not see or do in the publishing review, in every language
 * version of an item, and what no publish path may put on the website (issue #10, items 2, 4, 7).
 */
import request from 'supertest';
import { columnId, createDraft } from '../helpers/content';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const CM = '/content-manager/collection-types/api::article.article';
const LOCALES = ['zh-Hans', 'en'] as const;
type Locale = (typeof LOCALES)[number];

let app: TestApp;
let office: string; // 办公室 (division A)
let other: string; // 投资处 (division B)
const staff: Record<string, StaffLogin> = {};

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
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });

const step = (
  action: string,
  who: StaffLogin,
  documentId: string,
  locale: Locale,
  extra: Record<string, string> = {}
) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set(as(who))
    .send({ contentType: ARTICLE, documentId, locale, ...extra });

const stateOf = async (documentId: string, locale: Locale) =>
  (
    (await app.strapi.db
      .query('plugin::disclosure.review')
      .findOne({ where: { itemDocumentId: documentId, itemLocale: locale } })) as {
      state: string;
    } | null
  )?.state ?? 'draft';

/**
 * An item of division A in Chinese, whose English version A's editor adds in the Content Manager
 * (the English version has no department of its own: divisions exist in Chinese only).
 */
const bilingualItemOfA = async (title: string, mode = 'proactive') => {
  const documentId = await createDraft(app.strapi, ARTICLE, {
    title,
    column: await columnId(app.strapi, 'notices'),
    department: office,
    metadata: { disclosureMode: mode, docNumber: '示工信发〔2018〕7号' },
  });
  await request(app.http)
    .put(`${CM}/${documentId}?locale=en`)
    .set(as(staff.editorA))
    .send({ title: `${title} (en)`, metadata: { disclosureMode: mode } })
    .expect(200);
  return documentId;
};

const NOT_FOUND = (documentId: string) =>
  `No item ${documentId} of ${ARTICLE} under review that you can see.`;

describe("another division's staff, on every language version (issue #10 item 2)", () => {
  let id: string;
  beforeAll(async () => {
    id = await bilingualItemOfA('办公室的双语通知');
  });

  it.each(LOCALES)(
    'gives the %s version the division of its document, in the Content Manager too',
    async (locale) => {
      const list = async (who: StaffLogin) =>
        (
          await request(app.http)
            .get(`${CM}?page=1&pageSize=100&locale=${locale}`)
            .set(as(who))
            .expect(200)
        ).body.results.map((row: { documentId: string }) => row.documentId);
      expect(await list(staff.editorA)).toEqual([id]);
      expect(await list(staff.headA)).toEqual([id]);
      expect(await list(staff.editorB)).toEqual([]);
      expect(await list(staff.headB)).toEqual([]);
      await request(app.http)
        .get(`${CM}/${id}?locale=${locale}`)
        .set(as(staff.editorA))
        .expect(200);
      const outsider = await request(app.http)
        .get(`${CM}/${id}?locale=${locale}`)
        .set(as(staff.editorB))
        .expect(403);
      expect(outsider.body.error.message).toBe('Forbidden');
    }
  );

  it.each(LOCALES)("answers B's editor's submission of the %s version 404", async (locale) => {
    const response = await step('submit', staff.editorB, id, locale).expect(404);
    expect(response.body.error.message).toBe(NOT_FOUND(id));
    expect(await stateOf(id, locale)).toBe('draft');
  });

  it.each(LOCALES)("lets A's editor submit the %s version", async (locale) => {
    const response = await step('submit', staff.editorA, id, locale).expect(200);
    expect(response.body.data).toMatchObject({ state: 'submitted', department: office });
  });

  it.each(
    LOCALES.flatMap((locale) =>
      (['approve', 'return'] as const).map((action) => [action, locale] as const)
    )
  )("answers B's head's step %s on the %s version 404", async (action, locale) => {
    const response = await step(action, staff.headB, id, locale, { reason: '他处意见' }).expect(
      404
    );
    expect(response.body.error.message).toBe(NOT_FOUND(id));
    expect(await stateOf(id, locale)).toBe('submitted');
  });

  const QUEUES = ['', '?state=submitted', '?state=draft', '?state=division_approved'];
  it.each(
    (['editorB', 'headB'] as const).flatMap((who) => QUEUES.map((query) => [who, query] as const))
  )("lists nothing of A's item in %s's queue%s", async (who, query) => {
    const response = await request(app.http)
      .get(`/disclosure/queue${query}`)
      .set(as(staff[who]))
      .expect(200);
    expect(response.body.data).toEqual([]);
    expect(response.body.meta.pagination.total).toBe(0);
  });

  it("lists both versions in A's head's queue", async () => {
    const response = await request(app.http)
      .get('/disclosure/queue')
      .set(as(staff.headA))
      .expect(200);
    expect(
      response.body.data.map((row: { documentId: string; locale: string }) => [
        row.documentId,
        row.locale,
      ])
    ).toEqual(
      expect.arrayContaining([
        [id, 'zh-Hans'],
        [id, 'en'],
      ])
    );
  });

  it("gives review rows recorded without a division their document's division at start-up", async () => {
    const rows = app.strapi.db.query('plugin::disclosure.review');
    await rows.update({
      where: { itemDocumentId: id, itemLocale: 'en' },
      data: { department: null },
    });
    const queueOfB = async () =>
      (await request(app.http).get('/disclosure/queue').set(as(staff.headB)).expect(200)).body.data;
    expect(await queueOfB()).toHaveLength(1);
    await disclosureService(app.strapi, 'item-divisions').assignDocumentDivisions();
    expect(await rows.findOne({ where: { itemDocumentId: id, itemLocale: 'en' } })).toMatchObject({
      department: office,
    });
    expect(await queueOfB()).toEqual([]);
  });

  it.each(LOCALES)("lets A's head approve the %s version", async (locale) => {
    const response = await step('approve', staff.headA, id, locale).expect(200);
    expect(response.body.data).toMatchObject({ state: 'division_approved', department: office });
  });

  it.each(LOCALES)(
    "answers B's editor's publication of the cleared %s version 404",
    async (locale) => {
      await step('clear', staff.secrecy, id, locale).expect(200);
      const response = await step('publish', staff.editorB, id, locale).expect(404);
      expect(response.body.error.message).toBe(NOT_FOUND(id));
      expect(await stateOf(id, locale)).toBe('cleared');
      await request(app.http).get(`/api/articles/${id}?locale=${locale}`).expect(404);
    }
  );

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      ['?state=cleared', '?state=published'].map((query) => [who, query] as const)
    )
  )("lists nothing of A's cleared item in %s's queue%s", async (who, query) => {
    const response = await request(app.http)
      .get(`/disclosure/queue${query}`)
      .set(as(staff[who]))
      .expect(200);
    expect(response.body.data).toEqual([]);
  });

  it.each(LOCALES)(
    "refuses B's editor adding a version of A's zh-Hans-only item in %s",
    async (locale) => {
      const zhOnly = await createDraft(app.strapi, ARTICLE, {
        title: '办公室仅中文的稿件',
        department: office,
        metadata: { disclosureMode: 'proactive' },
      });
      const target = locale === 'en' ? 'en' : 'zh-Hans';
      const response = await request(app.http)
        .put(`${CM}/${zhOnly}?locale=${target}`)
        .set(as(staff.editorB))
        .send({ title: '他处添加的版本', metadata: { disclosureMode: 'proactive' } });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        target === 'en'
          ? "This item belongs to 办公室: only that division's staff can edit it."
          : 'Forbidden'
      );
      expect(
        await app.strapi.db.query(ARTICLE).count({ where: { documentId: zhOnly, locale: 'en' } })
      ).toBe(0);
    }
  );

  it.each(LOCALES)("lets A's editor publish the %s version", async (locale) => {
    await step('publish', staff.editorA, id, locale).expect(200);
    await request(app.http).get(`/api/articles/${id}?locale=${locale}`).expect(200);
  });

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      LOCALES.flatMap((locale) => [
        [who, 'edit', locale] as const,
        [who, 'publish', locale] as const,
      ])
    )
  )('refuses %s the Content Manager %s of the %s version', async (who, action, locale) => {
    const response =
      action === 'edit'
        ? await request(app.http)
            .put(`${CM}/${id}?locale=${locale}`)
            .set(as(staff[who]))
            .send({ title: '他处修改' })
        : await request(app.http)
            .post(`${CM}/${id}/actions/publish?locale=${locale}`)
            .set(as(staff[who]))
            .send({});
    // The head holds no Content Manager write right (route policy); the editor is outside the
    // item's division (the 本处室 condition).
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(who === 'headB' ? 'Policy Failed' : 'Forbidden');
  });
});

describe("a new language version inherits its document's division", () => {
  it("links the division's own English version when the division has one", async () => {
    await app.strapi.documents('api::department.department').update({
      documentId: office,
      locale: 'en',
      data: { name: 'General Office', code: 'BGS' } as never,
    });
    await app.strapi
      .documents('api::department.department')
      .publish({ documentId: office, locale: 'en' });
    const id = await bilingualItemOfA('有英文处室名称的通知');
    const en = (await app.strapi.documents(ARTICLE).findOne({
      documentId: id,
      locale: 'en',
      status: 'draft',
      populate: ['department'],
    })) as { department?: { documentId: string; name: string } | null };
    expect(en.department).toMatchObject({ documentId: office, name: 'General Office' });
    const outsider = await request(app.http)
      .get(`${CM}?page=1&pageSize=100&locale=en`)
      .set(as(staff.editorB))
      .expect(200);
    expect(outsider.body.results).toEqual([]);
  });
});

describe('the review record is scoped like the queue (issue #10 item 4)', () => {
  let withheld: string;
  beforeAll(async () => {
    withheld = await bilingualItemOfA('办公室不予公开的材料');
    for (const locale of LOCALES) {
      await step('submit', staff.editorA, withheld, locale).expect(200);
      await step('approve', staff.headA, withheld, locale).expect(200);
      await step('withhold', staff.secrecy, withheld, locale, {
        reason: '含企业报价',
        category: 'commercial_secret',
      }).expect(200);
    }
  });

  const record = (who: StaffLogin, documentId: string, query = '') =>
    request(app.http).get(`/disclosure/reviews/${ARTICLE}/${documentId}${query}`).set(as(who));

  const QUERIES = ['', '?locale=zh-Hans', '?locale=en'];

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) => QUERIES.map((query) => [who, query] as const))
  )("answers %s 404 for another division's withheld item%s", async (who, query) => {
    const response = await record(staff[who], withheld, query).expect(404);
    expect(response.body).toEqual({
      data: null,
      error: { status: 404, name: 'NotFoundError', message: NOT_FOUND(withheld), details: {} },
    });
  });

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) => QUERIES.map((query) => [who, query] as const))
  )('answers %s the same 404 for an item that does not exist%s', async (who, query) => {
    const response = await record(staff[who], 'nosuchdocument0000000000', query).expect(404);
    expect(response.body.error.message).toBe(NOT_FOUND('nosuchdocument0000000000'));
  });

  it.each(
    (['editorB', 'headB', 'coordinator', 'superAdmin'] as const).flatMap((who) =>
      ['api::department.department', 'api::nosuch.type', 'admin::user'].map(
        (type) => [who, type] as const
      )
    )
  )('answers %s 404 for a record of %s, a type not under review', async (who, type) => {
    const response = await request(app.http)
      .get(`/disclosure/reviews/${type}/${office}`)
      .set(as(staff[who]))
      .expect(404);
    expect(response.body.error.message).toBe(
      `No item ${office} of ${type} under review that you can see.`
    );
  });

  it.each(['editorB', 'headB'] as const)(
    "shows %s the record of an item of no division (a leader: the whole bureau's page)",
    async (who) => {
      const leader = await createDraft(app.strapi, 'api::leader.leader', {
        name: '张局长',
        title: '局长',
      });
      const response = await request(app.http)
        .get(`/disclosure/reviews/api::leader.leader/${leader}?locale=zh-Hans`)
        .set(as(staff[who]))
        .expect(200);
      expect(response.body.data).toMatchObject({ states: [], history: [] });
    }
  );

  it.each(['editorA', 'headA', 'secrecy', 'coordinator', 'superAdmin'] as const)(
    'shows %s the withheld item with its reason and history',
    async (who) => {
      const response = await record(staff[who], withheld, '?locale=en').expect(200);
      expect(
        response.body.data.states.map((row: { itemLocale: string; state: string }) => [
          row.itemLocale,
          row.state,
          (row as { lastReason?: string }).lastReason,
        ])
      ).toEqual([
        ['en', 'withheld', '含企业报价'],
        ['zh-Hans', 'withheld', '含企业报价'],
      ]);
      expect(response.body.data.history).toHaveLength(6);
    }
  );
});

describe('an item whose 公开属性 says it is not proactively disclosed is never published (issue #10 item 7)', () => {
  const MODES = {
    withheld: '不予公开 (withheld)',
    on_request: '依申请公开 (on_request)',
  } as const;
  type Mode = keyof typeof MODES;

  const refusal = (title: string, locale: Locale, mode: Mode) =>
    `"${title}" (${locale}) cannot be published: its 公开属性 says ${MODES[mode]}. ` +
    (mode === 'withheld'
      ? 'Information that is not disclosed is recorded through the review’s 不予公开 step (withhold), not published.'
      : 'It is provided to applicants on request (依申请公开), not published; to publish it, change 公开方式 to 主动公开 and submit it again.');

  it.each(
    (Object.keys(MODES) as Mode[]).flatMap((mode) =>
      LOCALES.map((locale) => [mode, locale] as const)
    )
  )('refuses the confidentiality clearance of a %s item (%s)', async (mode, locale) => {
    const id = await bilingualItemOfA(`公开方式为${mode}的稿件（清）`, mode);
    await step('submit', staff.editorA, id, locale).expect(200);
    await step('approve', staff.headA, id, locale).expect(200);
    const response = await step('clear', staff.secrecy, id, locale).expect(400);
    expect(response.body.error.message).toBe(
      `You cannot clear it for publication: its 公开属性 says ${MODES[mode]}. ` +
        (mode === 'withheld'
          ? 'Withhold it (不予公开) with a reason category, or return it so the editor changes 公开方式.'
          : 'Return it so the editor changes 公开方式 to 主动公开, or withhold it (不予公开).')
    );
    expect(await stateOf(id, locale)).toBe('division_approved');
  });

  /**
   * A cleared item whose mode became withheld or on request without a new review: as an item
   * cleared before this rule existed would be (the database is changed underneath the review).
   */
  const clearedThenMarked = async (title: string, mode: Mode) => {
    const id = await bilingualItemOfA(title);
    for (const locale of LOCALES) {
      await step('submit', staff.editorA, id, locale).expect(200);
      await step('approve', staff.headA, id, locale).expect(200);
      await step('clear', staff.secrecy, id, locale).expect(200);
      const draft = (await app.strapi.documents(ARTICLE).findOne({
        documentId: id,
        locale,
        status: 'draft',
        populate: { metadata: true },
      })) as unknown as { metadata: { id: number } };
      await app.strapi.db
        .query('disclosure.metadata' as never)
        .update({ where: { id: draft.metadata.id }, data: { disclosureMode: mode } });
      const hash = await disclosureService(app.strapi, 'review-state').hashOf(
        ARTICLE,
        id,
        locale,
        'draft'
      );
      await app.strapi.db.query('plugin::disclosure.review').update({
        where: { itemDocumentId: id, itemLocale: locale },
        data: { submittedHash: hash, clearedHash: hash },
      });
      expect(await stateOf(id, locale)).toBe('cleared');
    }
    return id;
  };

  const PATHS = ['content-manager', 'bulk-publish', 'document-service', 'review-api'] as const;
  type Path = (typeof PATHS)[number];

  const publishBy = async (path: Path, id: string, locale: Locale): Promise<[number, string]> => {
    if (path === 'document-service') {
      try {
        await app.strapi.documents(ARTICLE).publish({ documentId: id, locale });
        return [200, ''];
      } catch (error) {
        return [400, (error as Error).message];
      }
    }
    const response =
      path === 'content-manager'
        ? await request(app.http)
            .post(`${CM}/${id}/actions/publish?locale=${locale}`)
            .set(as(staff.editorA))
            .send({})
        : path === 'bulk-publish'
          ? await request(app.http)
              .post(`${CM}/actions/bulkPublish?locale=${locale}`)
              .set(as(staff.editorA))
              .send({ documentIds: [id] })
          : await step('publish', staff.editorA, id, locale);
    return [response.status, response.body.error?.message ?? ''];
  };

  const items: Partial<Record<Mode, { id: string; title: string }>> = {};
  beforeAll(async () => {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const title = `已清但为${mode}的稿件`;
      items[mode] = { id: await clearedThenMarked(title, mode), title };
    }
  });

  it.each(
    (Object.keys(MODES) as Mode[]).flatMap((mode) =>
      PATHS.flatMap((path) => LOCALES.map((locale) => [mode, path, locale] as const))
    )
  )('refuses to publish a %s item through the %s path (%s)', async (mode, path, locale) => {
    const { id, title } = items[mode]!;
    const [status, message] = await publishBy(path, id, locale);
    expect(status).toBe(400);
    expect(message).toBe(refusal(locale === 'en' ? `${title} (en)` : title, locale, mode));
    expect(await stateOf(id, locale)).toBe('cleared');
    await request(app.http).get(`/api/articles/${id}?locale=${locale}`).expect(404);
  });

  it('still publishes a proactive (主动公开) item in both languages', async () => {
    const id = await bilingualItemOfA('主动公开的双语稿件');
    for (const locale of LOCALES) {
      await step('submit', staff.editorA, id, locale).expect(200);
      await step('approve', staff.headA, id, locale).expect(200);
      await step('clear', staff.secrecy, id, locale).expect(200);
      const published = await step('publish', staff.editorA, id, locale);
      expect([published.status, published.body.error?.message]).toEqual([200, undefined]);
      await request(app.http).get(`/api/articles/${id}?locale=${locale}`).expect(200);
    }
  });
});

/**
 * A's items in the states an outsider wants to read or learn: published with a pending edit and a
 * never-published English version, withheld (不予公开), in review, and a plain draft.
 */
const itemsOfA = async () => {
  const published = await bilingualItemOfA('办公室已发布的通知');
  await step('submit', staff.editorA, published, 'zh-Hans').expect(200);
  await step('approve', staff.headA, published, 'zh-Hans').expect(200);
  await step('clear', staff.secrecy, published, 'zh-Hans').expect(200);
  await step('publish', staff.editorA, published, 'zh-Hans').expect(200);
  await request(app.http)
    .put(`${CM}/${published}?locale=zh-Hans`)
    .set(as(staff.editorA))
    .send({ title: '办公室已发布的通知（待审的修改）' })
    .expect(200);
  const withheld = await bilingualItemOfA('办公室不予公开的报价');
  const submitted = await bilingualItemOfA('办公室待审核的稿件');
  const approved = await bilingualItemOfA('办公室已通过处室审核的稿件');
  const cleared = await bilingualItemOfA('办公室已通过保密审查的稿件');
  for (const locale of LOCALES) {
    for (const id of [withheld, submitted, approved, cleared]) {
      await step('submit', staff.editorA, id, locale).expect(200);
    }
    for (const id of [withheld, approved, cleared]) {
      await step('approve', staff.headA, id, locale).expect(200);
    }
    await step('withhold', staff.secrecy, withheld, locale, {
      reason: '含企业报价',
      category: 'commercial_secret',
    }).expect(200);
    await step('clear', staff.secrecy, cleared, locale).expect(200);
  }
  const draft = await bilingualItemOfA('办公室的草稿');
  return { published, withheld, submitted, approved, cleared, draft };
};
type ItemsOfA = Awaited<ReturnType<typeof itemsOfA>>;
const STATES_OF_A = ['published', 'withheld', 'submitted', 'approved', 'cleared', 'draft'] as const;

const UNKNOWN = 'nosuchdocument0000000000';
const rowCount = (uid: string) => app.strapi.db.query(uid as typeof ARTICLE).count();

describe("cloning another division's item in the Content Manager (red team F3)", () => {
  let items: ItemsOfA;
  let itemOfB: string;
  beforeAll(async () => {
    items = await itemsOfA();
    itemOfB = await createDraft(app.strapi, ARTICLE, {
      title: '投资处的稿件',
      department: other,
      metadata: { disclosureMode: 'proactive' },
    });
  });

  const clone = (
    who: StaffLogin,
    uid: string,
    sourceId: string,
    locale: Locale,
    body: Record<string, unknown> = {},
    route = 'clone'
  ) =>
    request(app.http)
      .post(`/content-manager/collection-types/${uid}/${route}/${sourceId}?locale=${locale}`)
      .set(as(who))
      .send(body);

  const NOT_FOUND_CM = {
    data: null,
    error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} },
  };
  const intoB = (locale: Locale) => ({
    department: { connect: [{ documentId: other, locale }] },
  });

  it.each(LOCALES)('answers a clone of an unknown source 404 Not Found (%s)', async (locale) => {
    const response = await clone(staff.editorB, ARTICLE, UNKNOWN, locale).expect(404);
    expect(response.body).toEqual(NOT_FOUND_CM);
  });

  it.each(
    STATES_OF_A.flatMap((state) =>
      LOCALES.flatMap((locale) =>
        (['plain', 'into B'] as const).map((body) => [state, locale, body] as const)
      )
    )
  )(
    "answers B's editor's clone of A's %s item (%s, %s) exactly as an unknown source, creating nothing",
    async (state, locale, body) => {
      const before = await rowCount(ARTICLE);
      const response = await clone(
        staff.editorB,
        ARTICLE,
        items[state],
        locale,
        body === 'plain' ? {} : intoB(locale)
      );
      expect([response.status, response.body]).toEqual([404, NOT_FOUND_CM]);
      expect(await rowCount(ARTICLE)).toBe(before);
    }
  );

  it.each(STATES_OF_A.flatMap((state) => LOCALES.map((locale) => [state, locale] as const)))(
    "answers B's editor's auto-clone of A's %s item (%s) exactly as one of an unknown source",
    async (state, locale) => {
      const before = await rowCount(ARTICLE);
      const unknown = await clone(staff.editorB, ARTICLE, UNKNOWN, locale, {}, 'auto-clone');
      const response = await clone(staff.editorB, ARTICLE, items[state], locale, {}, 'auto-clone');
      expect([response.status, response.body]).toEqual([unknown.status, unknown.body]);
      expect(await rowCount(ARTICLE)).toBe(before);
    }
  );

  it.each(LOCALES)(
    "answers B's head (no create right) as for an unknown source (%s)",
    async (locale) => {
      const unknown = await clone(staff.headB, ARTICLE, UNKNOWN, locale);
      const response = await clone(staff.headB, ARTICLE, items.draft, locale);
      expect([response.status, response.body]).toEqual([unknown.status, unknown.body]);
      expect(response.status).toBe(403);
    }
  );

  const GATED_WITH_DIVISIONS = [
    'api::policy-document.policy-document',
    'api::policy-interpretation.policy-interpretation',
    'api::meeting.meeting',
    'api::annual-report.annual-report',
  ];
  it.each(GATED_WITH_DIVISIONS.flatMap((uid) => LOCALES.map((locale) => [uid, locale] as const)))(
    "answers B's editor's clone of A's draft %s (%s) exactly as an unknown source",
    async (uid, locale) => {
      const id = await createDraft(
        app.strapi,
        uid as typeof ARTICLE,
        { title: '办公室的草稿', department: office } as never,
        locale === 'en' ? 'zh-Hans' : locale
      );
      if (locale === 'en') {
        await app.strapi
          .documents(uid as typeof ARTICLE)
          .update({ documentId: id, locale: 'en', data: { title: 'Draft of BGS' } as never });
      }
      const before = await rowCount(uid);
      const unknown = await clone(staff.editorB, uid, UNKNOWN, locale);
      const response = await clone(staff.editorB, uid, id, locale, intoB(locale));
      expect([response.status, response.body]).toEqual([404, NOT_FOUND_CM]);
      expect(unknown.body).toEqual(NOT_FOUND_CM);
      expect(await rowCount(uid)).toBe(before);
    }
  );

  const divisionOfClone = async (response: request.Response) => {
    const documentId = response.body.data.documentId as string;
    return (
      await disclosureService(app.strapi, 'item-divisions').divisionOfItem(ARTICLE, documentId)
    )?.documentId;
  };

  it.each(
    (['draft', 'published', 'withheld'] as const).flatMap((state) =>
      LOCALES.map((locale) => [state, locale] as const)
    )
  )("lets A's editor clone A's %s item (%s): the copy is A's", async (state, locale) => {
    const response = await clone(staff.editorA, ARTICLE, items[state], locale);
    expect(response.status).toBe(200);
    expect(response.body.data.documentId).not.toBe(items[state]);
    expect(await divisionOfClone(response)).toBe(office);
  });

  it.each(LOCALES)(
    "puts a copy in the cloner's division even when the body names another (%s)",
    async (locale) => {
      const intoA = await clone(staff.editorB, ARTICLE, itemOfB, 'zh-Hans', {
        department: { connect: [{ documentId: office, locale: 'zh-Hans' }] },
      });
      expect(intoA.status).toBe(200);
      expect(await divisionOfClone(intoA)).toBe(other);
      const byA = await clone(staff.editorA, ARTICLE, items.draft, locale, intoB(locale));
      expect(byA.status).toBe(200);
      expect(await divisionOfClone(byA)).toBe(office);
    }
  );

  it("refuses a copy in a language its cloner's division does not have, creating nothing", async () => {
    await app.strapi.documents(ARTICLE).update({
      documentId: itemOfB,
      locale: 'en',
      data: { title: 'Draft of TZJS', metadata: { disclosureMode: 'proactive' } } as never,
    });
    const before = await rowCount(ARTICLE);
    const response = await clone(staff.editorB, ARTICLE, itemOfB, 'en').expect(400);
    expect(response.body.error.message).toBe(
      'A copy belongs to your division (投资处), which has no en version yet: copy another language version, or ask the coordinator to add the division in en.'
    );
    expect(await rowCount(ARTICLE)).toBe(before);
  });

  it.each(['editorB', 'headB'] as const)(
    "refuses %s a language A's item lacks as it refuses the item (no status or shared fields)",
    async (who) => {
      const zhOnly = await createDraft(app.strapi, ARTICLE, {
        title: '办公室仅中文的草稿',
        department: office,
        metadata: { disclosureMode: 'proactive' },
      });
      const existing = await request(app.http)
        .get(`${CM}/${zhOnly}?locale=zh-Hans`)
        .set(as(staff[who]));
      const missing = await request(app.http).get(`${CM}/${zhOnly}?locale=en`).set(as(staff[who]));
      expect([missing.status, missing.body]).toEqual([existing.status, existing.body]);
      expect([missing.status, missing.body.error?.message]).toEqual([403, 'Forbidden']);
      const own = await request(app.http)
        .get(`${CM}/${zhOnly}?locale=en`)
        .set(as(staff.editorA))
        .expect(200);
      expect(own.body.data).toEqual({});
      expect(own.body.meta.availableLocales.map((row: { locale: string }) => row.locale)).toEqual([
        'zh-Hans',
      ]);
    }
  );

  const countDraftRelations = (who: StaffLogin, ids: string[], locale: Locale) =>
    request(app.http)
      .get(`${CM}/actions/countManyEntriesDraftRelations`)
      .query({ documentIds: ids, locale })
      .set(as(who));

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      STATES_OF_A.flatMap((state) => LOCALES.map((locale) => [who, state, locale] as const))
    )
  )(
    "answers %s's draft-relation count of A's %s item (%s) as one of an unknown item",
    async (who, state, locale) => {
      const unknown = await countDraftRelations(staff[who], [UNKNOWN], locale);
      expect([unknown.status, unknown.body]).toEqual([404, NOT_FOUND_CM]);
      const response = await countDraftRelations(staff[who], [items[state]], locale);
      expect([response.status, response.body]).toEqual([404, NOT_FOUND_CM]);
      const mixed = await countDraftRelations(staff[who], [items[state], itemOfB], locale);
      const ownOnly = await countDraftRelations(staff[who], [UNKNOWN, itemOfB], locale);
      expect([mixed.status, mixed.body]).toEqual([ownOnly.status, ownOnly.body]);
    }
  );

  it("still counts A's draft relations for A's editor", async () => {
    const response = await countDraftRelations(staff.editorA, [items.draft], 'zh-Hans');
    expect(response.status).toBe(200);
    expect(typeof response.body.data).toBe('number');
  });

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      STATES_OF_A.flatMap((state) => LOCALES.map((locale) => [who, state, locale] as const))
    )
  )(
    "lists nothing of A's item to %s's bulk validation (A's %s item, %s)",
    async (who, state, locale) => {
      const response = await request(app.http)
        .post(`${CM}/actions/bulkFindForValidation`)
        .set(as(staff[who]))
        .send({ documentIds: [items[state], UNKNOWN], locale })
        .expect(200);
      expect(response.body).toEqual({ results: [] });
    }
  );

  it("lists A's item for A's editor's bulk validation", async () => {
    const response = await request(app.http)
      .post(`${CM}/actions/bulkFindForValidation`)
      .set(as(staff.editorA))
      .send({ documentIds: [items.draft, itemOfB], locale: 'en' })
      .expect(200);
    expect(response.body.results.map((row: { documentId: string }) => row.documentId)).toEqual([
      items.draft,
    ]);
  });
});

describe("the review's step routes answer another division's item as an unknown one (red team F7)", () => {
  let items: ItemsOfA;
  beforeAll(async () => {
    items = await itemsOfA();
  });

  const ACTIONS = ['submit', 'approve', 'return', 'clear', 'withhold', 'publish', 'unpublish'];
  const INPUT = { reason: '他处的理由', category: 'commercial_secret' };

  /**
   * The route's own refusal when the user's roles lack the step's permission: the same for every
   * item, known or not, so it tells nothing of the item.
   */
  const NO_RIGHT = {
    approve:
      'Your roles do not allow you to approve items for a division (发布审核): ask the coordinator for the permission "plugin::disclosure.approve-division".',
    clear:
      'Your roles do not allow you to clear or withhold items (保密审查): ask the coordinator for the permission "plugin::disclosure.approve-confidentiality".',
    unpublish:
      'Your roles do not allow you to unpublish items (撤稿): ask the coordinator for the permission "plugin::disclosure.unpublish".',
    submit:
      'Your roles do not allow you to submit items for review (提交审核): ask the coordinator for the permission "plugin::disclosure.submit".',
  };
  const WITHOUT_RIGHT: Record<'editorB' | 'headB', Record<string, string>> = {
    editorB: {
      approve: NO_RIGHT.approve,
      clear: NO_RIGHT.clear,
      withhold: NO_RIGHT.clear,
      unpublish: NO_RIGHT.unpublish,
    },
    headB: {
      submit: NO_RIGHT.submit,
      clear: NO_RIGHT.clear,
      withhold: NO_RIGHT.clear,
      unpublish: NO_RIGHT.unpublish,
    },
  };

  /** What the user is answered for an item they may not see: as for an item that does not exist. */
  const unseenAnswer = (who: 'editorB' | 'headB', action: string, documentId: string) => {
    const refusal = WITHOUT_RIGHT[who][action];
    return refusal
      ? [
          403,
          {
            data: null,
            error: { status: 403, name: 'PolicyError', message: refusal, details: {} },
          },
        ]
      : [
          404,
          {
            data: null,
            error: {
              status: 404,
              name: 'NotFoundError',
              message: NOT_FOUND(documentId),
              details: {},
            },
          },
        ];
  };

  const statesOf = async (documentId: string) =>
    Promise.all(LOCALES.map((locale) => stateOf(documentId, locale)));

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      ACTIONS.flatMap((action) =>
        STATES_OF_A.flatMap((state) =>
          LOCALES.map((locale) => [who, action, state, locale] as const)
        )
      )
    )
  )(
    "answers %s the step %s on A's %s item (%s) exactly as for an unknown item",
    async (who, action, state, locale) => {
      const documentId = items[state];
      const before = await statesOf(documentId);
      const response = await step(action, staff[who], documentId, locale, INPUT);
      expect([response.status, response.body]).toEqual(unseenAnswer(who, action, documentId));
      expect(await statesOf(documentId)).toEqual(before);
    }
  );

  it.each(
    (['editorB', 'headB'] as const).flatMap((who) =>
      ACTIONS.flatMap((action) => LOCALES.map((locale) => [who, action, locale] as const))
    )
  )('answers %s the step %s on an unknown item (%s) the same', async (who, action, locale) => {
    const response = await step(action, staff[who], UNKNOWN, locale, INPUT);
    expect([response.status, response.body]).toEqual(unseenAnswer(who, action, UNKNOWN));
  });

  it.each(['coordinator', 'secrecy', 'superAdmin'] as const)(
    'keeps answering %s (no division) with the refusal for the item’s state',
    async (who) => {
      const response = await step('publish', staff[who], items.withheld, 'zh-Hans');
      expect([response.status, response.body.error?.message]).toEqual([
        400,
        'You cannot publish it: it is 不予公开 (withheld), and only an item that is 可发布 (cleared) can be.',
      ]);
    }
  );
});
