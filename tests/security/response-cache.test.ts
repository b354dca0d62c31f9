/**
 * The response cache must never become a way around the content API's guards: never-published
 * text is never served from it whoever filled it, a token refused by Strapi is refused before a
 * hit, a full-access or custom token's reads are neither stored nor served, and a change of what
 * the Public role may read is honoured at once.
 */
import request from 'supertest';
import { createApiToken, createPublished } from '../helpers/content';
import {
  NEVER_PUBLISHED,
  PUBLIC_COLLECTIONS,
  seedNeverPublished,
  type TypeFixture,
} from '../helpers/never-published';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const LEADER = 'api::leader.leader';

let app: TestApp;
let fixtures: Record<string, TypeFixture>;

beforeAll(async () => {
  app = await bootApp();
  fixtures = await seedNeverPublished(app.strapi);
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const get = (url: string, token?: string) => {
  const call = request(app.http).get(url);
  if (token) call.set('Authorization', `Bearer ${token}`);
  return call;
};

/** A token as an administrator creates it; returns its id and the secret. */
async function token(
  type: 'read-only' | 'full-access' | 'custom',
  extra: Record<string, unknown> = {}
): Promise<{ id: number; secret: string }> {
  const created = await app.strapi.service('admin::api-token').create({
    name: `${type} ${Math.random().toString(36).slice(2)}`,
    description: '',
    type,
    lifespan: null,
    ...(type === 'custom' ? { permissions: ['api::article.article.find'] } : {}),
    ...extra,
  });
  return { id: created.id as number, secret: created.accessKey as string };
}

describe('never-published text', () => {
  it('is not served from the cache after a full-access token read drafts on the same URLs', async () => {
    const fullAccess = await createApiToken(app.strapi, 'full-access');
    for (const type of PUBLIC_COLLECTIONS) {
      const { never, published } = fixtures[type.path];
      for (const url of [
        `/api/${type.path}?status=draft`,
        `/api/${type.path}`,
        `/api/${type.path}?locale=en&status=draft`,
        `/api/${type.path}/${never}?status=draft`,
        `/api/${type.path}/${published}?status=draft`,
      ]) {
        const trusted = await get(url, fullAccess);
        expect(trusted.headers['x-cache']).toBeUndefined();
        // The token filled nothing: the public's first read is not a hit, nor any read a draft.
        const first = await get(url);
        expect(first.headers['x-cache']).not.toBe('HIT');
        const second = await get(url);
        for (const answer of [first, second]) expect(answer.text).not.toContain(NEVER_PUBLISHED);
      }
    }
  });

  it('stays out of every cached answer, read by the public and by a read-only token', async () => {
    const readOnly = await createApiToken(app.strapi, 'read-only');
    for (const type of PUBLIC_COLLECTIONS) {
      const { published } = fixtures[type.path];
      for (const url of [
        `/api/${type.path}?populate=*`,
        `/api/${type.path}?locale=en`,
        `/api/${type.path}/${published}?populate=*`,
        `/api/${type.path}/${published}?locale=en`,
      ]) {
        for (const viewer of [undefined, readOnly]) {
          const miss = await get(url, viewer);
          const hit = await get(url, viewer);
          expect(hit.text).toBe(miss.text);
          expect(hit.text).not.toContain(NEVER_PUBLISHED);
          if (miss.status === 200) expect(hit.headers['x-cache']).toBe('HIT');
          else expect(hit.headers['x-cache']).toBeUndefined();
        }
      }
    }
  });

  it('does not appear when a pending edit is saved over a cached published item', async () => {
    const { published, publishedText } = fixtures.articles;
    const url = `/api/articles/${published}`;
    await get(url);
    await app.strapi.documents('api::article.article').update({
      documentId: published,
      locale: 'zh-Hans',
      data: { title: `${NEVER_PUBLISHED}-LATER-EDIT` } as never,
    });
    const answer = await get(url);
    expect(answer.headers['x-cache']).toBe('HIT');
    expect(answer.body.data.title).toBe(publishedText);
  });
});

describe('tokens', () => {
  const URL = '/api/leaders?fields[0]=name';

  it('refuses a read-only token revoked after a hit', async () => {
    const { id, secret } = await token('read-only');
    await get(URL, secret).expect(200);
    expect((await get(URL, secret)).headers['x-cache']).toBe('HIT');
    await app.strapi.service('admin::api-token').revoke(id);
    const refused = await get(URL, secret);
    expect(refused.status).toBe(401);
    expect(refused.headers['x-cache']).toBeUndefined();
    expect(refused.text).not.toContain('公开-LEADERS');
  });

  it('refuses an expired read-only token, even for an answer another token filled', async () => {
    const filler = await token('read-only');
    await get(URL, filler.secret);
    expect((await get(URL, filler.secret)).headers['x-cache']).toBe('HIT');
    const expiring = await token('read-only', { lifespan: 7 * 24 * 3600 * 1000 });
    await app.strapi.db
      .query('admin::api-token')
      .update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await get(URL, expiring.secret);
    expect(refused.status).toBe(401);
    expect(refused.headers['x-cache']).toBeUndefined();
  });

  it('never stores or serves a full-access or custom token read', async () => {
    const fullAccess = await token('full-access');
    const custom = await token('custom');
    for (const secret of [fullAccess.secret, custom.secret]) {
      const url = '/api/articles?fields[0]=title';
      const first = await get(url, secret);
      const second = await get(url, secret);
      for (const answer of [first, second]) {
        expect(answer.headers['x-cache']).toBeUndefined();
        expect(answer.headers['cache-control']).toBe('private, no-store');
      }
    }
  });

  it('stops serving a read-only token from the cache once it becomes full-access', async () => {
    const { id, secret } = await token('read-only');
    await get(URL, secret);
    expect((await get(URL, secret)).headers['x-cache']).toBe('HIT');
    await app.strapi.service('admin::api-token').update(id, { type: 'full-access' });
    const answer = await get(URL, secret);
    expect(answer.status).toBe(200);
    expect(answer.headers['x-cache']).toBeUndefined();
  });

  it('serves an answer a token filled to the public only after the public read it itself', async () => {
    const { secret } = await token('read-only');
    const url = '/api/departments?fields[0]=name&sort=name';
    expect((await get(url, secret)).headers['x-cache']).toBe('MISS');
    expect((await get(url)).headers['x-cache']).toBe('MISS');
  });
});

describe('the Public role', () => {
  it('loses a type at once when its permission is taken away, cached or not', async () => {
    await createPublished(app.strapi, LEADER, { name: '赵局长', title: '局长', sortOrder: 9 });
    const url = '/api/leaders';
    await get(url).expect(200);
    expect((await get(url)).headers['x-cache']).toBe('HIT');
    const permission = await app.strapi.db.query('plugin::users-permissions.permission').findOne({
      where: { action: `${LEADER}.find`, role: { type: 'public' } },
    });
    await app.strapi.db
      .query('plugin::users-permissions.permission')
      .delete({ where: { id: permission.id } });
    const refused = await get(url);
    expect(refused.status).toBe(403);
    expect(refused.headers['x-cache']).toBeUndefined();
    expect(refused.text).not.toContain('赵局长');
  });
});
