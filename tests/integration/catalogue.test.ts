import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

interface TreeNode {
  documentId: string;
  code: string;
  name: string;
  kind: string;
  sortOrder: number;
  updateClass: string;
  locale: string;
  children: TreeNode[];
}

const SUB_COLUMNS_ZH = [
  '政府信息公开指南',
  '政府信息公开制度',
  '机构职能',
  '领导之窗',
  '部门文件',
  '政策解读',
  '规划计划',
  '财政预决算',
  '行政执法公示',
  '建议提案办理',
  '依申请公开',
  '政府信息公开年报',
];

const getTree = async (app: TestApp, query = ''): Promise<TreeNode[]> => {
  const response = await request(app.http).get(`/api/columns/tree${query}`).expect(200);
  return response.body.data as TreeNode[];
};

const countColumns = (app: TestApp, locale: string) =>
  app.strapi.documents('api::column.column').count({ locale, status: 'published' });

describe('the seeded disclosure catalogue', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('serves the whole tree in one call, top columns and windows in sort order', async () => {
    const tree = await getTree(app);
    expect(tree.map((node) => node.name)).toEqual([
      '政务公开',
      '工作动态',
      '通知公告',
      '行政权力',
      '政策法规',
      '政府会议',
      '监督投诉',
      '企业服务热线',
      '调查征集',
    ]);
    expect(tree.slice(6).every((node) => node.kind === 'interaction_window')).toBe(true);
  });

  it('holds exactly the 12 sub-columns under 政务公开, in order', async () => {
    const [disclosure] = await getTree(app);
    expect(disclosure.code).toBe('government-disclosure');
    expect(disclosure.children.map((node) => node.name)).toEqual(SUB_COLUMNS_ZH);
    expect(disclosure.children.every((node) => node.kind === 'sub_column')).toBe(true);
    expect(disclosure.children.every((node) => node.children.length === 0)).toBe(true);
  });

  it('carries the update class the timeliness monitor needs', async () => {
    const tree = await getTree(app);
    const byCode = new Map(tree.map((node) => [node.code, node.updateClass]));
    expect(byCode.get('work-news')).toBe('news');
    expect(byCode.get('notices')).toBe('notice_policy');
    const guide = tree[0].children.find((node) => node.code === 'disclosure-guide');
    expect(guide?.updateClass).toBe('static');
  });

  it('serves the same tree in English with ?locale=en and the same document ids', async () => {
    const zh = await getTree(app, '?locale=zh-Hans');
    const en = await getTree(app, '?locale=en');
    expect(en[0].name).toBe('Government Information Disclosure');
    expect(en[0].children).toHaveLength(12);
    expect(en.every((node) => node.locale === 'en')).toBe(true);
    expect(en.map((node) => node.documentId)).toEqual(zh.map((node) => node.documentId));
  });

  it('answers an unknown locale with a 400 that lists the locales', async () => {
    const response = await request(app.http).get('/api/columns/tree?locale=fr').expect(400);
    expect(response.body.error.message).toBe(
      'Unknown locale "fr". Available locales: en, zh-Hans.'
    );
  });

  it('answers an unknown query parameter with a 400 that names it', async () => {
    const response = await request(app.http).get('/api/columns/tree?depth=2').expect(400);
    expect(response.body.error.message).toContain('"depth"');
  });

  it('serves the flat column list too, filterable by parent', async () => {
    const response = await request(app.http)
      .get('/api/columns?filters[parent][code][$eq]=government-disclosure&pagination[pageSize]=50')
      .expect(200);
    expect(response.body.meta.pagination.total).toBe(12);
  });

  it('leaves a column hidden from the website until it is published', async () => {
    const draft = await app.strapi.documents('api::column.column').create({
      locale: 'zh-Hans',
      data: {
        name: '草稿栏目',
        code: 'draft-column',
        kind: 'catalogue_column',
        sortOrder: 5,
        updateClass: 'static',
      },
    });
    const tree = await getTree(app);
    expect(tree.map((node) => node.code)).not.toContain('draft-column');
    await app.strapi
      .documents('api::column.column')
      .delete({ documentId: draft.documentId, locale: '*' });
  });
});

describe('seeding the catalogue across restarts', () => {
  it('never duplicates a column and keeps the coordinator’s edits and deletions', async () => {
    const first = await bootApp({ freshDatabase: true });
    let keepDatabase = true;
    try {
      expect(await countColumns(first, 'zh-Hans')).toBe(21);
      expect(await countColumns(first, 'en')).toBe(21);
      const columns = first.strapi.documents('api::column.column');
      const plans = await columns.findFirst({ filters: { code: 'plans' }, locale: 'zh-Hans' });
      const surveys = await columns.findFirst({ filters: { code: 'surveys' }, locale: 'zh-Hans' });
      await columns.update({
        documentId: plans!.documentId,
        locale: 'zh-Hans',
        data: { name: '规划与计划' } as never,
      });
      await columns.publish({ documentId: plans!.documentId, locale: 'zh-Hans' });
      await columns.delete({ documentId: surveys!.documentId, locale: '*' });
    } catch (error) {
      keepDatabase = false;
      throw error;
    } finally {
      await stopApp(first, { keepDatabase });
    }

    const second = await bootApp({ database: first.database });
    try {
      expect(await countColumns(second, 'zh-Hans')).toBe(20);
      expect(await countColumns(second, 'en')).toBe(20);
      const tree = await getTree(second);
      expect(tree.map((node) => node.code)).not.toContain('surveys');
      expect(tree[0].children.map((node) => node.name)).toContain('规划与计划');
      expect(tree[0].children).toHaveLength(12);
    } finally {
      await stopApp(second);
    }
  });
});
