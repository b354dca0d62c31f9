import request from 'supertest';
import {
  DISCLOSURE_ACTIONS as ACTIONS,
  DISCLOSURE_ROLES as ROLES,
  disclosureService,
} from 'strapi-plugin-gov-disclosure/sdk';
import { staffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the disclosure plugin', () => {
  // Strapi skips a local plugin whose server entry fails to load without a word (strapi-notes §1.2).
  it('is loaded from the compiled server code', () => {
    const plugin = app.strapi.plugin('disclosure');
    expect(plugin).toBeDefined();
    expect(typeof plugin.service('workflow').describe).toBe('function');
  });

  it('serves its workflow description to signed-in admins only', async () => {
    await request(app.http).get('/disclosure/workflow').expect(401);
    const admin = await staffLogin(app.strapi, app.http, {
      email: 'coordinator@test.gov.cn',
      role: 'strapi-super-admin',
    });
    const response = await request(app.http)
      .get('/disclosure/workflow')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(response.body.data.states.map((s: { label: string }) => s.label)).toEqual([
      '草稿',
      '待审核',
      '待保密审查',
      '可发布',
      '已发布',
      '不予公开',
    ]);
  });

  it('labels the fields in Chinese in the Content Manager and shows 索引号 read-only', async () => {
    const admin = await staffLogin(app.strapi, app.http, {
      email: 'labels@test.gov.cn',
      role: 'strapi-super-admin',
    });
    const response = await request(app.http)
      .get('/content-manager/content-types/api::article.article/configuration')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    const { contentType, components } = response.body.data;
    expect(contentType.metadatas.title.edit.label).toBe('标题');
    expect(contentType.metadatas.column.list.label).toBe('栏目');
    const metadata = components['disclosure.metadata'].metadatas;
    expect(metadata.indexNumber.edit).toMatchObject({ label: '索引号', editable: false });
    expect(metadata.disclosureMode.edit.label).toBe('公开方式');
  });
});

describe('the workflow roles of a database created before an action existed', () => {
  const later = [
    ACTIONS.manageServiceItems,
    ACTIONS.handleServiceCases,
    ACTIONS.handleProposals,
    ACTIONS.assignProposals,
    ACTIONS.handleInquiries,
    ACTIONS.assignInquiries,
    ACTIONS.manageConsultations,
    ACTIONS.readMonitor,
    ACTIONS.managePrescreen,
  ];
  const store = () => app.strapi.store({ type: 'plugin', name: 'disclosure' });
  const actionsOf = async (code: string): Promise<string[]> => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    const permissions = (await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id } })) as Array<{ action: string }>;
    return permissions.map((permission) => permission.action);
  };
  const removeFromCoordinator = async (action: string) => {
    const role = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: ROLES.coordinator } });
    await app.strapi.db.query('admin::permission').deleteMany({ where: { role: role.id, action } });
  };

  it('get each later action once at start-up, and a coordinator who removes it keeps it removed', async () => {
    // As an older version left it: roles seeded, the later actions never offered nor granted.
    for (const action of later) await removeFromCoordinator(action);
    await store().set({ key: 'roles-later-actions', value: [] });
    expect(await actionsOf(ROLES.coordinator)).not.toContain(ACTIONS.assignProposals);

    await disclosureService(app.strapi, 'roles').ensureWorkflowRoles();
    expect(await actionsOf(ROLES.coordinator)).toEqual(expect.arrayContaining(later));
    expect(await actionsOf(ROLES.editor)).toContain(ACTIONS.handleServiceCases);
    expect(await actionsOf(ROLES.editor)).not.toContain(ACTIONS.assignProposals);

    // The coordinator takes the right away in Settings › Roles: the next start leaves it so.
    await removeFromCoordinator(ACTIONS.assignProposals);
    await disclosureService(app.strapi, 'roles').ensureWorkflowRoles();
    expect(await actionsOf(ROLES.coordinator)).not.toContain(ACTIONS.assignProposals);
  });
});

describe('the workflow roles of a database created before a content type existed', () => {
  const REPORT = 'api::website-report.website-report';
  const PUBLISH = 'plugin::content-manager.explorer.publish';
  const store = () => app.strapi.store({ type: 'plugin', name: 'disclosure' });
  const roleId = async (code: string): Promise<number> =>
    (await app.strapi.db.query('admin::role').findOne({ where: { code } })).id;
  const rightsOn = async (code: string, subject: string) =>
    (
      (await app.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: await roleId(code), subject } })) as Array<{
        action: string;
        conditions: string[];
      }>
    ).map((permission) => permission.action);
  const forgetType = async (subject: string) => {
    for (const code of Object.values(ROLES)) {
      await app.strapi.db
        .query('admin::permission')
        .deleteMany({ where: { role: await roleId(code), subject } });
    }
  };

  it('get a new type’s Content Manager rights once, and rights taken away stay away', async () => {
    // As an older version left it: no right on the website report, and no record of types offered.
    await forgetType(REPORT);
    await store().delete({ key: 'roles-content-types' });
    expect(await rightsOn(ROLES.coordinator, REPORT)).toEqual([]);

    await disclosureService(app.strapi, 'roles').ensureWorkflowRoles();
    expect(await rightsOn(ROLES.coordinator, REPORT)).toEqual(
      expect.arrayContaining([PUBLISH, 'plugin::content-manager.explorer.update'])
    );
    expect(await rightsOn(ROLES.confidentialityReviewer, REPORT)).toEqual([
      'plugin::content-manager.explorer.read',
    ]);
    // Types the roles already had rights on are not granted again.
    expect(await store().get({ key: 'roles-content-types' })).toEqual(
      expect.arrayContaining([REPORT, 'api::article.article'])
    );

    // The coordinator takes the publish right away from their role: the next start leaves it so.
    await app.strapi.db.query('admin::permission').deleteMany({
      where: { role: await roleId(ROLES.coordinator), subject: REPORT, action: PUBLISH },
    });
    await disclosureService(app.strapi, 'roles').ensureWorkflowRoles();
    expect(await rightsOn(ROLES.coordinator, REPORT)).not.toContain(PUBLISH);
  });
});
