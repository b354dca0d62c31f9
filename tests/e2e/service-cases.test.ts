import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const COORDINATOR = 'coordinator@demo.gov.cn';
const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer({
    DEMO_SEED: 'true',
    DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
    DEMO_ADMIN_PASSWORD: PASSWORD,
  });
  browser = await launchChromium();
  page = await signInAdmin(browser, server.url, { email: COORDINATOR, password: PASSWORD });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Takes the step the case page offers, with its default date (today) and, for 决定, 准予. */
async function takeStep(step: string, expectedState: string): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  await page.getByTestId('step-submit').click();
  const state = page.locator(`[data-testid="case-state"][data-state="${expectedState}"]`);
  const refusal = page.getByTestId('step-error');
  const result = await Promise.race([
    state.waitFor({ timeout: 20_000 }).then(() => null),
    refusal.waitFor({ timeout: 20_000 }).then(() => refusal.textContent()),
  ]);
  if (result) throw new Error(`the step ${step} was refused: ${result}`);
}

describe('a service case (办件) in the admin panel', () => {
  it('is registered, accepted (受理), reviewed (审查), granted (准予) and delivered (送达)', async () => {
    await page.goto(`${server.url}/admin/plugins/disclosure/service-cases?tab=register`, {
      waitUntil: 'networkidle',
    });
    const form = page.getByTestId('register-case');
    await form.waitFor();
    await form.locator('input[name="applicant"]').fill('示范浏览器测试有限公司');
    await form.locator('input[name="idNumber"]').fill('91210100MA0BROWSER');
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/service-cases\/FW\d{4}-\d{5}$/);
    const caseNumber = decodeURIComponent(page.url().split('/').pop()!);
    await page.locator('[data-testid="case-state"][data-state="applied"]').waitFor();
    expect(await page.getByText('91210100MA0BROWSER').count()).toBe(1);

    await takeStep('accept', 'accepted');
    await takeStep('review', 'reviewing');
    await takeStep('decide', 'decided');
    await takeStep('deliver', 'delivered');

    const timeline = page.getByTestId('timeline-entry');
    expect(
      await timeline.evaluateAll((entries) =>
        entries.map((entry) => entry.getAttribute('data-type'))
      )
    ).toEqual(['applied', 'accept', 'review', 'decide', 'deliver']);
    expect(await page.getByTestId('case-steps').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'service-case.png'), fullPage: true });

    // Back in the list, among the closed ones, the applicant masked.
    await page.goto(`${server.url}/admin/plugins/disclosure/service-cases?state=delivered`, {
      waitUntil: 'networkidle',
    });
    const row = page.locator(`[data-testid="case-row"][data-case-number="${caseNumber}"]`);
    await row.waitFor();
    expect(await row.textContent()).not.toContain('示范浏览器测试有限公司');
    expect(await row.locator('[data-urgency="closed"]').count()).toBe(1);
  });

  it('refuses to submit an incomplete 办事指南 from the catalogue page, naming the missing fields', async () => {
    await page.goto(`${server.url}/admin/plugins/disclosure/service-cases?tab=items`, {
      waitUntil: 'networkidle',
    });
    await page.getByTestId('items-table').waitFor();
    expect(await page.getByTestId('items-table').textContent()).toContain('无线电频率台（站）许可');
    await page.getByTestId('item-new').click();
    await page.locator('input[name="name"]').fill('浏览器测试事项');
    await page.locator('textarea[name="legalBasis"]').fill('《测试条例》');
    await page.getByTestId('item-save').click();
    const saved = await Promise.race([
      page
        .waitForURL(/\/service-cases\/items\/(?!new$)[a-z0-9]+$/, { timeout: 20_000 })
        .then(() => null),
      page
        .getByTestId('item-error')
        .waitFor({ timeout: 20_000 })
        .then(() => page.getByTestId('item-error').textContent()),
    ]);
    if (saved) throw new Error(`the draft was not saved: ${saved}`);
    // No publish button before the review; submitting checks the guide.
    expect(await page.getByTestId('item-publish').count()).toBe(0);
    await page.getByTestId('item-submit').click();
    const error = page.getByTestId('item-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      '「浏览器测试事项」的办事指南缺少申请条件、办理材料、办理地点、办理时间、联系电话、办理流程，不能发布。'
    );
  });

  it('publishes a guide only through the review: the editor submits, the division head approves, the 保密审查员 clears, the editor publishes', async () => {
    const name = '浏览器审核流程事项';
    const editor = await signInAdmin(browser, server.url, {
      email: 'editor.xzsp@demo.gov.cn',
      password: PASSWORD,
    });
    await editor.goto(`${server.url}/admin/plugins/disclosure/service-cases?tab=items`, {
      waitUntil: 'networkidle',
    });
    await editor.getByTestId('item-new').click();
    await editor.locator('input[name="name"]').fill(name);
    for (const field of ['legalBasis', 'conditions', 'materials', 'location', 'hours', 'process']) {
      await editor.locator(`textarea[name="${field}"]`).fill(`浏览器测试的${field}`);
    }
    await editor.locator('input[name="phone"]').fill('024-12345678');
    await editor.getByTestId('item-save').click();
    await editor.waitForURL(/\/service-cases\/items\/(?!new$)[a-z0-9]+$/, { timeout: 20_000 });
    const itemUrl = editor.url();
    const documentId = itemUrl.split('/').pop()!;
    const state = (on: Page, value: string) =>
      on
        .locator(`[data-testid="review-state"][data-state="${value}"]`)
        .waitFor({ timeout: 20_000 });
    await editor.getByTestId('item-submit').click();
    await state(editor, 'submitted');
    expect(await editor.getByTestId('item-publish').count()).toBe(0);

    // The division head finds it under 待审核 (no case rights needed) and approves it.
    const head = await signInAdmin(browser, server.url, {
      email: 'head.xzsp@demo.gov.cn',
      password: PASSWORD,
    });
    await head.goto(`${server.url}/admin/plugins/disclosure/service-cases?tab=items`, {
      waitUntil: 'networkidle',
    });
    await head.getByTestId('items-table').waitFor();
    await head.getByText(name).click();
    await head.getByTestId('item-approve').click();
    await state(head, 'approved');
    expect(await head.getByTestId('item-clear').count()).toBe(0);

    // The 保密审查员, who has no case rights, opens the catalogue and clears it.
    const secrecy = await signInAdmin(browser, server.url, {
      email: 'secrecy@demo.gov.cn',
      password: PASSWORD,
    });
    await secrecy.goto(`${server.url}/admin/plugins/disclosure/service-cases?tab=items`, {
      waitUntil: 'networkidle',
    });
    await secrecy.getByTestId('items-table').waitFor();
    expect(await secrecy.getByTestId('tab-cases').count()).toBe(0);
    await secrecy.getByText(name).click();
    await secrecy.getByTestId('item-clear').click();
    await state(secrecy, 'cleared');
    const before = await fetch(`${server.url}/api/disclosure/service-items/${documentId}`);
    expect(before.status).toBe(404);

    await editor.goto(itemUrl, { waitUntil: 'networkidle' });
    await editor.getByTestId('item-publish').click();
    await state(editor, 'published');
    await editor.screenshot({ path: path.join(SHOTS, 'service-item-review.png'), fullPage: true });
    const after = await fetch(`${server.url}/api/disclosure/service-items/${documentId}`);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { data: { name: string } }).data.name).toBe(name);
  });
});
