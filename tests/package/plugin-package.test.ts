/**
 * The plugin as another bureau gets it: `npm pack` of src/plugins/disclosure, installed into a bare
 * Strapi 5.54 app with one collection type of its own (tests/package/host-app.ts), configured to
 * review that type, booted once on a fresh database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres) and driven over HTTP by admin users holding the plugin's roles.
 */
import { builtinModules } from 'module';
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import type { Server } from 'http';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { staffLogin, type StaffLogin } from '../helpers/admin-login';
import { createHostApp, packPlugin, PACKAGE_NAME, type PackedPlugin } from './host-app';

const NOTICE = 'api::notice.notice';
const ORG_CODE = '11210100MB0000000X';

let workDir: string;
let hostDir: string;
let packed: PackedPlugin;
let database: TestDatabase;
let strapi: Core.Strapi;
let http: Server;
/** One admin user per workflow role, none in a division (the bare app has no division type). */
let staff: Record<'editor' | 'head' | 'secrecy' | 'coordinator', StaffLogin>;

beforeAll(async () => {
  // Named by tests/package/global-setup.js, where tests/package/resolver.js looks for the plugin.
  hostDir = process.env.DISCLOSURE_HOST_APP!;
  workDir = path.dirname(hostDir);
  fs.mkdirSync(workDir, { recursive: true });
  packed = packPlugin(workDir);
  createHostApp(hostDir, packed.tarball);
  database = await createTestDatabase();
  Object.assign(process.env, database.env, { NODE_ENV: 'test', LOG_LEVEL: 'error' });
  const instance = createStrapi({
    appDir: hostDir,
    distDir: hostDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  try {
    strapi = await instance.load();
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    throw error;
  }
  strapi.server.mount();
  http = strapi.server.httpServer;
  const login = (name: string, role: string) =>
    staffLogin(strapi, http, { email: `${name}@bureau.test`, role });
  staff = {
    editor: await login('editor', 'disclosure-editor'),
    head: await login('head', 'disclosure-division-reviewer'),
    secrecy: await login('secrecy', 'disclosure-confidentiality-reviewer'),
    coordinator: await login('coordinator', 'disclosure-coordinator'),
  };
});

afterAll(async () => {
  if (strapi) {
    // Strapi finishes some bookkeeping unawaited after a user is created (tests/helpers/strapi.ts).
    await new Promise((resolve) => setTimeout(resolve, 250));
    await strapi.destroy();
  }
  if (database) await database.drop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const auth = (login: StaffLogin) => ({ Authorization: `Bearer ${login.token}` });

/** A draft notice, written by the editor in the Content Manager; its documentId. */
async function draftNotice(title: string): Promise<string> {
  const created = await request(http)
    .post(`/content-manager/collection-types/${NOTICE}`)
    .set(auth(staff.editor))
    .send({ title, body: '全文', metadata: {} })
    .expect(201);
  return created.body.data.documentId as string;
}

/** The plugin's admin API as one user: a review step, answered with its status and body. */
async function step(login: StaffLogin, action: string, documentId: string) {
  return request(http)
    .post(`/disclosure/reviews/${action}`)
    .set(auth(login))
    .send({ contentType: NOTICE, documentId, locale: 'en' });
}

describe('the packed plugin', () => {
  it('holds the built server, admin and SDK, and none of the TypeScript sources or tests', () => {
    const files = packed.files;
    for (const file of [
      'package.json',
      'README.md',
      'dist/server/index.js',
      'dist/server/index.mjs',
      'dist/server/src/sdk.d.ts',
      'dist/admin/index.js',
      'dist/admin/index.mjs',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((file) => /\.test\./.test(file))).toEqual([]);
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual([
      'README.md',
      'package.json',
    ]);
  });

  it('declares every package its built code imports, and never @strapi/strapi as its own', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(hostDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')
    ) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const imported = new Set<string>();
    const distDir = path.join(hostDir, 'node_modules', PACKAGE_NAME, 'dist');
    const scan = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(file);
        else if (/\.m?js$/.test(entry.name)) {
          const code = fs.readFileSync(file, 'utf8');
          for (const match of code.matchAll(/(?:require\(|from |import\()"([^".][^"]*)"/g)) {
            const [first, second] = match[1].split('/');
            imported.add(first.startsWith('@') ? `${first}/${second}` : first);
          }
        }
      }
    };
    scan(distDir);
    const builtins = new Set(builtinModules);
    const undeclared = [...imported].filter(
      (name) => !declared.has(name) && !builtins.has(name.replace(/^node:/, ''))
    );
    expect(imported).toContain('@strapi/utils');
    expect(imported).toContain('react-intl');
    expect(undeclared).toEqual([]);
    expect(manifest.dependencies).not.toHaveProperty('@strapi/strapi');
    expect(manifest.devDependencies ?? {}).not.toHaveProperty('@strapi/strapi');
  });
});

describe('a bare Strapi app with the plugin installed from the tarball', () => {
  it('loads the plugin from node_modules, reviewing only the type it was configured with', async () => {
    expect(strapi.plugin('disclosure')).toBeDefined();
    const enabled = strapi.config.get('enabledPlugins') as Record<string, { pathToPlugin: string }>;
    expect(fs.realpathSync(enabled.disclosure.pathToPlugin)).toBe(
      fs.realpathSync(path.join(hostDir, 'node_modules', PACKAGE_NAME))
    );
    await request(http).get('/disclosure/workflow').expect(401);
    const response = await request(http)
      .get('/disclosure/workflow')
      .set(auth(staff.coordinator))
      .expect(200);
    expect(response.body.data.contentTypes).toEqual([NOTICE]);
  });

  it('serves the queue and the staff divisions in an app that has no division type', async () => {
    const queue = await request(http)
      .get('/disclosure/queue')
      .set(auth(staff.coordinator))
      .expect(200);
    expect(queue.body.meta.departments).toEqual([]);
    const divisions = await request(http)
      .get('/disclosure/staff')
      .set(auth(staff.coordinator))
      .expect(200);
    expect(divisions.body.data.departments).toEqual([]);
    const refused = await request(http)
      .put(`/disclosure/staff/${staff.editor.id}`)
      .set(auth(staff.coordinator))
      .send({ department: 'no-such-division' })
      .expect(400);
    expect(refused.body.error.message).toBe('No division (处室) with documentId no-such-division.');
  });

  it('refuses to publish a notice nobody reviewed, through the Content Manager and through code', async () => {
    const documentId = await draftNotice('关于开展节能监察的通知');
    const refused = await request(http)
      .post(`/content-manager/collection-types/${NOTICE}/${documentId}/actions/publish`)
      .set(auth(staff.editor))
      .send({})
      .expect(400);
    expect(refused.body.error.message).toContain('cannot be published: it is 草稿 (draft)');

    await expect(
      strapi.documents(NOTICE).create({ data: { title: '直接发布' }, status: 'published' })
    ).rejects.toThrow('Create it as a draft');
    expect(await strapi.documents(NOTICE).findOne({ documentId, status: 'published' })).toBeNull();
    expect(await strapi.documents(NOTICE).count({ status: 'published' })).toBe(0);
  });

  it('publishes a notice after submit → approve → clear, with its 索引号, and counts the steps', async () => {
    const { editor, head, secrecy, coordinator } = staff;
    const documentId = await draftNotice('关于2026年度政府信息公开工作的通知');

    expect((await step(editor, 'submit', documentId)).body.data?.state).toBe('submitted');
    // Four eyes: the submitter cannot approve their own notice, whatever their roles.
    expect((await step(editor, 'approve', documentId)).status).toBe(403);
    expect((await step(head, 'approve', documentId)).body.data?.state).toBe('division_approved');
    expect((await step(secrecy, 'clear', documentId)).body.data?.state).toBe('cleared');
    const published = await step(editor, 'publish', documentId);
    expect(published.status).toBe(200);
    expect(published.body.data.state).toBe('published');

    const year = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(
        new Date()
      )
    );
    const indexNumber = `${ORG_CODE}/${year}-00001`;
    const record = await request(http)
      .get(`/disclosure/reviews/${NOTICE}/${documentId}?locale=en`)
      .set(auth(coordinator))
      .expect(200);
    expect(record.body.data.indexNumber).toBe(indexNumber);
    const notice = (await strapi.documents(NOTICE).findOne({
      documentId,
      status: 'published',
      populate: { metadata: true },
    })) as { metadata?: { indexNumber?: string } } | null;
    expect(notice?.metadata?.indexNumber).toBe(indexNumber);

    const statistics = await request(http)
      .get(`/disclosure/statistics?year=${year}`)
      .set(auth(coordinator))
      .expect(200);
    expect(statistics.body.data.year).toBe(year);
    const steps = Object.fromEntries(
      (statistics.body.data.sections.reviews.steps as Array<{ key: string; value: number }>).map(
        ({ key, value }) => [key, value]
      )
    );
    expect(steps).toMatchObject({
      'reviews.step:submit': 1,
      'reviews.step:approve': 1,
      'reviews.step:clear': 1,
      'reviews.step:publish': 1,
    });
  });
});
