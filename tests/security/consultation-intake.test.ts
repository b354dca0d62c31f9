/**
 * The website's comments on consultations pass the intake guard like every public intake: each
 * attempt counts against the client's budget, one over it is refused with 429 and Retry-After
 * before anything is stored, and the comments accepted before are kept. A consultation this
 * process did not create (another app node did, after this one started) is guarded from its first
 * comment on.
 */
import request from 'supertest';
import { commentBody, consultation, postComment, publicPath } from '../helpers/consultations';
import { reviewAndPublish } from '../helpers/review';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const COMMENTS = 'plugin::disclosure.consultation-comment';
const commentsOn = ({ id }: Opened) =>
  app.strapi.db.query(COMMENTS).count({ where: { consultationId: id } });

/** A consultation: its row id (staff's) and its public id (the website's). */
interface Opened {
  id: number;
  documentId: string;
}

/**
 * A consultation announced by the coordinator and published through the whole review; created
 * through the service, or (`elsewhere`) written straight to the table, as another app node would
 * have created it: then this process never registered its comments' path.
 */
async function openConsultation(title: string, elsewhere = false): Promise<Opened> {
  const service = (name: string) => app.strapi.plugin('disclosure').service(name);
  const coordinator = { id: 1, firstname: 'coordinator', division: null };
  const steps = service('consultation-steps');
  const { id, documentId } = elsewhere
    ? await app.strapi.db.query('plugin::disclosure.consultation').create({
        data: {
          ...consultation({ title }),
          division: 'BGS',
          units: [{ anchor: 'art-1', label: '第一条', text: '第一条 本办法自发布之日起施行。' }],
          state: 'draft',
          commentCount: 0,
        },
      })
    : await steps.create({ ...consultation({ title }), division: 'BGS' }, coordinator);
  // Without the right to submit, the announcement waits as a draft for the review.
  await steps.announce(id, coordinator, { can: () => false });
  const { announcement } = await service('consultations').find(id);
  await reviewAndPublish(app.strapi, announcement.contentType, announcement.documentId);
  return { id, documentId };
}

beforeAll(async () => {
  app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '2' } });
  await app.strapi.documents('api::department.department').create({
    data: { name: '办公室', code: 'BGS' },
    status: 'published',
  } as never);
});

afterAll(async () => {
  if (app) await stopApp(app);
});

it('answers 429 past the limit, keeping the comments accepted, also on a consultation another node created', async () => {
  const guarded = await openConsultation('示范市工业园区管理办法（征求意见稿）');
  const other = await openConsultation('示范市工业设计中心认定办法（征求意见稿）', true);
  await postComment(app.http, guarded.documentId, commentBody()).expect(201);
  await postComment(app.http, other.documentId, commentBody({ anchor: 'art-1' })).expect(201);
  for (const { documentId } of [other, guarded]) {
    const refused = await postComment(
      app.http,
      documentId,
      commentBody({ text: '第三次提交' })
    ).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toContain('Requests already accepted are kept');
  }
  expect(await commentsOn(guarded)).toBe(1);
  expect(await commentsOn(other)).toBe(1);
  const shown = await request(app.http).get(publicPath(guarded.documentId)).expect(200);
  expect(shown.body.data.commentsReceived).toBe(1);
});
