import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type {
  AnnualReportDto,
  Figure,
  YearlyStatistics,
} from '../../src/plugins/disclosure/shared/reporting/contracts';
import { launchChromium } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const COORDINATOR = 'coordinator@demo.gov.cn';
const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');
const YEAR = 2018;

/** Table 四 of the 2019 format: 行政复议, one row of counts. */
const UPHELD = '四.litigation.count.reconsideration.upheld';
const TOTAL = '四.litigation.count.reconsideration.total';
const TOTAL_RULE = '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结';

let server: RunningServer;
let browser: Browser;
let page: Page;
let token: string;
let statistics: YearlyStatistics;

/** A GET on the admin API as the coordinator: what the page should show. */
async function api<T>(url: string): Promise<T> {
  const response = await fetch(`${server.url}${url}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const count = (value: number) => new Intl.NumberFormat('zh-Hans').format(value);

const itemsSection = () =>
  statistics.sections.items as unknown as {
    total: Figure;
    byMonth: Figure[];
    byDivision: Figure[];
  };

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer({
    DEMO_SEED: 'true',
    DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
    DEMO_ADMIN_PASSWORD: PASSWORD,
  });
  browser = await launchChromium();
  const login = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  token = ((await login.json()) as { data: { token: string } }).data.token;
  statistics = (
    await api<{ data: YearlyStatistics }>(`/disclosure/statistics?year=${YEAR}&locale=zh-Hans`)
  ).data;

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  await page.goto(`${server.url}/admin`, { waitUntil: 'networkidle' });
  await page.getByLabel('电子邮件').fill(COORDINATOR);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin(\/)?$/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the statistics dashboard (统计与年报)', () => {
  it("shows a year's figures in charts and tables, as the statistics API counts them", async () => {
    await page.getByRole('link', { name: '统计与年报' }).click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/statistics/);
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.getByRole('option', { name: `${YEAR}年` }).click();
    await page.waitForURL(new RegExp(`year=${YEAR}`));

    const items = itemsSection();
    expect(items.total.value).toBeGreaterThan(0);
    await expectFigure(items.total);
    for (const month of items.byMonth) await expectFigure(month);
    const policies = statistics.sections.policies as unknown as Record<string, Figure[]>;
    await expectFigure(policies.issued[0]);
    await expectFigure(statistics.sections.interpretations.published as Figure);

    const reviews = statistics.sections.reviews as unknown as { steps: Figure[] };
    const charts: Array<[string, Figure[]]> = [
      ['chart-monthly', items.byMonth],
      ['chart-divisions', items.byDivision],
      ['chart-review-steps', reviews.steps],
    ];
    for (const [chart, figures] of charts) {
      await page.locator(`[data-testid="${chart}"] svg.recharts-surface`).first().waitFor();
      // A bar for every figure above zero; a chart of zeros says that nothing was counted.
      const drawn = figures.filter((figure) => figure.value > 0).length;
      if (drawn === 0) await page.getByTestId(`${chart}-empty`).waitFor();
      else {
        await page
          .locator(`[data-testid="${chart}"] .recharts-bar-rectangle`)
          .nth(drawn - 1)
          .waitFor();
      }
      expect({
        chart,
        bars: await page.locator(`[data-testid="${chart}"] .recharts-bar-rectangle`).count(),
      }).toEqual({ chart, bars: drawn });
    }
    const busiest = [...items.byDivision].sort((a, b) => b.value - a.value)[0];
    await page
      .locator('[data-testid="chart-divisions"] svg text', { hasText: busiest.label })
      .first()
      .waitFor();
    const timing = statistics.sections.reviews.submissionToPublication as {
      medianHours: number | null;
    };
    expect(await page.getByTestId('review-median-hours').textContent()).toBe(
      timing.medianHours === null ? '—' : count(timing.medianHours)
    );
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-statistics.png') });
    await shootWhole('section-reviews', 'dashboard-all.png');
  });

  it('lists the records behind a number, 25 a page, with the figure as their total', async () => {
    const { total } = itemsSection();
    await page.locator(`[data-figure="${total.key}"]`).first().click();
    const dialog = page.getByTestId('drilldown');
    await expect(dialog.getByTestId('drilldown-total').textContent()).resolves.toBe(
      `共 ${total.value} 条`
    );
    await expect(dialog.getByTestId('drilldown-record').count()).resolves.toBe(
      Math.min(25, total.value)
    );
    const href = await dialog.getByTestId('drilldown-record').first().getAttribute('href');
    expect(href).toMatch(
      /^\/admin\/content-manager\/collection-types\/api::[a-z-]+\.[a-z-]+\/[a-z0-9]+\?plugins\[i18n\]\[locale\]=zh-Hans$/
    );
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-drilldown.png') });
    if (total.value > 25) {
      await dialog.getByRole('button', { name: '下一页' }).click();
      await dialog.getByTestId('drilldown-page').filter({ hasText: '第 2 /' }).waitFor();
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it("opens a month's records from its bar in the chart", async () => {
    const months = itemsSection().byMonth;
    const busiest = months.reduce((best, month) => (month.value > best.value ? month : best));
    const index = months.filter((month) => month.value > 0).indexOf(busiest);
    // Bars of empty months are not drawn: the n-th drawn bar is the n-th month with items.
    await page.locator('[data-testid="chart-monthly"] .recharts-bar-rectangle').nth(index).click();
    const dialog = page.getByTestId('drilldown');
    await dialog.getByRole('heading', { name: busiest.label }).waitFor();
    await expect(dialog.getByTestId('drilldown-total').textContent()).resolves.toBe(
      `共 ${busiest.value} 条`
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('checks the annual report while it is typed, saves it and shows it for print', async () => {
    await page.getByRole('tab', { name: '年度报告' }).click();
    await page.getByTestId('annual-report').waitFor();
    // 2018 had no national tables; the coordinator chooses the 2019 trial format.
    await page.getByRole('combobox', { name: '表格格式' }).click();
    await page.getByRole('option', { name: '2019年试行版' }).click();

    const upheld = page.locator(`input[data-cell="${UPHELD}"]`);
    const total = page.locator(`input[data-cell="${TOTAL}"]`);
    await upheld.fill('3');
    const failure = page.locator(`[data-testid="report-failures"] [data-failing-cell="${TOTAL}"]`);
    await failure.waitFor();
    await expect(failure.textContent()).resolves.toContain(`${TOTAL_RULE}：应为 3，实为 0`);
    await expect(failure.textContent()).resolves.toContain('行政复议 · 总计');
    await expect(total.getAttribute('aria-invalid')).resolves.toBe('true');
    await failure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'report-failing.png') });
    await total.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'report-failing-cell.png') });

    // Submitting saves the draft first; the server refuses it and names the failing cell.
    await page.getByRole('button', { name: '提交审核' }).click();
    await page
      .locator(`[data-testid="report-refusal"] [data-failing-cell="${TOTAL}"]`)
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('report-state').filter({ hasText: '草稿' }).waitFor();
    await page.getByTestId('report-refusal').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'report-refused.png') });

    await total.fill('3');
    await page.getByTestId('report-checks-ok').waitFor();
    await expect(page.getByTestId('report-failures').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('report-state').filter({ hasText: '草稿' }).waitFor();
    await page.getByTestId('report-dirty').waitFor({ state: 'detached' });
    await page.getByTestId('report-refusal').waitFor({ state: 'detached' });
    const saved = (await api<{ data: AnnualReportDto }>(`/disclosure/annual-reports/${YEAR}`)).data;
    expect(saved.formatVersion).toBe('f2019');
    expect(saved.cells[UPHELD]).toEqual({ value: 3, source: 'entered' });
    expect(saved.cells[TOTAL]).toEqual({ value: 3, source: 'entered' });
    expect(saved.failures).toEqual([]);
    // 二（一）规章 本年新制作数量 is computed from the policy documents on record.
    const policies = statistics.sections.policies as unknown as { issued: Figure[] };
    const issued = policies.issued.find((figure) => figure.key === 'policies.issued:rule')!;
    expect(saved.cells['二.article20_1.rule.made']).toEqual({
      value: issued.value,
      source: 'computed',
      figure: issued.key,
    });
    const made = page.locator('[data-cell="二.article20_1.rule.made"]');
    await expect(made.getAttribute('data-source')).resolves.toBe('computed');
    await expect(made.textContent()).resolves.toContain(`${count(issued.value)}自动`);
    await shootWhole('annual-report', 'report-saved.png');

    await page.getByRole('button', { name: '打印预览' }).click();
    const preview = page.frameLocator('[data-testid="print-preview"]');
    await preview.getByText('本年新收政府信息公开申请数量').first().waitFor();
    await preview.getByText(saved.title).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'report-print-preview.png') });
  });
});

/**
 * A screenshot of the page down to the end of an element: the admin scrolls inside its own
 * container, so the window is made tall enough for all of it and then set back.
 */
async function shootWhole(testId: string, file: string): Promise<void> {
  const viewport = page.viewportSize()!;
  // Measured from the top of the page: scroll the title back into view first.
  await page.getByRole('heading', { name: '统计与年报', level: 1 }).scrollIntoViewIfNeeded();
  const box = await page.getByTestId(testId).boundingBox();
  const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 80);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SHOTS, file) });
  await page.setViewportSize(viewport);
}

/** The figure's value is on the page, as a button that opens its records. */
async function expectFigure(figure: Figure): Promise<void> {
  const button = page.locator(`[data-figure="${figure.key}"]`).first();
  await button.waitFor({ timeout: 30_000 });
  expect({ key: figure.key, text: await button.textContent() }).toEqual({
    key: figure.key,
    text: count(figure.value),
  });
}
