/**
 * The demo's consultation of 2018 (调查征集): 《示范市促进中小企业发展若干措施（征求意见稿）》 of
 * 中小企业处, its announcement and summary published through the review in 2018, eight comments
 * anchored to its articles with their adoption decisions, what the website sees, and the figures
 * of 2018 that follow.
 */
import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};

let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ env: DEMO_ENV });
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the demo’s consultation of 2018', () => {
  it('is listed for the website, closed, with its eight comments counted and its summary', async () => {
    const list = await request(app.http).get('/api/disclosure/consultations').expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        title: '示范市促进中小企业发展若干措施（征求意见稿）',
        divisionName: '中小企业处',
        opensOn: '2018-05-02',
        closesOn: '2018-05-31',
        status: 'closed',
        commentsReceived: 8,
        hasSummary: true,
      }),
    ]);
    // Named by its public id (random), never by the row's id.
    const [row] = (await app.strapi.db
      .query('plugin::disclosure.consultation')
      .findMany({})) as Array<{ id: number; documentId: string }>;
    expect(list.body.data[0].documentId).toBe(row.documentId);
    expect(row.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(list.body.data[0]).not.toHaveProperty('id');
    await request(app.http).get(`/api/disclosure/consultations/${row.id}`).expect(404);
    const shown = await request(app.http)
      .get(`/api/disclosure/consultations/${row.documentId}`)
      .expect(200);
    expect(shown.body.data).not.toHaveProperty('id');
    expect(shown.body.data.units.map((unit: { anchor: string }) => unit.anchor)).toEqual([
      'preamble',
      'art-1',
      'art-2',
      'art-3',
      'art-4',
      'art-5',
      'art-6',
    ]);
    // Six of the eight were moderated to be shown; no name, no contact.
    expect(shown.body.data.comments).toHaveLength(6);
    const text = JSON.stringify(shown.body);
    expect(text).not.toContain('赵刚');
    expect(text).not.toContain('13900000');
    expect(text).not.toContain('取消单个项目200万元的补助上限');
    expect(shown.body.data.summary).toMatchObject({ publishedOn: '2018-06-15' });
    expect(shown.body.data.summary.text).toContain('共收到意见8条');
    expect(shown.body.data.summary.text).toContain('采纳5条，部分采纳1条，未采纳2条');
    expect(shown.body.data.summary.text).toContain('一、关于第一条');
  });

  it('published its announcement and summary as items of 调查征集 dated 2018', async () => {
    const [row] = (await app.strapi.db
      .query('plugin::disclosure.consultation')
      .findMany({})) as Array<{
      announcement: { documentId: string };
      summary: { article: { documentId: string } };
    }>;
    for (const documentId of [row.announcement.documentId, row.summary.article.documentId]) {
      const item = await app.strapi.documents('api::article.article').findOne({
        documentId,
        locale: 'zh-Hans',
        status: 'published',
        populate: ['column', 'metadata'],
      });
      expect(item).toMatchObject({
        column: { code: 'surveys' },
        metadata: { indexNumber: expect.stringMatching(/\/2018-\d{5}$/) },
      });
      expect(String(item!.publishedAt)).toMatch(/^2018-/);
    }
  });

  it('gives the figures of 2018: held 1, comments 8, results published 1', async () => {
    // Public figures: an API token reads them as the office does.
    const statistics = await disclosureService(app.strapi, 'statistics').yearly(
      2018,
      'zh-Hans',
      ['consultations'],
      'public'
    );
    expect(statistics.sections.consultations).toMatchObject({
      held: { key: 'consultations.held', value: 1 },
      comments: { key: 'consultations.comments', value: 8 },
      resultsPublished: { key: 'consultations.resultsPublished', value: 1 },
    });
  });
});
