/**
 * Where the links of a published item are, and what kind of link each is (失效链接). Pure: the
 * check (services/link-check.ts) reads the items and asks over HTTP.
 */

/** A content type's attribute as far as links go. */
export interface LinkAttribute {
  type: string;
}

/** A link found in an item: the attribute it is in and the URL as written. */
export interface FoundLink {
  field: string;
  url: string;
}

/** Markdown links and images `[text](url "title")`, and HTML `href`/`src` attributes. */
const MARKDOWN_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;
const HTML_LINK = /\b(?:href|src)\s*=\s*["']([^"']+)["']/gi;

function linksInBlocks(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) linksInBlocks(child, found);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const object = node as { type?: unknown; url?: unknown; image?: { url?: unknown } };
  if (object.type === 'link' && typeof object.url === 'string') found.push(object.url);
  if (object.type === 'image' && typeof object.image?.url === 'string')
    found.push(object.image.url);
  for (const value of Object.values(object)) {
    if (value && typeof value === 'object') linksInBlocks(value, found);
  }
}

function linksInMarkdown(text: string): string[] {
  return [
    ...[...text.matchAll(MARKDOWN_LINK)].map((match) => match[1]),
    ...[...text.matchAll(HTML_LINK)].map((match) => match[1]),
  ];
}

/**
 * The links of an item: `link` (and `image`) nodes of its blocks fields, the links and hrefs of
 * its rich-text (markdown) fields and the URL of each file of its media fields, each URL once per
 * attribute, in the order written.
 */
export function extractLinks(
  attributes: Record<string, LinkAttribute>,
  entry: Record<string, unknown>
): FoundLink[] {
  const links: FoundLink[] = [];
  for (const [field, attribute] of Object.entries(attributes)) {
    const value = entry[field];
    if (value === null || value === undefined) continue;
    const urls: string[] = [];
    if (attribute.type === 'blocks') linksInBlocks(value, urls);
    else if (attribute.type === 'richtext' && typeof value === 'string') {
      urls.push(...linksInMarkdown(value));
    } else if (attribute.type === 'media') {
      for (const file of Array.isArray(value) ? value : [value]) {
        const url = (file as { url?: unknown } | null)?.url;
        if (typeof url === 'string') urls.push(url);
      }
    }
    for (const url of new Set(urls.map((text) => text.trim()).filter(Boolean))) {
      links.push({ field, url });
    }
  }
  return links;
}

/** What to do with a link: check it as `kind` at `target`, or skip it (mail, phone, anchors). */
export type LinkTarget =
  { kind: 'upload'; path: string } | { kind: 'site' | 'external'; url: string } | { kind: 'skip' };

/** The path of the media library's files, as the local upload provider serves them. */
const UPLOADS = '/uploads/';

/**
 * Classifies a link. Own-site links are relative paths and absolute URLs whose origin is one of
 * `ownOrigins` (the server's public URL, the website's base URL): a path under /uploads/ is a file
 * of the media library, anything else a page of the site, made absolute against `siteBase` (or
 * left relative when there is none). Other http(s) URLs are external; mailto:, tel:, anchors and
 * other schemes are skipped. An unreadable URL is external: the check reports it.
 */
export function classifyLink(
  url: string,
  ownOrigins: readonly string[],
  siteBase: string | null
): LinkTarget {
  if (url.startsWith('#') || /^(mailto|tel|sms|javascript|data):/i.test(url)) {
    return { kind: 'skip' };
  }
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://own.invalid/');
  } catch {
    return { kind: 'external', url };
  }
  if (isAbsolute && !/^https?:$/.test(parsed.protocol)) return { kind: 'skip' };
  const own = !isAbsolute || ownOrigins.includes(parsed.origin);
  if (!own) return { kind: 'external', url: parsed.href };
  const path = `${parsed.pathname}${parsed.search}`;
  if (parsed.pathname.startsWith(UPLOADS)) return { kind: 'upload', path: parsed.pathname };
  return { kind: 'site', url: siteBase ? new URL(path, siteBase).href : path };
}

/** The origin of a configured URL (scheme, host and port), or null when it is not an http(s) URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The verdict on an HTTP answer: 2xx and 3xx (after redirects) are ok; anything else is broken,
 * with the status.
 */
export function httpVerdict(status: number): { ok: boolean; reason: string | null } {
  if (status >= 200 && status < 400) return { ok: true, reason: null };
  if (status === 404 || status === 410)
    return { ok: false, reason: `页面不存在（HTTP ${status}）` };
  return { ok: false, reason: `访问出错（HTTP ${status}）` };
}

/**
 * Spaces requests to one host: the earliest time (ms) the next request to `host` may start, at most
 * `perSecond` requests a second, given when the last one started. Returns the wait and records the
 * start.
 */
export function nextSlot(
  lastStart: Map<string, number>,
  host: string,
  now: number,
  perSecond: number
): number {
  const interval = 1000 / perSecond;
  const previous = lastStart.get(host);
  const start = previous === undefined ? now : Math.max(now, previous + interval);
  lastStart.set(host, start);
  return start - now;
}
