/**
 * 建议提案办理 in the admin panel, on the demo: the coordinator registers a member's proposal and
 * assigns it to 投资与技术进步处 with 中小企业处 as co-handler; the co-handler sends its opinion;
 * the lead drafts the reply; the 保密审查员 clears it; the lead records it sent and the member's
 * rating. Every step through the pages' own buttons and forms.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const PASSWORD = 'Demo2018!Disclosure';
const TITLE = '关于建设工业互联网标识解析节点的提案';

let server: RunningServer;
let browser: Browser;
let caseUrl = '';

const signIn = (email: string): Promise<Page> =>
  signInAdmin(browser, server.url, { email, password: PASSWORD });

/** Opens an action's form, fills it, confirms; fails with the server's sentence if refused. */
async function act(
  page: Page,
  action: string,
  fill: (modal: ReturnType<Page['getByTestId']>) => Promise<void> = async () => undefined
) {
  await page.getByTestId(`proposal-action-${action}`).click();
  const modal = page.getByTestId('action-modal');
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('action-submit').click();
  const refusal = modal.getByTestId('action-error');
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
  if (result) throw new Error(`${action} was refused: ${result}`);
}

const stateOf = (page: Page, state: string) =>
  page.locator(`[data-testid="proposal-state"][data-state="${state}"]`).waitFor();

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

describe('建议提案办理 in the admin panel', () => {
  it('the coordinator registers a proposal and assigns it with a co-handler', async () => {
    const page = await signIn('coordinator@demo.gov.cn');
    await page.getByRole('link', { name: '建议提案办理' }).click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/proposals/);
    // The demo's 17 cases of 2018 are replied: the open list is empty, 全部 lists them.
    await page.getByTestId('proposals-register').click();
    const modal = page.getByTestId('register-modal');
    await modal.waitFor();
    await modal.locator('input[name="term"]').fill('市政协十四届');
    await modal.locator('input[name="meeting"]').fill('三次会议');
    await modal.locator('input[name="number"]').fill('201');
    await modal.locator('input[name="title"]').fill(TITLE);
    await modal.locator('textarea[name="content"]').fill('建议建设工业互联网标识解析二级节点。');
    await modal.locator('input[name="proposer"]').fill('陈静');
    await modal.locator('input[name="phone"]').fill('13900002222');
    await modal.getByRole('combobox', { name: '主办处室' }).click();
    await page.getByRole('option', { name: '投资与技术进步处' }).click();
    await modal.getByRole('checkbox', { name: '中小企业处' }).click();
    await modal.getByTestId('register-submit').click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/proposals\/\d+$/);
    caseUrl = page.url();
    await stateOf(page, 'assigned');
    await page.getByText(TITLE).first().waitFor();
    await page.getByTestId('proposal-opinions').getByText('中小企业处').waitFor();
    // Back in the list, the open case with its due date (three months on: on time).
    await page.goto(`${server.url}/admin/plugins/disclosure/proposals`);
    const row = page.locator('[data-testid="proposal-row"]', { hasText: TITLE });
    await row.locator('[data-urgency="on_time"]').waitFor();
    await page.context().close();
  });

  it('the co-handler sees the case without the contacts and sends its opinion', async () => {
    const page = await signIn('editor.zxqy@demo.gov.cn');
    await page.goto(caseUrl);
    await stateOf(page, 'assigned');
    expect(await page.getByText('13900002222').count()).toBe(0);
    await act(page, 'submit_opinion', async (modal) => {
      await modal.locator('textarea[name="text"]').fill('中小企业处将配合开展企业接入推广。');
    });
    await page
      .getByTestId('proposal-opinions')
      .getByText(/配合开展企业接入推广/)
      .waitFor();
    await page.context().close();
  });

  it('the lead drafts the reply, which the 保密审查员 clears', async () => {
    const lead = await signIn('editor.tzjs@demo.gov.cn');
    await lead.goto(caseUrl);
    await lead.getByText('13900002222').waitFor();
    await act(lead, 'draft_reply', async (modal) => {
      await modal
        .locator('textarea[name="answer"]')
        .fill('我局已将标识解析节点建设列入明年工作计划。');
    });
    await lead
      .getByTestId('reply-body')
      .getByText(/列入明年工作计划/)
      .waitFor();
    await lead.context().close();

    const secrecy = await signIn('secrecy@demo.gov.cn');
    await secrecy.goto(caseUrl);
    expect(await secrecy.getByText('13900002222').count()).toBe(0);
    await act(secrecy, 'clear_reply');
    await secrecy.getByTestId('proposal-reply').getByText('已通过保密审查').first().waitFor();
    await secrecy.context().close();
  });

  it('the lead records the reply sent and the member’s 满意: the case is closed', async () => {
    const lead = await signIn('editor.tzjs@demo.gov.cn');
    await lead.goto(caseUrl);
    await act(lead, 'send_reply');
    await stateOf(lead, 'replied');
    await act(lead, 'record_feedback');
    await stateOf(lead, 'closed');
    const actions = await lead
      .getByTestId('timeline-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')));
    expect(actions).toEqual([
      'registered',
      'assigned',
      'opinion_submitted',
      'reply_drafted',
      'reply_cleared',
      'reply_sent',
      'feedback_recorded',
    ]);
    await lead.context().close();
  });
});
