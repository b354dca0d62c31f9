import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const ADMIN = { email: 'admin@demo.gov.cn', password: 'Demo2018!Disclosure' };
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer({
    DEMO_SEED: 'true',
    DEMO_ADMIN_EMAIL: ADMIN.email,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
  });
  browser = await launchChromium();
  // A new context has empty localStorage: a first visit, as a new member of staff sees it.
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin panel, first visit', () => {
  it('greets a new user in 简体中文 even from an English browser', async () => {
    await page.goto(`${server.url}/admin`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expectVisibleText(page, '欢迎使用Strapi!');
    await page.screenshot({ path: path.join(SHOTS, 'login.png') });
  });

  it('lets the documented demo admin log in and see the catalogue types', async () => {
    await page.getByLabel('电子邮件').fill(ADMIN.email);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/)?$/);
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::column.column`, {
      waitUntil: 'networkidle',
    });
    // The content types by their Chinese names (docs/decisions/0032-admin-in-chinese.md).
    for (const type of ['栏目', '信息', '政策文件', '处室']) {
      await page.getByRole('link', { name: type, exact: true }).first().waitFor();
    }
    await expectVisibleText(page, '政务公开');
  });

  it('lists the demo items of a column in the Content Manager, in zh-Hans by default', async () => {
    // The source year has hundreds of routine items: find a written one with the list's search.
    const search = encodeURIComponent('中小企业服务月活动');
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&_q=${search}`,
      { waitUntil: 'networkidle' }
    );
    await expectVisibleText(page, '中小企业服务月活动启动');
    await expectVisibleText(page, '简体中文 (zh-Hans)');
    await page.screenshot({ path: path.join(SHOTS, 'articles.png') });
  });
});

async function expectVisibleText(target: Page, text: string): Promise<void> {
  await target
    .getByText(text, { exact: false })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
}
