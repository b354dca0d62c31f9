import request from 'supertest';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import {
  asStaff,
  completeGuide,
  publishItem,
  reviewAndPublish,
  type GuideReviewers,
} from '../helpers/service-items';

let app: TestApp;
let divisions: { office: string; other: string };
let coordinator: StaffLogin;
let editorA: StaffLogin;
let editorB: StaffLogin;
let handler: StaffLogin;
let reviewers: { office: GuideReviewers; other: GuideReviewers };

const publicGet = (url: string) => request(app.http).get(url);
const reviewCount = (item: string) =>
  app.strapi.db.query('plugin::disclosure.service-item-review').count({ where: { item } });

beforeAll(async () => {
  app = await bootApp();
  divisions = await createDivisions(app.strapi);
  coordinator = await staffLogin(app.strapi, app.http, {
    email: 'coordinator@items.test',
    role: 'disclosure-coordinator',
  });
  editorA = await staffLogin(app.strapi, app.http, {
    email: 'editor@bgs.items.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
  editorB = await staffLogin(app.strapi, app.http, {
    email: 'editor@tzjs.items.test',
    role: 'disclosure-editor',
    division: divisions.other,
  });
  handler = await staffLogin(app.strapi, app.http, {
    email: 'secrecy@items.test',
    role: 'disclosure-confidentiality-reviewer',
  });
  const head = (email: string, division: string) =>
    staffLogin(app.strapi, app.http, { email, role: 'disclosure-division-reviewer', division });
  reviewers = {
    office: { approver: await head('head@bgs.items.test', divisions.office), clearer: handler },
    other: { approver: await head('head@tzjs.items.test', divisions.other), clearer: handler },
  };
});

afterAll(async () => {
  await stopApp(app);
});

describe('the service catalogue (政务服务事项)', () => {
  it('refuses to submit a 办事指南 missing required fields, naming them in Chinese (400), and publishes nothing', async () => {
    const created = await asStaff(app.http, editorA)('post', '/disclosure/service-items')
      .send({ name: '残缺的事项', itemType: 'filing', legalBasis: '', phone: '024-1' })
      .expect(201);
    const { documentId } = created.body.data;
    expect(created.body.data.division).toBe(divisions.office);
    expect(created.body.data.missingGuideFields).toEqual([
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理时间',
      '办理流程',
    ]);
    const refused = await asStaff(app.http, editorA)(
      'post',
      `/disclosure/service-items/${documentId}/submit`
    ).expect(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.message).toBe(
      '「残缺的事项」的办事指南缺少设定依据、申请条件、办理材料、办理地点、办理时间、办理流程，不能发布。'
    );
    expect(await reviewCount(documentId)).toBe(0);
    await asStaff(app.http, editorA)(
      'post',
      `/disclosure/service-items/${documentId}/publish`
    ).expect(400);
    const published = await app.strapi
      .documents('plugin::disclosure.service-item')
      .findOne({ documentId, status: 'published' });
    expect(published).toBeNull();
  });

  it('refuses publishing around the module (the Document Service directly), even a complete guide', async () => {
    const draft = await app.strapi
      .documents('plugin::disclosure.service-item')
      .create({ data: completeGuide('绕过发布的事项', null) as never });
    await expect(
      app.strapi
        .documents('plugin::disclosure.service-item')
        .publish({ documentId: draft.documentId })
    ).rejects.toThrow(/published through POST \/disclosure\/service-items/);
    await expect(
      app.strapi
        .documents('plugin::disclosure.service-item')
        .create({ data: completeGuide('直接发布', null) as never, status: 'published' })
    ).rejects.toThrow(/published through/);
    expect(
      await app.strapi.documents('plugin::disclosure.service-item').count({ status: 'published' })
    ).toBe(0);
  });

  it('saves a draft with every optional field cleared (null), as the admin form sends it', async () => {
    const blank = Object.fromEntries(
      Object.keys(completeGuide('x', null)).map((key) => [key, null])
    );
    const saved = await asStaff(app.http, coordinator)('post', '/disclosure/service-items')
      .send({ ...blank, name: '只有名称的草稿', itemType: 'public_service' })
      .expect(201);
    expect(saved.body.data).toMatchObject({ onlineDepth: null, legalDays: null, division: null });
    await asStaff(app.http, coordinator)(
      'delete',
      `/disclosure/service-items/${saved.body.data.documentId}`
    ).expect(204);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = await app.strapi.db.query('plugin::disclosure.service-item').count();
    const cases: Array<[object, string]> = [
      [{ ...completeGuide('x', null), itemType: '行政许可' }, 'itemType'],
      [{ ...completeGuide('x', null), legalDays: '20' }, 'legalDays'],
      [{ ...completeGuide('x', null), promisedDays: 30 }, 'promisedDays'],
      [{ ...completeGuide('x', null), onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ ...completeGuide('x', null), secret: 1 }, 'secret'],
      [{ ...completeGuide('x', null), division: 'nonexistent' }, 'division'],
    ];
    for (const [body, key] of cases) {
      const response = await asStaff(app.http, coordinator)('post', '/disclosure/service-items')
        .send(body)
        .expect(400);
      expect(response.body.error.details.key).toBe(key);
      expect(response.body.error.message).toContain(key);
    }
    expect(await app.strapi.db.query('plugin::disclosure.service-item').count()).toBe(before);
  });

  it('lets only staff of the item’s division (or the coordinator) change it; others get 403; roles without the permission get 403', async () => {
    const created = await asStaff(app.http, editorA)('post', '/disclosure/service-items')
      .send(completeGuide('办公室的事项', divisions.office))
      .expect(201);
    const { documentId } = created.body.data;
    await asStaff(app.http, editorB)('put', `/disclosure/service-items/${documentId}`)
      .send(completeGuide('被改了', divisions.office))
      .expect(403);
    await asStaff(app.http, editorB)(
      'post',
      `/disclosure/service-items/${documentId}/publish`
    ).expect(403);
    // The 保密审查员 reads the catalogue (they review it) but does not edit or publish it.
    await asStaff(app.http, handler)('get', '/disclosure/service-items').expect(200);
    await asStaff(app.http, handler)('put', `/disclosure/service-items/${documentId}`)
      .send(completeGuide('被改了', divisions.office))
      .expect(403);
    await asStaff(app.http, handler)(
      'post',
      `/disclosure/service-items/${documentId}/submit`
    ).expect(403);
    const draft = await asStaff(app.http, coordinator)(
      'get',
      `/disclosure/service-items/${documentId}`
    ).expect(200);
    expect(draft.body.data.name).toBe('办公室的事项');
  });

  describe('the public service guide', () => {
    let permit: string;
    let radio: string;
    let neverPublished: string;

    beforeAll(async () => {
      permit = await publishItem(
        app.http,
        editorA,
        completeGuide('废旧电力设施器材收购的许可', divisions.office),
        reviewers.office
      );
      // An edit saved but not published: the website keeps the published text.
      await asStaff(app.http, editorA)('put', `/disclosure/service-items/${permit}`)
        .send(
          completeGuide('废旧电力设施器材收购的许可', divisions.office, {
            hours: '草稿中的秘密时间',
          })
        )
        .expect(200);
      radio = await publishItem(
        app.http,
        coordinator,
        completeGuide('无线电频率台（站）许可', divisions.other),
        reviewers.other
      );
      // Adjusted once, then taken back by the province.
      await asStaff(app.http, coordinator)('put', `/disclosure/service-items/${radio}`)
        .send(completeGuide('无线电频率台（站）许可', divisions.other, { promisedDays: 5 }))
        .expect(200);
      const adjusted = await reviewAndPublish(app.http, radio, coordinator, reviewers.other);
      expect(adjusted.body.data.lifecycle).toBe('adjusted');
      await reviewAndPublish(app.http, radio, coordinator, reviewers.other, () =>
        asStaff(app.http, coordinator)('post', `/disclosure/service-items/${radio}/withdraw`)
          .send({
            kind: 'taken_back',
            date: '2018-06-15',
            authority: '省无线电管理委员会办公室',
            reason: '上级收回',
          })
          .expect(200)
      );
      const created = await asStaff(app.http, coordinator)('post', '/disclosure/service-items')
        .send(completeGuide('从未发布的草稿事项', divisions.office, { conditions: '绝密条件' }))
        .expect(201);
      neverPublished = created.body.data.documentId;
    });

    it('lists published items only, with withdrawn items marked and their history', async () => {
      const list = await publicGet('/api/disclosure/service-items').expect(200);
      const names = list.body.data.map((item: { name: string }) => item.name);
      expect(names).toEqual(['废旧电力设施器材收购的许可', '无线电频率台（站）许可']);
      expect(list.body.meta.pagination.total).toBe(2);
      const withdrawn = list.body.data[1];
      expect(withdrawn).toMatchObject({
        isWithdrawn: true,
        lifecycle: 'withdrawn',
        withdrawal: {
          kind: 'taken_back',
          label: '上级收回',
          date: '2018-06-15',
          authority: '省无线电管理委员会办公室',
        },
        division: { name: '投资处', code: 'TZJS' },
        itemTypeLabel: '行政许可',
      });
      expect(withdrawn.history.map((entry: { kind: string }) => entry.kind)).toEqual([
        'published',
        'adjusted',
        'withdrawn',
      ]);
      expect(withdrawn.history[1].changes).toEqual(['承诺时限']);
      expect(list.body.data[0].hours).toBe('工作日 9:00-12:00，13:30-17:00');
    });

    it('reveals nothing of drafts: no filter, search, count, sort or single read finds unpublished text', async () => {
      const body = async (url: string) => JSON.stringify((await publicGet(url).expect(200)).body);
      for (const url of [
        '/api/disclosure/service-items?q=草稿',
        '/api/disclosure/service-items?q=从未发布',
        '/api/disclosure/service-items?q=秘密',
      ]) {
        const answer = await publicGet(url).expect(200);
        expect(answer.body.data).toEqual([]);
        expect(answer.body.meta.pagination.total).toBe(0);
      }
      const all = await body('/api/disclosure/service-items?pageSize=100');
      expect(all).not.toContain('秘密');
      expect(all).not.toContain('绝密');
      expect(all).not.toContain(neverPublished);
      await publicGet(`/api/disclosure/service-items/${neverPublished}`).expect(404);
      const one = await body(`/api/disclosure/service-items/${permit}`);
      expect(one).not.toContain('秘密');
      // Unknown parameters (status=draft, sort, filters) are refused, not applied or ignored.
      for (const query of [
        'status=draft',
        'sort=conditions',
        'filters[conditions][$contains]=绝密',
      ]) {
        const refused = await publicGet(`/api/disclosure/service-items?${query}`).expect(400);
        expect(JSON.stringify(refused.body)).not.toContain('绝密');
      }
    });

    it('filters by type, division code and lifecycle', async () => {
      const byDivision = await publicGet('/api/disclosure/service-items?division=BGS').expect(200);
      expect(byDivision.body.data.map((item: { name: string }) => item.name)).toEqual([
        '废旧电力设施器材收购的许可',
      ]);
      const unknown = await publicGet('/api/disclosure/service-items?division=NONE').expect(200);
      expect(unknown.body.meta.pagination.total).toBe(0);
      const withdrawn = await publicGet('/api/disclosure/service-items?lifecycle=withdrawn').expect(
        200
      );
      expect(withdrawn.body.data).toHaveLength(1);
      const filing = await publicGet('/api/disclosure/service-items?type=filing').expect(200);
      expect(filing.body.data).toEqual([]);
      await publicGet('/api/disclosure/service-items?type=秘密').expect(400);
    });

    it('publishing the pending edit shows it, recording which fields changed', async () => {
      const published = await reviewAndPublish(app.http, permit, editorA, reviewers.office);
      expect(published.body.data.hasPendingEdits).toBe(false);
      const one = await publicGet(`/api/disclosure/service-items/${permit}`).expect(200);
      expect(one.body.data.hours).toBe('草稿中的秘密时间');
      expect(one.body.data.history.at(-1)).toMatchObject({
        kind: 'adjusted',
        changes: ['办理时间'],
      });
    });

    it('keeps a withdrawn item as it was: no edit, no second withdrawal', async () => {
      await asStaff(app.http, coordinator)('put', `/disclosure/service-items/${radio}`)
        .send(completeGuide('改名', divisions.other))
        .expect(400);
      const again = await asStaff(app.http, coordinator)(
        'post',
        `/disclosure/service-items/${radio}/withdraw`
      )
        .send({ kind: 'cancelled', date: '2018-07-01', authority: '省政府' })
        .expect(400);
      expect(again.body.error.message).toContain('already withdrawn on 2018-06-15');
      const missing = await asStaff(app.http, coordinator)(
        'post',
        `/disclosure/service-items/${permit}/withdraw`
      )
        .send({ kind: 'cancelled', date: '2018-07-01' })
        .expect(400);
      expect(missing.body.error.details.key).toBe('authority');
    });
  });
});
