/**
 * The demo's source year of 建议提案办理 (domain.md §6): 9 suggestions and 8 proposals, all
 * replied in 2018 and rated 满意, each reply published as one item of 建议提案办理 dated 2018
 * through the whole review, and the yearly figures that follow.
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
  // The run's first boot with the demo seeds it (npm run bench:demo measures how long).
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
});

interface Row {
  id: number;
  kind: string;
  state: string;
  feedback: string;
  firstRepliedOn: string;
  lead: string;
  reply: { publication: { mode: string; item: { documentId: string } | null } };
}

describe('the demo’s suggestions and proposals of 2018', () => {
  it('has 9 suggestions and 8 proposals, all replied in 2018 and rated 满意', async () => {
    const rows = (await app.strapi.db.query('plugin::disclosure.proposal').findMany({})) as Row[];
    expect(rows.filter((row) => row.kind === 'deputy')).toHaveLength(9);
    expect(rows.filter((row) => row.kind === 'member')).toHaveLength(8);
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'closed', feedback: 'satisfied' });
      expect(String(row.firstRepliedOn)).toMatch(/^2018-/);
    }
    expect(new Set(rows.map((row) => row.lead)).size).toBeGreaterThan(3);
  });

  it('published each reply once as an item of 建议提案办理 dated 2018 (the gate lets nothing unreviewed through)', async () => {
    const rows = (await app.strapi.db.query('plugin::disclosure.proposal').findMany({})) as Row[];
    const ids = rows.map((row) => row.reply.publication.item!.documentId);
    expect(new Set(ids).size).toBe(17);
    for (const documentId of ids) {
      const item = await app.strapi.documents('api::article.article').findOne({
        documentId,
        locale: 'zh-Hans',
        status: 'published',
        populate: ['column', 'metadata'],
      });
      expect(item).toMatchObject({
        column: { code: 'suggestions-proposals' },
        metadata: { genre: 'reply', indexNumber: expect.stringMatching(/\/2018-\d{5}$/) },
      });
      expect(new Date(item!.publishedAt as string).getUTCFullYear()).toBe(2018);
    }
    const website = await request(app.http)
      .get('/api/articles?column=suggestions-proposals&pagination[pageSize]=100')
      .expect(200);
    const listed = website.body.data.map((item: { documentId: string }) => item.documentId);
    expect(listed).toEqual(expect.arrayContaining(ids));
  });

  it('gives the 2018 figures: 17 received (9 + 8), 17 closed, 满意率 100%', async () => {
    const statistics = await disclosureService(app.strapi, 'statistics').yearly(2018, 'zh-Hans', [
      'proposals',
    ]);
    const section = statistics.sections.proposals;
    expect(section).toMatchObject({
      received: { value: 17 },
      byType: { deputy: { value: 9 }, member: { value: 8 } },
      closed: { value: 17 },
      completionRate: 100,
      satisfactionRate: 100,
      published: { value: 17 },
    });
  });
});
