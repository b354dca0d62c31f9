import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');
const TITLE = '关于开展2018年工业节能监察的通知';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // The demo brings the bureau's staff: an editor and a head per division, a 保密审查员.
  server = await startServer({
    DEMO_SEED: 'true',
    DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
    DEMO_ADMIN_PASSWORD: PASSWORD,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh browser session, signed in on the admin's login page. */
const signIn = (email: string): Promise<Page> =>
  signInAdmin(browser, server.url, { email, password: PASSWORD, width: 1400 });

const stateBadge = (page: Page, label: string) =>
  page.getByTestId('review-state').filter({ hasText: label }).waitFor({ timeout: 20_000 });

async function createDraft(page: Page, title: string): Promise<string> {
  await page.goto(
    `${server.url}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=zh-Hans`,
    { waitUntil: 'networkidle' }
  );
  await page.getByLabel('标题').fill(title);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/api::article\.article\/(?!create)[a-z0-9]+/);
  return page.url();
}

describe('the publishing review in the admin panel', () => {
  let itemUrl: string;

  it('lets an editor create an item and submit it for review', async () => {
    const editor = await signIn('editor.bgs@demo.gov.cn');
    itemUrl = await createDraft(editor, TITLE);
    await stateBadge(editor, '草稿');
    await editor.getByTestId('review-step-submit').click();
    await stateBadge(editor, '待审核');
    await editor.screenshot({ path: path.join(SHOTS, 'panel-submitted.png') });
  });

  it("puts it in the division head's queue (审核任务), who approves it", async () => {
    const head = await signIn('head.bgs@demo.gov.cn');
    await head.goto(`${server.url}/admin/plugins/disclosure`, { waitUntil: 'networkidle' });
    await head.getByRole('link', { name: TITLE }).waitFor();
    await head.screenshot({ path: path.join(SHOTS, 'queue-division-head.png') });
    await head.getByRole('link', { name: TITLE }).click();
    await head.getByTestId('review-step-approve').click();
    await stateBadge(head, '待保密审查');
  });

  it('lets the confidentiality reviewer clear it', async () => {
    const secrecy = await signIn('secrecy@demo.gov.cn');
    await secrecy.goto(itemUrl, { waitUntil: 'networkidle' });
    await expectNoButton(secrecy, 'review-step-approve');
    await secrecy.getByTestId('review-step-clear').click();
    await stateBadge(secrecy, '可发布');
  });

  it('lets the editor publish it, and the website shows it with its 索引号', async () => {
    const editor = await signIn('editor.bgs@demo.gov.cn');
    await editor.goto(itemUrl, { waitUntil: 'networkidle' });
    await editor.getByTestId('review-step-publish').click();
    await stateBadge(editor, '已发布');
    await editor.getByTestId('review-index-number').waitFor();
    await editor.screenshot({ path: path.join(SHOTS, 'panel-published.png') });

    const documentId = itemUrl.match(/api::article\.article\/([a-z0-9]+)/)![1];
    const response = await fetch(
      `${server.url}/api/articles/${documentId}?populate[metadata]=true`
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { title: string; metadata: { indexNumber: string } };
    };
    expect(data.title).toBe(TITLE);
    expect(data.metadata.indexNumber).toMatch(/^11210100MB0000000X\/\d{4}-\d{5}$/);
  });

  it("shows the gate's reason when someone publishes an uncleared item with the Content Manager's button", async () => {
    const editor = await signIn('editor.bgs@demo.gov.cn');
    await createDraft(editor, '未经审核直接发布的稿件');
    await editor.getByRole('button', { name: '发布', exact: true }).first().click();
    await editor
      .getByText('cannot be published: it is 草稿 (draft)', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    await editor.screenshot({ path: path.join(SHOTS, 'publish-refused.png') });
    const list = await fetch(
      `${server.url}/api/articles?filters[title][$eq]=未经审核直接发布的稿件`
    );
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });
});

async function expectNoButton(page: Page, testId: string): Promise<void> {
  await page.getByTestId('review-step-clear').waitFor();
  expect(await page.getByTestId(testId).count()).toBe(0);
}
