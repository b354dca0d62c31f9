import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const COORDINATOR = 'coordinator@demo.gov.cn';
const SECRECY = 'secrecy@demo.gov.cn';
const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');

/** The design system's danger700 and warning700: overdue and due-soon dates. */
const RED = 'rgb(183, 43, 26)';
const ORANGE = 'rgb(190, 93, 1)';

interface Row {
  trackingNumber: string;
  urgency: string;
  dueDate: string | null;
  likelyDuplicateOf: string | null;
}
interface Detail extends Row {
  state: string;
  deadline: { steps: Array<{ date: string; text: string }> };
  reply: { state: string; outcome: string; attachmentIds: number[] } | null;
  attachments: Array<{ id: number; kind: string; fileName: string }>;
  timeline: unknown[];
  events: Array<{ type: string; fee?: { basis: string; units: number; amount: number } }>;
}

let server: RunningServer;
let browser: Browser;
let coordinator: Page;
const tokens: Record<string, string> = {};

/** The handled request (received on paper three days ago), an overdue one, a likely duplicate. */
let handled: string;
let overdue: string;
let duplicate: string;

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (days: number) =>
  new Date(Date.parse(`${beijingToday()}T00:00:00Z`) - days * 86_400_000)
    .toISOString()
    .slice(0, 10);

const applicant = (name: string, idNumber: string, title: string) => ({
  applicantType: 'natural',
  name,
  idType: 'id_card',
  idNumber,
  phone: '13800001234',
  email: 'applicant@example.com',
  title,
  form: 'electronic',
  delivery: 'email',
});

async function login(email: string): Promise<string> {
  const response = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/** A call to the admin API as the coordinator; the body of a 2xx answer. */
async function api<T>(method: string, url: string, body?: unknown, token = tokens.coordinator) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A request as the website sends it (received today). */
async function submitOnline(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/api/disclosure-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { trackingNumber: string } }).data.trackingNumber;
}

/** A request the office received on paper on a past day. */
async function registerPaper(body: Record<string, unknown>, receivedOn: string): Promise<string> {
  const { data } = await api<{ data: { trackingNumber: string } }>('POST', '/disclosure/requests', {
    ...body,
    channel: 'paper',
    receivedOn,
  });
  return data.trackingNumber;
}

const detail = async (trackingNumber: string) =>
  (await api<{ data: Detail }>('GET', `/disclosure/requests/${trackingNumber}`)).data;

/** A fresh browser session, signed in on the admin's login page. */
const signIn = (email: string): Promise<Page> =>
  signInAdmin(browser, server.url, { email, password: PASSWORD });

/**
 * A screenshot of the whole page: the admin scrolls inside its own container, so the window is
 * made as tall as the content for the picture and then set back.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate<number>(
    "Math.max(...Array.from(document.querySelectorAll('main')).map((el) => el.scrollHeight + el.getBoundingClientRect().top))"
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(4000, Math.max(viewport.height, Math.ceil(height) + 40)),
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `requests-${name}.png`) });
  await page.setViewportSize(viewport);
}

/** Opens an action's form from the request page. */
async function openAction(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`request-action-${action}`).click();
  const modal = page.getByTestId('action-modal');
  await modal.waitFor();
  return modal;
}

/** Confirms the open form; fails with the server's sentence when it refuses. */
async function confirmAction(page: Page): Promise<void> {
  const modal = page.getByTestId('action-modal');
  await modal.getByRole('button', { name: '确定' }).click();
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
  if (result) throw new Error(`the action was refused: ${result}`);
}

const dueDateOnPage = (page: Page) => page.getByTestId('request-due-date');

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer({
    DEMO_SEED: 'true',
    DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
    DEMO_ADMIN_PASSWORD: PASSWORD,
  });
  browser = await launchChromium();
  tokens.coordinator = await login(COORDINATOR);
  tokens.secrecy = await login(SECRECY);

  // A person asks the same twice online: the second is flagged as a likely duplicate.
  const person = applicant('王小明', '210102198001011234', '2018年工业企业技术改造项目备案清单');
  await submitOnline(person);
  duplicate = await submitOnline(person);
  // Received long ago and never answered: overdue.
  overdue = await registerPaper(
    applicant('李华', '110101199003071237', '2017年度节能监察结果'),
    daysAgo(60)
  );
  // Received three days ago, within the 7 working days a correction may be asked in.
  handled = await registerPaper(
    applicant('张三丰', '310104198512123456', '2018年中小企业发展专项资金分配表'),
    daysAgo(3)
  );
  coordinator = await signIn(COORDINATOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('disclosure requests (依申请公开) in the admin panel', () => {
  it('lists the open requests with due dates coloured by urgency and likely duplicates marked', async () => {
    const { data: rows } = await api<{ data: Row[] }>(
      'GET',
      '/disclosure/requests?state=open&pageSize=25'
    );
    expect(rows.find((row) => row.trackingNumber === overdue)?.urgency).toBe('overdue');
    // The demo brings one request due within 3 working days.
    expect(rows.some((row) => row.urgency === 'due_soon')).toBe(true);
    expect(rows.find((row) => row.trackingNumber === duplicate)?.likelyDuplicateOf).toBeTruthy();

    await coordinator.getByRole('link', { name: '依申请公开' }).click();
    await coordinator.waitForURL(/\/admin\/plugins\/disclosure\/requests/);
    const table = coordinator.getByTestId('requests-table');
    await table.waitFor();
    for (const header of ['受理编号', '申请人', '答复期限', '剩余工作日', '处理结果']) {
      await table.locator('thead th', { hasText: header }).waitFor();
    }
    await expect(coordinator.getByTestId('request-row').count()).resolves.toBe(rows.length);

    // Every due date carries the server's urgency; overdue reads red, due soon orange.
    for (const row of rows) {
      const cell = coordinator.locator(
        `[data-testid="request-row"][data-tracking-number="${row.trackingNumber}"] [data-testid="due-date"]`
      );
      await expect(cell.getAttribute('data-urgency')).resolves.toBe(row.urgency);
      const colour = await cell
        .locator(':scope > *')
        .first()
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
      if (row.urgency === 'overdue') expect(colour).toBe(RED);
      if (row.urgency === 'due_soon') expect(colour).toBe(ORANGE);
    }
    await coordinator
      .locator('[data-testid="due-date"][data-urgency="due_soon"]')
      .first()
      .waitFor();
    const overdueRow = coordinator.locator(`[data-tracking-number="${overdue}"]`);
    await expect(overdueRow.textContent()).resolves.toContain('逾期');
    await coordinator
      .locator(`[data-tracking-number="${duplicate}"] [data-testid="duplicate-badge"]`)
      .filter({ hasText: '疑似重复' })
      .waitFor();
    // Personal data is masked in the list.
    const handledRow = coordinator.locator(`[data-tracking-number="${handled}"]`);
    await expect(handledRow.textContent()).resolves.toContain('张*丰');
    await expect(handledRow.textContent()).resolves.not.toContain('张三丰');
    await shoot(coordinator, 'list');
  });

  it('opens a request and explains its deadline step by step', async () => {
    await coordinator.locator(`[data-tracking-number="${handled}"]`).getByText('张*丰').click();
    await coordinator.waitForURL(new RegExp(`/plugins/disclosure/requests/${handled}$`));
    await coordinator.getByTestId('request-tracking-number').filter({ hasText: handled }).waitFor();
    await coordinator.getByTestId('request-state').filter({ hasText: '已登记' }).waitFor();
    // The full personal data for the office.
    await coordinator.getByTestId('request-applicant').getByText('张三丰').waitFor();

    const request = await detail(handled);
    const steps = coordinator.getByTestId('deadline-step');
    await steps.first().waitFor();
    await expect(steps.allTextContents()).resolves.toEqual(
      request.deadline.steps.map((step) => `${step.date}${step.text}`)
    );
    await expect(steps.first().textContent()).resolves.toContain('个工作日');
    await expect(dueDateOnPage(coordinator).textContent()).resolves.toBe(request.dueDate);
    await shoot(coordinator, 'detail');
  });

  it('asks for a correction (补正): the clock stops, and restarts when it arrives', async () => {
    const before = await detail(handled);
    const entries = await coordinator.getByTestId('timeline-entry').count();

    const modal = await openAction(coordinator, 'correction_requested');
    await expect(modal.getByLabel('告知日期').inputValue()).resolves.toBe(beijingToday());
    await confirmAction(coordinator);
    await coordinator.getByTestId('request-state').filter({ hasText: '待补正' }).waitFor();
    await coordinator.locator('[data-testid="request-due-date"][data-urgency="paused"]').waitFor();
    await expect(dueDateOnPage(coordinator).textContent()).resolves.toContain('期限中止');
    await coordinator.getByTestId('timeline-entry').nth(entries).waitFor();
    await coordinator.getByTestId('deadline-step').filter({ hasText: '一次性告知补正' }).waitFor();
    await shoot(coordinator, 'correction');

    await openAction(coordinator, 'corrected');
    await confirmAction(coordinator);
    await coordinator.getByTestId('request-state').filter({ hasText: '已补正' }).waitFor();
    const after = await detail(handled);
    expect(after.dueDate! > before.dueDate!).toBe(true);
    await dueDateOnPage(coordinator).filter({ hasText: after.dueDate! }).waitFor();
    await coordinator
      .getByTestId('deadline-step')
      .filter({ hasText: '收到补正后的申请' })
      .waitFor();
  });

  it("shows the server's reason in the form when it refuses a step", async () => {
    const modal = await openAction(coordinator, 'extended');
    await modal.getByLabel('延长工作日数').fill('30');
    await modal.getByLabel('延期理由').fill('需要调取档案');
    await modal.getByRole('button', { name: '确定' }).click();
    await modal
      .getByTestId('action-error')
      .filter({ hasText: 'An extension is 1 to 20 working days.' })
      .waitFor();
    await shoot(coordinator, 'refused');
    await modal.getByRole('button', { name: '取消' }).click();
    await modal.waitFor({ state: 'detached' });
    expect((await detail(handled)).state).toBe('corrected');
  });

  it('computes the information processing fee, refusing a notice that would charge nothing', async () => {
    const feeCase = await registerPaper(
      applicant('赵六', '110105198808081237', '历年专项资金明细'),
      daysAgo(2)
    );
    const page = await signIn(COORDINATOR);
    await page.goto(`${server.url}/admin/plugins/disclosure/requests/${feeCase}`);
    await page.getByTestId('request-applicant').getByText('本自然月第1件（按件计收0元）').waitFor();
    const modal = await openAction(page, 'fee_notice');
    // By count, the applicant's first application of the month is free: the server says so.
    await modal.getByRole('combobox', { name: '计收方式' }).click();
    await page.getByRole('option', { name: '按件计收' }).click();
    await modal.getByRole('button', { name: '确定' }).click();
    await modal.getByTestId('action-error').filter({ hasText: 'No fee is due' }).waitFor();
    // By volume, 120 pages: 70 × 10 + 20 × 20 yuan.
    await modal.getByRole('combobox', { name: '计收方式' }).click();
    await page.getByRole('option', { name: '按量计收' }).click();
    await modal.getByLabel('提供的页数').fill('120');
    await confirmAction(page);
    await page.getByTestId('timeline-entry').filter({ hasText: '收费通知（1100元）' }).waitFor();
    await page.locator('[data-testid="request-due-date"][data-urgency="paused"]').waitFor();
    expect((await detail(feeCase)).events.at(-1)?.fee).toEqual(
      expect.objectContaining({ basis: 'pages', units: 120, amount: 1100 })
    );
    await shoot(page, 'fee');
    await page.context().close();
  });

  it('drafts the reply from a template', async () => {
    const modal = await openAction(coordinator, 'draft_reply');
    await modal.getByRole('combobox', { name: '处理结果' }).click();
    await coordinator.getByRole('option', { name: '（一）予以公开' }).click();
    const body = modal.getByRole('textbox', { name: '答复正文', exact: true });
    await expect(body.inputValue()).resolves.toContain('经审查');
    await expect(body.inputValue()).resolves.toContain(handled);
    // The released document goes with the letter.
    await modal.getByTestId('reply-files').setInputFiles({
      name: '专项资金分配表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 分配表\n%%EOF\n'),
    });
    await shoot(coordinator, 'draft-form');
    await confirmAction(coordinator);
    await coordinator.locator('[data-testid="reply-state"][data-state="draft"]').waitFor();
    await coordinator.getByTestId('reply').getByText('（一）予以公开').first().waitFor();
    await coordinator.getByTestId('attachments').getByText('专项资金分配表.pdf').waitFor();
    const drafted = await detail(handled);
    expect(drafted.reply).toMatchObject({ state: 'draft', outcome: 'disclosed' });
    const released = drafted.attachments.find((file) => file.fileName === '专项资金分配表.pdf')!;
    expect(released.kind).toBe('reply');
    expect(drafted.reply!.attachmentIds).toEqual([released.id]);
    await shoot(coordinator, 'draft');
  });

  it('lets the confidentiality reviewer clear the reply (保密审查通过)', async () => {
    const secrecy = await signIn(SECRECY);
    await secrecy.getByRole('link', { name: '依申请公开' }).click();
    await secrecy.locator(`[data-tracking-number="${handled}"]`).click();
    await secrecy.waitForURL(new RegExp(`/plugins/disclosure/requests/${handled}$`));
    await expect(secrecy.getByTestId('request-action-draft_reply').count()).resolves.toBe(0);
    await openAction(secrecy, 'clear_reply');
    await confirmAction(secrecy);
    await secrecy.locator('[data-testid="reply-state"][data-state="cleared"]').waitFor();
    await shoot(secrecy, 'cleared');
    await secrecy.context().close();
  });

  it('records the paper delivery (登记送达): the request is answered', async () => {
    await coordinator.reload({ waitUntil: 'networkidle' });
    await coordinator.locator('[data-testid="reply-state"][data-state="cleared"]').waitFor();
    const modal = await openAction(coordinator, 'record_delivery');
    await modal.getByRole('combobox', { name: '送达方式' }).click();
    await coordinator.getByRole('option', { name: '邮寄' }).click();
    await confirmAction(coordinator);
    await coordinator.getByTestId('request-state').filter({ hasText: '已答复' }).waitFor();
    await coordinator.locator('[data-testid="reply-state"][data-state="delivered"]').waitFor();
    const answered = await detail(handled);
    expect(answered.state).toBe('answered');
    expect(answered.reply?.state).toBe('delivered');
    await shoot(coordinator, 'answered');
  });

  it('turns the released information into a draft item (转为主动公开)', async () => {
    const modal = await openAction(coordinator, 'make_proactive');
    await expect(modal.getByLabel('栏目代码').inputValue()).resolves.toBe('disclosure-on-request');
    await modal.getByRole('button', { name: '确定' }).click();
    const link = modal.getByTestId('proactive-draft-link');
    await link.waitFor({ timeout: 20_000 });
    await expect(link.getAttribute('href')).resolves.toMatch(
      /^\/admin\/content-manager\/collection-types\/api::[a-z-]+\.[a-z-]+\/[a-z0-9]+\?plugins\[i18n\]\[locale\]=zh-Hans$/
    );
    await shoot(coordinator, 'proactive');
    await modal.getByRole('button', { name: '关闭' }).last().click();
    await modal.waitFor({ state: 'detached' });
    await expect(coordinator.getByTestId('request-action-make_proactive').count()).resolves.toBe(0);
  });

  it('lets the office edit a reply template', async () => {
    await coordinator.goto(`${server.url}/admin/plugins/disclosure/requests`, {
      waitUntil: 'networkidle',
    });
    await coordinator.getByRole('tab', { name: '答复模板' }).click();
    const { data: templates } = await api<{ data: Array<{ outcome: string; article: string }> }>(
      'GET',
      '/disclosure/reply-templates'
    );
    await coordinator
      .getByTestId('reply-template')
      .nth(templates.length - 1)
      .waitFor();
    await expect(coordinator.getByTestId('reply-template').count()).resolves.toBe(templates.length);

    await coordinator
      .locator('[data-testid="reply-template"][data-outcome="refused.4"]')
      .getByRole('button', { name: '编辑' })
      .click();
    const editor = coordinator.getByTestId('template-editor');
    const article = editor.getByLabel('依据');
    const changed = `${await article.inputValue()}（本机关）`;
    await article.fill(changed);
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitFor({ state: 'detached' });
    const { data: after } = await api<{ data: Array<{ outcome: string; article: string }> }>(
      'GET',
      '/disclosure/reply-templates'
    );
    expect(after.find((entry) => entry.outcome === 'refused.4')?.article).toBe(changed);
    await shoot(coordinator, 'templates');
  });

  it('speaks English to a user who prefers it', async () => {
    await api('PUT', '/admin/users/me', { preferedLanguage: 'en' });
    try {
      const page = await signIn(COORDINATOR);
      await page.goto(`${server.url}/admin/plugins/disclosure/requests`, {
        waitUntil: 'networkidle',
      });
      await page.getByRole('heading', { name: 'Disclosure requests', level: 1 }).waitFor();
      const table = page.getByTestId('requests-table');
      for (const header of [
        'Tracking number',
        'Applicant',
        'Reply due',
        'Working days left',
        'Outcome',
      ]) {
        await table.locator('thead th', { hasText: header }).waitFor();
      }
      await page
        .locator(`[data-tracking-number="${overdue}"] [data-state="registered"]`)
        .filter({ hasText: 'Registered' })
        .waitFor();
      await page.getByRole('combobox', { name: 'Show' }).waitFor();
      await shoot(page, 'list-en');
      await page.context().close();
    } finally {
      await api('PUT', '/admin/users/me', { preferedLanguage: 'zh-Hans' });
    }
  });
});
