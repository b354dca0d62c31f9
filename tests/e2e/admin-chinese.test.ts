/// <reference lib="dom" />
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_ARTICLES } from '../../src/demo/demo-content';
import { launchChromium, signInAdmin } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const PASSWORD = 'Demo2018!Disclosure';
const SHOTS = path.join(process.cwd(), '.tmp', 'e2e', 'chinese');
const ZH = 'plugins[i18n][locale]=zh-Hans';
const ARTICLES = '/admin/content-manager/collection-types/api::article.article';

/**
 * Latin-letter words that may stay in a Chinese admin: proper names and codes, not sentences
 * (compared without case: the admin writes some headings in capitals). Strapi is the product's
 * name (the login page's "欢迎使用Strapi", "Strapi 版本"); nodemailer is the mail provider's name;
 * API, ID, JSON, SMTP, CSV, Webhook and the like are written in Latin letters in Chinese too, as
 * are the keys of a shortcut (Ctrl, Cmd, Shift, Enter).
 */
const ALLOWED = new Set(
  [
    'Strapi',
    'nodemailer',
    'English', // the content locale English (en), named in its own language as 简体中文 is
    'API',
    'ID',
    'URL',
    'JSON',
    'CSV',
    'PDF',
    'SMTP',
    'TLS',
    'EXIF',
    'GIF',
    'KB',
    'MB',
    'Webhook',
    'Ctrl',
    'Cmd',
    'Shift',
    'Enter',
    'Command',
    'Control',
    'Esc',
  ].map((word) => word.toLowerCase())
);

/**
 * English that Strapi 5.54 writes without a message id, so no translation reaches it (listed in
 * docs/decisions/0032-admin-in-chinese.md). The test prints what it saw of them; it fails on
 * anything else.
 */
const UPSTREAM_ENGLISH: Array<[what: string, pattern: RegExp]> = [
  ["the pager's aria-label (design system default)", /^Pagination$/],
  ["a status badge's aria-label (the raw status)", /^(draft|published|modified)$/],
  ['"(default)" after the default locale (i18n LocaleListCell)', /\(default\)/],
  ["the edition's name on the settings overview", /^Community$/],
  ["the users list's state cell", /^(Active|Inactive)$/],
  ["the locales table's hidden column header (i18n LocaleTable)", /^Actions$/],
  ["the website roles' screen-reader notice", /^The roles have loaded successfully$/],
  ["the localized-field icon's title (a message object, an upstream bug)", /\[object Object\]/],
];
const upstreamSeen = new Map<string, Set<string>>();

/**
 * Content, not interface: the demo's items in English (the en locale), which the home page's
 * lists of recent entries show beside the Chinese ones, and the bureau's English name
 * (organisation profile, src/demo/seed-demo.ts).
 */
const ENGLISH_CONTENT = [
  'Demo City Bureau of Industry and Information Technology',
  ...DEMO_ARTICLES.flatMap((item) => (item.en ? [item.en.title, item.en.summary] : [])),
];

/** The five people of the demo who work in the admin (src/demo/demo-staff.ts). */
const STAFF = [
  { role: '编辑', email: 'editor.bgs@demo.gov.cn' },
  { role: '处室审核人', email: 'head.bgs@demo.gov.cn' },
  { role: '保密审查员', email: 'secrecy@demo.gov.cn' },
  { role: '政务公开协调员', email: 'coordinator@demo.gov.cn' },
  { role: '超级管理员', email: 'admin@demo.gov.cn' },
];

let server: RunningServer;
let browser: Browser;
const screens: string[] = [];
const found = new Map<string, { where: Set<string>; line: string }>();

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
  const words = [...found.entries()].map(
    ([word, { where, line }]) => `${word}  «${line}»  (${[...where].join(', ')})`
  );
  console.log(
    `admin in Chinese: ${screens.length} screens visited\n` +
      (words.length ? `Latin-letter words found:\n${words.join('\n')}` : 'no Latin-letter word') +
      `\nupstream English without a message id:\n${[...upstreamSeen.entries()]
        .map(([what, seen]) => `${what}: ${[...seen].join(' | ')}`)
        .join('\n')}`
  );
});

/** The text a person sees: the page's text, and the labels, placeholders and titles shown. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const element of Array.from(
      document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')
    )) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/**
 * The Latin-letter words of a text outside the allow-list, each with the line it was seen in.
 * Left out: e-mail addresses, links, the locale code zh-Hans, codes with digits (an index number
 * such as 11210100MB0000000X/2018-00233) and the English content above.
 */
function latinWords(text: string): Array<[word: string, line: string]> {
  const words = new Map<string, string>();
  for (const line of text.split('\n')) {
    let stripped = line.trim();
    for (const [what, pattern] of UPSTREAM_ENGLISH) {
      if (!pattern.test(stripped)) continue;
      if (!upstreamSeen.has(what)) upstreamSeen.set(what, new Set());
      upstreamSeen.get(what)!.add(stripped.slice(0, 60));
      stripped = stripped.replace(pattern, ' ');
    }
    stripped = stripped
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/zh-Hans|\(en\)/g, ' ')
      .replace(/[\w/-]*\d[\w/-]*/g, ' ')
      .replace(/[\w./-]+\.(png|jpe?g|svg|gif|pdf|js|ts)\b/g, ' ');
    for (const content of ENGLISH_CONTENT) stripped = stripped.split(content).join(' ');
    for (const word of stripped.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? []) {
      if (!ALLOWED.has(word.toLowerCase()) && !words.has(word)) {
        words.set(word, line.trim().slice(0, 120));
      }
    }
  }
  return [...words.entries()];
}

/** Waits for the screen to settle, then records it and any English on it. */
async function check(page: Page, who: string, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Strapi's loaders say "Loading content." (hard-coded) until the screen is there.
  await page
    .waitForFunction(() => !/\bLoading\b/.test(document.body.innerText), null, { timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
  const name = `${who}: ${screen}`;
  screens.push(name);
  await page.screenshot({ path: path.join(SHOTS, `${screens.length}.png`) });
  for (const [word, line] of latinWords(await visibleText(page))) {
    if (!found.has(word)) found.set(word, { where: new Set(), line });
    found.get(word)!.where.add(name);
  }
}

const open = (page: Page, url: string) =>
  page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });

const shown = async (locator: Locator, timeout = 10_000): Promise<boolean> =>
  locator
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(
      () => true,
      () => false
    );

async function visitAs(who: string, email: string): Promise<void> {
  const page = await signInAdmin(browser, server.url, { email, password: PASSWORD, width: 1400 });
  await page.getByRole('heading').first().waitFor();
  await check(page, who, '首页');

  await open(page, `${ARTICLES}?page=1&pageSize=10&${ZH}`);
  await page.locator('tbody tr').first().waitFor();
  await check(page, who, '信息列表');
  const filters = page.getByRole('button', { name: /^(筛选|过滤器|Filters)$/ });
  if (await shown(filters)) {
    await filters.first().click();
    await page.getByRole('dialog').or(page.locator('[role="combobox"]')).first().waitFor();
    await check(page, who, '信息列表：筛选');
    await page.keyboard.press('Escape');
  }

  await page.locator('tbody tr').first().click();
  await page.waitForURL(/api::article\.article\/(?!create)[A-Za-z0-9]+/);
  await page.getByRole('textbox').first().waitFor();
  await check(page, who, '信息编辑');
  const relation = page.getByRole('combobox', { name: /栏目/ });
  if ((await shown(relation, 3_000)) && (await relation.first().isEnabled())) {
    await relation.first().click();
    await page.getByRole('option').first().waitFor({ timeout: 10_000 });
    await check(page, who, '信息编辑：关联栏目');
    await page.keyboard.press('Escape');
  }
  const title = page.getByRole('textbox', { name: /^标题/ });
  if ((await shown(title, 3_000)) && (await title.first().isEditable())) {
    // Leaving with unsaved changes asks for confirmation.
    await title.first().fill('未保存的修改');
    await page
      .getByRole('link', { name: /返回|Back/ })
      .first()
      .click();
    if (await shown(page.getByRole('alertdialog').or(page.getByRole('dialog')))) {
      await check(page, who, '确认离开');
      await page.keyboard.press('Escape');
    }
  }

  await open(page, `${ARTICLES}/create?${ZH}`);
  if (await shown(page.getByRole('textbox', { name: /^标题/ }), 10_000)) {
    await check(page, who, '新建信息');
    // Publishing with the required 标题 left empty (a draft may be saved without it), for those
    // who may create and publish items.
    const summary = page.getByRole('textbox', { name: /^内容概述/ });
    const publish = page.getByRole('button', { name: /^(发布|Publish)$/ }).first();
    if (await summary.isEditable()) await summary.fill('未填标题');
    if ((await summary.isEditable()) && (await publish.isEnabled())) {
      await publish.click();
      await page
        .getByText(/必填|required/i)
        .first()
        .waitFor({ timeout: 10_000 });
      await check(page, who, '新建信息：必填项错误');
    }
  }

  await open(page, '/admin/plugins/upload');
  await check(page, who, '媒体库');

  await open(page, '/admin/me');
  await check(page, who, '个人资料');

  await open(page, '/admin/settings');
  await check(page, who, '设置');
  await page.context().close();
}

async function visitSettings(who: string, email: string): Promise<void> {
  const page = await signInAdmin(browser, server.url, { email, password: PASSWORD, width: 1400 });
  for (const [url, screen] of [
    ['/admin/settings/users?pageSize=10&page=1&sort=firstname', '设置：管理员'],
    ['/admin/settings/roles', '设置：角色'],
    ['/admin/settings/internationalization', '设置：国际化'],
    ['/admin/settings/media-library', '设置：媒体库'],
    ['/admin/settings/email', '设置：电子邮件'],
    ['/admin/settings/users-permissions/roles', '设置：用户与权限'],
    ['/admin/settings/api-tokens', '设置：API 令牌'],
  ]) {
    await open(page, url);
    await check(page, who, screen);
  }
  await page.context().close();
}

describe('the admin panel in 简体中文', () => {
  it.each(STAFF)('shows $role only Chinese on the screens they meet', async ({ role, email }) => {
    await visitAs(role, email);
    if (email === 'admin@demo.gov.cn') await visitSettings(role, email);
    const here = [...found.entries()].filter(([, { where }]) =>
      [...where].some((name) => name.startsWith(`${role}:`))
    );
    expect(here.map(([word, { line }]) => `${word} «${line}»`)).toEqual([]);
  });
});
