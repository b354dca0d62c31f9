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

  it('refuses to publish an incomplete 办事指南 from the catalogue page, naming the missing fields', async () => {
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
    await page.getByTestId('item-publish').click();
    const error = page.getByTestId('item-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      '「浏览器测试事项」的办事指南缺少申请条件、办理材料、办理地点、办理时间、联系电话、办理流程，不能发布。'
    );
  });
});
