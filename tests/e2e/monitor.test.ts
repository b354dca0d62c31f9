/**
 * The timeliness monitor's page (栏目更新监测) in a browser, as the demo's coordinator: the site
 * verdict, every column's state as the API gives it, and the heat map of the demo's source year.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type {
  HeatMapResponse,
  MonitorColumnsResponse,
  MonitorYearResponse,
} from '../../src/plugins/disclosure/shared/monitor/contracts';
import { COLUMN_STATE_LABELS } from '../../src/plugins/disclosure/shared/monitor/contracts';
import type { BrokenLinksResponse } from '../../src/plugins/disclosure/shared/monitor/links';
import { launchChromium } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const COORDINATOR = 'coordinator@demo.gov.cn';
const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e');
const YEAR = 2018;

let server: RunningServer;
let browser: Browser;
let page: Page;
let token: string;

async function api<T>(url: string): Promise<T> {
  const response = await fetch(`${server.url}${url}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

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

describe('the timeliness monitor (栏目更新监测)', () => {
  it('shows the verdict, each column with its state and the year as a heat map', async () => {
    const { data } = await api<MonitorColumnsResponse>('/disclosure/monitor/columns');
    const heatMap = (await api<HeatMapResponse>(`/disclosure/monitor/heat-map?year=${YEAR}`)).data;
    const figures = (await api<MonitorYearResponse>(`/disclosure/monitor/year?year=${YEAR}`)).data;
    // The demo's state, for the closing note.
    console.log(
      JSON.stringify(
        {
          verdict: data.verdict,
          states: data.columns.map((c) => [c.name, c.state, c.lastPublishedOn, c.daysSince]),
          year: { ...figures, columns: undefined },
        },
        null,
        1
      )
    );

    await page.getByRole('link', { name: '栏目更新监测' }).click();
    await page.waitForURL(/\/admin\/plugins\/disclosure\/monitor/);
    const verdict = page.getByTestId('monitor-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-fails')).toBe(String(data.verdict.fails));
    await expect(verdict.textContent()).resolves.toContain(data.verdict.today);

    for (const column of data.columns) {
      const row = page.getByTestId(`monitor-row-${column.code}`);
      await expect(row.textContent()).resolves.toContain(column.name);
      await expect(row.textContent()).resolves.toContain(COLUMN_STATE_LABELS[column.state]);
      await expect(row.textContent()).resolves.toContain(column.lastPublishedOn ?? '—');
    }

    await page.goto(`${server.url}/admin/plugins/disclosure/monitor?year=${YEAR}`, {
      waitUntil: 'networkidle',
    });
    const news = heatMap.columns.find((column) => column.code === 'work-news')!;
    expect(news.total).toBeGreaterThan(0);
    for (const column of heatMap.columns) {
      const row = page.getByTestId(`heat-map-row-${column.code}`);
      expect(await row.getAttribute('data-total')).toBe(String(column.total));
    }
    // One cell per day of the year in each row.
    expect(await page.getByTestId('heat-map-row-work-news').locator('rect').count()).toBe(365);
    await expect(page.getByTestId('monitor-problems-draft').textContent()).resolves.toBe(
      figures.problemsDraft
    );
    await page.screenshot({ path: path.join(SHOTS, 'monitor.png'), fullPage: true });
  });

  it('lists the broken links (失效链接) after 立即检查, as the API does', async () => {
    await page.goto(`${server.url}/admin/plugins/disclosure/monitor`, { waitUntil: 'networkidle' });
    const section = page.getByTestId('monitor-links');
    await expect(section.textContent()).resolves.toContain('失效链接');
    await page.getByTestId('links-run').click();
    await page.getByTestId('links-last-run').filter({ hasText: '最近检查' }).waitFor();
    const { data } = await api<BrokenLinksResponse>('/disclosure/monitor/links?pageSize=20');
    expect(await page.getByTestId('links-row').count()).toBe(data.results.length);
    if (data.results.length === 0) {
      await expect(section.textContent()).resolves.toContain('未发现失效链接。');
    }
    await expect(page.getByTestId('links-last-run').textContent()).resolves.toContain(
      `共 ${data.lastRun!.links} 个链接，失效 ${data.lastRun!.broken} 个`
    );
    await section.screenshot({ path: path.join(SHOTS, 'monitor-links.png') });
  });
});
