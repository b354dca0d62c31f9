/**
 * 留言办理 in the admin panel, on the demo: the phone desk logs a call for a call-back and the
 * division answers it; a message from the website's 监督投诉 form is assigned, answered through
 * the 保密审查员, sent to the writer and published as a Q&A in 监督投诉 (the item then passes the
 * normal review). Every case step through the pages' own buttons and forms.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const PASSWORD = 'Demo2018!Disclosure';
const QUESTION = '工业企业上云服务券今年还能申领吗？';
const SUBJECT = '技术改造项目补助资金何时拨付';
const WRITER_PHONE = '13877776666';

let server: RunningServer;
let browser: Browser;

const signIn = (email: string): Promise<Page> =>
  signInAdmin(browser, server.url, { email, password: PASSWORD });

/** Opens an action's form, fills it, confirms; fails with the server's sentence if refused. */
async function act(
  page: Page,
  action: string,
  fill: (modal: ReturnType<Page['getByTestId']>) => Promise<void> = async () => undefined
) {
  await page.getByTestId(`inquiry-action-${action}`).click();
  const modal = page.getByTestId('action-modal');
  await modal.waitFor();
  await fill(modal);
  await submitForm(page, modal, action);
}

async function submitForm(page: Page, modal: ReturnType<Page['getByTestId']>, what: string) {
  await modal.getByTestId('form-submit').click();
  const refusal = modal.getByTestId('form-error');
  const result = await Promise.race([
    modal.waitFor({ state: 'detached', timeout: 20_000 }).then(
      () => null,
      () => 'the form did not close'
    ),
    refusal.waitFor({ timeout: 20_000 }).then(
      () => refusal.textContent(),
      () => null
    ),
  ]);
  if (result) throw new Error(`${what} was refused: ${result}`);
}

const stateOf = (page: Page, state: string) =>
  page.locator(`[data-testid="inquiry-state"][data-state="${state}"]`).waitFor();

async function login(email: string): Promise<string> {
  const response = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/** One step of the publishing review through the admin API, as a demo staff member. */
async function review(email: string, step: string, documentId: string) {
  const response = await fetch(`${server.url}/disclosure/reviews/${step}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await login(email)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ contentType: 'api::article.article', documentId, locale: 'zh-Hans' }),
  });
  if (response.status >= 300)
    throw new Error(`${step} → ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
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

describe('留言办理 in the admin panel', () => {
  let callUrl = '';
  let messageUrl = '';

  it('the phone desk logs a call for a call-back by 中小企业处', async () => {
    const page = await signIn('coordinator@demo.gov.cn');
    await page.getByRole('link', { name: '留言办理' }).click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/inquiries/);
    await page.getByTestId('inquiries-phone').click();
    const modal = page.getByTestId('phone-log');
    await modal.waitFor();
    await modal.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '专项资金' }).click();
    await modal.locator('textarea[name="question"]').fill(QUESTION);
    await modal.locator('input[name="callerPhone"]').fill('024-88886666');
    await modal.getByRole('combobox', { name: '回电处室' }).click();
    await page.getByRole('option', { name: '中小企业处' }).click();
    await submitForm(page, modal, 'the phone log');
    await page.waitForURL(/\/admin\/plugins\/disclosure\/inquiries\/\d+$/);
    callUrl = page.url();
    await stateOf(page, 'open');
    await page.getByText(QUESTION).first().waitFor();
    // Back in the list, the open call is the oldest open message (the demo's 2018 are answered).
    await page.goto(`${server.url}/admin/plugins/disclosure/inquiries`);
    await page
      .getByTestId('oldest-open')
      .getByText(/工业企业上云服务券/)
      .waitFor();
    await page.context().close();
  });

  it('中小企业处 answers the call-back: the call is closed', async () => {
    const page = await signIn('editor.zxqy@demo.gov.cn');
    await page.goto(callUrl);
    await page.getByText('024-88886666').waitFor();
    await act(page, 'answer', async (modal) => {
      await modal.locator('textarea[name="text"]').fill('已回电：服务券申领延续至年底。');
    });
    await stateOf(page, 'closed');
    await page
      .getByTestId('reply-text')
      .getByText(/延续至年底/)
      .waitFor();
    await page.context().close();
  });

  it('a message from the website is assigned to 投资与技术进步处 by the coordinator', async () => {
    const response = await fetch(`${server.url}/api/disclosure/inquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        channel: 'website',
        kind: 'consultation',
        category: 'funding',
        subject: SUBJECT,
        message: '我是示范机械厂的孙立，厂里的技术改造项目已验收，补助资金何时拨付？',
        name: '孙立',
        phone: WRITER_PHONE,
        publicConsent: true,
      }),
    });
    expect(response.status).toBe(201);
    const page = await signIn('coordinator@demo.gov.cn');
    await page.goto(`${server.url}/admin/plugins/disclosure/inquiries?channel=website`);
    await page.locator('[data-testid="inquiry-row"]', { hasText: SUBJECT }).click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/inquiries\/\d+$/);
    messageUrl = page.url();
    await act(page, 'assign', async (modal) => {
      await modal.getByRole('combobox', { name: '承办处室' }).click();
      await page.getByRole('option', { name: '投资与技术进步处' }).click();
    });
    await page.getByTestId('inquiry-case').getByText('投资与技术进步处').waitFor();
    await page.context().close();
  });

  it('the division drafts the reply, the 保密审查员 clears it, the division sends it', async () => {
    const editor = await signIn('editor.tzjs@demo.gov.cn');
    await editor.goto(messageUrl);
    await editor.getByText(WRITER_PHONE).waitFor();
    await act(editor, 'draft_reply', async (modal) => {
      await modal
        .locator('textarea[name="text"]')
        .fill('您好：项目验收合格后，补助资金按程序在一个月内拨付。');
    });
    await editor.context().close();

    const secrecy = await signIn('secrecy@demo.gov.cn');
    await secrecy.goto(messageUrl);
    expect(await secrecy.getByText(WRITER_PHONE).count()).toBe(0);
    await act(secrecy, 'clear_reply');
    await secrecy.getByTestId('inquiry-reply').getByText('已通过审查，待发送').waitFor();
    await secrecy.context().close();

    const sender = await signIn('editor.tzjs@demo.gov.cn');
    await sender.goto(messageUrl);
    await act(sender, 'send_reply');
    await stateOf(sender, 'closed');
    await sender.context().close();
  });

  it('the division publishes it as a Q&A without personal data, public after the review', async () => {
    const page = await signIn('editor.tzjs@demo.gov.cn');
    await page.goto(messageUrl);
    await act(page, 'prepare_publication', async (modal) => {
      await modal.locator('input[name="title"]').fill('关于技术改造项目补助资金拨付时间的答复');
      await modal
        .locator('textarea[name="question"]')
        .fill('企业技术改造项目验收后，补助资金何时拨付？');
    });
    const link = page.getByTestId('inquiry-item-link');
    await link.waitFor();
    const documentId = (await link.getAttribute('href'))!.split('/').pop()!.split('?')[0];
    const actions = await page
      .getByTestId('timeline-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')));
    expect(actions).toEqual([
      'registered',
      'assigned',
      'reply_drafted',
      'reply_cleared',
      'reply_sent',
      'publication_prepared',
    ]);
    await page.context().close();

    const before = await fetch(`${server.url}/api/articles?column=complaints`);
    expect(await before.text()).not.toContain('补助资金拨付时间的答复');
    await review('editor.tzjs@demo.gov.cn', 'submit', documentId);
    await review('head.tzjs@demo.gov.cn', 'approve', documentId);
    await review('secrecy@demo.gov.cn', 'clear', documentId);
    await review('editor.tzjs@demo.gov.cn', 'publish', documentId);
    const after = await fetch(`${server.url}/api/articles?column=complaints`);
    const text = await after.text();
    expect(text).toContain('关于技术改造项目补助资金拨付时间的答复');
    expect(text).not.toContain(WRITER_PHONE);
    expect(text).not.toContain('孙立');
  });
});
