/**
 * The confidentiality pre-screen in the review panel (decision 0030): the 保密审查员 sees a finding
 * with its place and masked excerpt, cannot clear before confirming it, confirms it (确认无碍) and
 * clears.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');
const TITLE = '关于召开节能座谈会的通知（联系人手机13812345678）';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
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

const signIn = (email: string): Promise<Page> =>
  signInAdmin(browser, server.url, { email, password: PASSWORD, width: 1400 });

const stateBadge = (page: Page, label: string) =>
  page.getByTestId('review-state').filter({ hasText: label }).waitFor({ timeout: 20_000 });

describe('the pre-screen in the publishing review panel', () => {
  let itemUrl: string;

  it('scans the item when the editor submits it', async () => {
    const editor = await signIn('editor.bgs@demo.gov.cn');
    await editor.goto(
      `${server.url}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=zh-Hans`,
      { waitUntil: 'networkidle' }
    );
    await editor.getByLabel('标题').fill(TITLE);
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL(/api::article\.article\/(?!create)[a-z0-9]+/);
    itemUrl = editor.url();
    await stateBadge(editor, '草稿');
    await editor.getByTestId('review-step-submit').click();
    await stateBadge(editor, '待审核');
    await editor.getByTestId('prescreen-open').filter({ hasText: '待确认 1 项' }).waitFor();
  });

  it('shows the 保密审查员 the finding, refuses clearing, and clears once it is confirmed', async () => {
    const head = await signIn('head.bgs@demo.gov.cn');
    await head.goto(itemUrl, { waitUntil: 'networkidle' });
    await head.getByTestId('review-step-approve').click();
    await stateBadge(head, '待保密审查');

    const secrecy = await signIn('secrecy@demo.gov.cn');
    await secrecy.goto(itemUrl, { waitUntil: 'networkidle' });
    const findings = secrecy.getByTestId('prescreen-findings');
    await findings.getByText('手机号码 · 标题').waitFor({ timeout: 20_000 });
    await findings.getByText('138****5678', { exact: false }).waitFor();
    expect(await findings.getByText('13812345678', { exact: false }).count()).toBe(0);
    await secrecy.screenshot({ path: path.join(SHOTS, 'prescreen-finding.png') });

    await secrecy.getByTestId('review-step-clear').click();
    await secrecy
      .getByText('are not confirmed as harmless', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    await stateBadge(secrecy, '待保密审查');

    await findings.getByRole('button', { name: '确认无碍' }).click();
    await findings.getByText('已确认无碍', { exact: false }).waitFor({ timeout: 20_000 });
    await secrecy.screenshot({ path: path.join(SHOTS, 'prescreen-confirmed.png') });
    await secrecy.getByTestId('review-step-clear').click();
    await stateBadge(secrecy, '可发布');
  });

  it('lets the coordinator add a sensitive word under Settings, which the next submission finds', async () => {
    const coordinator = await signIn('coordinator@demo.gov.cn');
    await coordinator.goto(`${server.url}/admin/settings/disclosure/prescreen-words`, {
      waitUntil: 'networkidle',
    });
    const words = coordinator.getByLabel('敏感词（每行一个）');
    // The list arrives after the page: wait until the default words are in the field.
    await coordinator.waitForFunction(
      `document.querySelector('textarea[name="sensitive-words"]')?.value.includes('涉密')`
    );
    await words.fill(`${await words.inputValue()}\n节能座谈`);
    await coordinator.getByRole('button', { name: '保存' }).click();
    await coordinator.getByText('已保存').first().waitFor({ timeout: 20_000 });
    await coordinator.screenshot({ path: path.join(SHOTS, 'prescreen-words.png') });

    const editor = await signIn('editor.bgs@demo.gov.cn');
    await editor.goto(
      `${server.url}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=zh-Hans`,
      { waitUntil: 'networkidle' }
    );
    await editor.getByLabel('标题').fill('关于召开第二次节能座谈会的通知');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL(/api::article\.article\/(?!create)[a-z0-9]+/);
    await editor.getByTestId('review-step-submit').click();
    await stateBadge(editor, '待审核');
    await editor.getByTestId('prescreen-findings').getByText('敏感词 · 标题').waitFor();
  });
});
