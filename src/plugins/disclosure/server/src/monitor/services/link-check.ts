import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { existsSync } from 'fs';
import path from 'path';
import type {
  CheckedLink,
  LinkKind,
  LinkRunSummary,
  LinkStatus,
} from '../../../../shared/monitor/links';
import { DEFAULT_LINK_CHECK, divisionType, type DisclosureConfig } from '../../kernel/config';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import { serialize } from '../../kernel/services/locks';
import { getService } from '../../get-service';
import {
  classifyLink,
  extractLinks,
  httpVerdict,
  nextSlot,
  originOf,
  type LinkAttribute,
  type LinkTarget,
} from '../domain/links';

const RUN_KEY = 'link-check-run';
const LOCK = 'disclosure-link-check';
/** A run that started this long ago and never finished (a crashed node) no longer holds the check. */
const STALE_RUN_MS = 60 * 60 * 1000;
const PAGE = 200;
/** Hosts checked at once; each host's own requests are paced one after another. */
const HOSTS_AT_ONCE = 4;

interface RunMark {
  runningSince?: string | null;
  last?: LinkRunSummary | null;
}

/** What a link's check found. */
interface Finding {
  status: LinkStatus;
  httpStatus: number | null;
  reason: string | null;
}

/** A link found in a published item, before its check. */
type PendingLink = Omit<CheckedLink, 'status' | 'httpStatus' | 'reason' | 'checkedAt'> & {
  target: Exclude<LinkTarget, { kind: 'skip' }>;
};

/** A format's file (thumbnail_…, small_…) is named after its original. */
const FORMAT_PREFIX = /^\/uploads\/(?:thumbnail|small|medium|large)_/;

/**
 * The weekly live-links check (失效链接): the links in the published items of the types under
 * review — to the media library's files, to the site's pages and (when switched on) to other
 * sites — each checked once per run, the findings stored with the item and its division
 * (plugin::disclosure.link-check, replaced by each run). Items are read with the Query Engine, all
 * locales at once: the check reads every published version as the public sees it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const settings = () => {
    const config = strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
    return { ...DEFAULT_LINK_CHECK, ...config.links };
  };

  /** The origins whose links are the site's own: the server's public URL and the website's. */
  const ownOrigins = () =>
    [originOf(strapi.config.get<string>('server.url')), originOf(settings().websiteUrl)].filter(
      (origin): origin is string => origin !== null
    );

  /** Every link of the published versions of the types under review. */
  async function collect(): Promise<PendingLink[]> {
    const config = strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
    const origins = ownOrigins();
    const siteBase = settings().websiteUrl ?? null;
    const pending: PendingLink[] = [];
    for (const uid of config.contentTypes) {
      const contentType = strapi.contentTypes[uid];
      if (!contentType) continue;
      const attributes = contentType.attributes as unknown as Record<string, LinkAttribute>;
      const linked = Object.entries(attributes).filter(([, attribute]) =>
        ['blocks', 'richtext', 'media'].includes(attribute.type)
      );
      if (linked.length === 0) continue;
      const media = linked.filter(([, attribute]) => attribute.type === 'media');
      const select = [
        'documentId',
        'locale',
        ...['title', 'name'].filter((field) => field in attributes),
        ...linked.filter(([, attribute]) => attribute.type !== 'media').map(([field]) => field),
      ];
      for (let offset = 0; ; offset += PAGE) {
        const rows = (await strapi.db.query(uid).findMany({
          where: { publishedAt: { $notNull: true } },
          select,
          populate: Object.fromEntries(media.map(([field]) => [field, { select: ['url'] }])),
          orderBy: [{ id: 'asc' }],
          offset,
          limit: PAGE,
        })) as Array<Record<string, unknown> & { documentId: string; locale?: string | null }>;
        const divisions = await getService(strapi, 'item-divisions').divisionsOf(uid, [
          ...new Set(rows.map((row) => row.documentId)),
        ]);
        for (const row of rows) {
          const title = String(row.name ?? row.title ?? row.documentId);
          for (const { field, url } of extractLinks(attributes, row)) {
            const target = classifyLink(url, origins, siteBase);
            if (target.kind === 'skip') continue;
            pending.push({
              itemUid: uid,
              itemDocumentId: row.documentId,
              itemKind: contentType.kind,
              locale: row.locale ?? null,
              itemTitle: title,
              division: divisions.get(row.documentId) ?? null,
              field,
              url,
              kind: target.kind,
              target,
            });
          }
        }
        if (rows.length < PAGE) break;
      }
    }
    return pending;
  }

  /** A file of the media library: in the files table (by its URL or its original's), and on disk. */
  async function checkUpload(filePath: string): Promise<Finding> {
    const files = strapi.db.query('plugin::upload.file');
    const original = filePath.replace(FORMAT_PREFIX, '/uploads/');
    const known =
      (await files.count({ where: { url: filePath } })) > 0 ||
      (original !== filePath && (await files.count({ where: { url: original } })) > 0);
    if (!known) return { status: 'broken', httpStatus: null, reason: '文件不在媒体库中（已删除）' };
    const provider = strapi.config.get<string>('plugin::upload.provider', 'local');
    if (provider === 'local') {
      const onDisk = path.join(strapi.dirs.static.public, decodeURIComponent(filePath));
      if (
        !onDisk.startsWith(path.join(strapi.dirs.static.public, 'uploads')) ||
        !existsSync(onDisk)
      ) {
        return { status: 'broken', httpStatus: null, reason: '文件已丢失（服务器上没有该文件）' };
      }
    }
    return { status: 'ok', httpStatus: null, reason: null };
  }

  /** Asks for a URL: HEAD, and GET when HEAD is refused or fails; sends nothing but the URL. */
  async function checkHttp(url: string): Promise<Finding> {
    const { timeoutMs, userAgent } = settings();
    const ask = async (method: 'HEAD' | 'GET') => {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { 'User-Agent': userAgent },
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return response.status;
    };
    // By name: the abort's DOMException may come from another realm than this module's Error.
    const timedOut = (error: unknown) =>
      ['TimeoutError', 'AbortError'].includes((error as { name?: string } | null)?.name ?? '');
    const seconds = Math.round(timeoutMs / 100) / 10;
    let status: number;
    try {
      status = await ask('HEAD');
      if (status >= 400) status = await ask('GET');
    } catch (error) {
      if (timedOut(error)) {
        return { status: 'broken', httpStatus: null, reason: `超时（${seconds}秒内无响应）` };
      }
      try {
        status = await ask('GET');
      } catch (retried) {
        if (timedOut(retried)) {
          return { status: 'broken', httpStatus: null, reason: `超时（${seconds}秒内无响应）` };
        }
        const cause = (retried as { cause?: { code?: string } }).cause?.code;
        return { status: 'broken', httpStatus: null, reason: `无法访问（${cause ?? '连接失败'}）` };
      }
    }
    const verdict = httpVerdict(status);
    return { status: verdict.ok ? 'ok' : 'broken', httpStatus: status, reason: verdict.reason };
  }

  /** Checks each distinct target once: files at once, HTTP paced per host. */
  async function checkAll(pending: PendingLink[]): Promise<Map<string, Finding>> {
    const { checkExternal, perHostPerSecond, websiteUrl } = settings();
    const findings = new Map<string, Finding>();
    const byHost = new Map<string, string[]>();
    for (const { target } of pending) {
      const key = keyOf(target);
      if (findings.has(key)) continue;
      if (target.kind === 'upload') {
        findings.set(key, await checkUpload(target.path));
      } else if (target.kind === 'site' && !websiteUrl) {
        findings.set(key, {
          status: 'unchecked',
          httpStatus: null,
          reason: '未配置网站地址，站内页面未检查',
        });
      } else if (target.kind === 'external' && !checkExternal) {
        findings.set(key, { status: 'unchecked', httpStatus: null, reason: '未开启外部链接检查' });
      } else {
        let host: string;
        try {
          host = new URL(target.url).host;
        } catch {
          findings.set(key, { status: 'broken', httpStatus: null, reason: '链接地址无效' });
          continue;
        }
        findings.set(key, { status: 'unchecked', httpStatus: null, reason: null });
        byHost.set(host, [...(byHost.get(host) ?? []), target.url]);
      }
    }
    const lastStart = new Map<string, number>();
    const hosts = [...byHost];
    const worker = async () => {
      for (let next = hosts.shift(); next; next = hosts.shift()) {
        const [host, urls] = next;
        for (const url of urls) {
          const wait = nextSlot(lastStart, host, Date.now(), perHostPerSecond);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          findings.set(url, await checkHttp(url));
        }
      }
    };
    await Promise.all(Array.from({ length: HOSTS_AT_ONCE }, worker));
    return findings;
  }

  const keyOf = (target: PendingLink['target']) =>
    target.kind === 'upload' ? `upload:${target.path}` : target.url;

  /** Takes the check for this run, or null when another run (of any node) is under way. */
  const claim = () =>
    serialize(strapi, LOCK, async () => {
      const mark = ((await store().get({ key: RUN_KEY })) as RunMark | null) ?? {};
      const since = mark.runningSince ? Date.parse(mark.runningSince) : NaN;
      if (Date.now() - since < STALE_RUN_MS) return false;
      await store().set({
        key: RUN_KEY,
        value: { ...mark, runningSince: new Date().toISOString() },
      });
      return true;
    });

  const release = () =>
    serialize(strapi, LOCK, async () => {
      const mark = ((await store().get({ key: RUN_KEY })) as RunMark | null) ?? {};
      await store().set({ key: RUN_KEY, value: { ...mark, runningSince: null } });
    });

  return {
    /**
     * Runs the check as of `now`: replaces the stored findings with this run's and returns its
     * counts, or null when another run is under way (on this node or another).
     */
    async run(now = new Date()): Promise<LinkRunSummary | null> {
      if (!(await claim())) return null;
      try {
        const pending = await collect();
        const findings = await checkAll(pending);
        const checkedAt = now.toISOString();
        const rows = pending.map(({ target, division, ...link }) => ({
          ...link,
          divisionDocumentId: division?.documentId ?? null,
          divisionName: division?.name ?? null,
          ...findings.get(keyOf(target))!,
          checkedAt,
        }));
        const count = (status: LinkStatus) => rows.filter((row) => row.status === status).length;
        const summary: LinkRunSummary = {
          checkedAt,
          links: rows.length,
          ok: count('ok'),
          broken: count('broken'),
          unchecked: count('unchecked'),
        };
        // The findings are replaced at once, under the lock: a reader sees one run's findings.
        await serialize(strapi, LOCK, async () => {
          const checks = strapi.db.query(UID.linkCheck);
          await checks.deleteMany({});
          for (let start = 0; start < rows.length; start += PAGE) {
            await checks.createMany({ data: rows.slice(start, start + PAGE) });
          }
          const mark = ((await store().get({ key: RUN_KEY })) as RunMark | null) ?? {};
          await store().set({ key: RUN_KEY, value: { ...mark, last: summary } });
        });
        return summary;
      } finally {
        await release();
      }
    },

    /**
     * The links the last run found with `status` (broken by default), of one division when
     * `division` is given, by item title and URL; the division must exist (else a 400).
     */
    async list(query: { status: LinkStatus; division?: string; page: number; pageSize: number }) {
      const { status, division, page, pageSize } = query;
      if (division !== undefined) {
        const type = divisionType(strapi);
        const exists = type
          ? await strapi.db.query(type).count({ where: { documentId: division } })
          : 0;
        if (!exists) {
          throw new errors.ValidationError(`Unknown division "${division}".`, { key: 'division' });
        }
      }
      const where = {
        status,
        ...(division !== undefined ? { divisionDocumentId: division } : {}),
      };
      const checks = strapi.db.query(UID.linkCheck);
      const [rows, total, mark, byDivision] = await Promise.all([
        checks.findMany({
          where,
          orderBy: [
            { itemTitle: 'asc' },
            { itemDocumentId: 'asc' },
            { locale: 'asc' },
            { id: 'asc' },
          ],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        checks.count({ where }),
        store().get({ key: RUN_KEY }) as Promise<RunMark | null>,
        // A GROUP BY over the check's own table: the filter's divisions and their counts.
        (strapi.db.connection as unknown as Knex)(strapi.db.metadata.get(UID.linkCheck).tableName)
          .select({ documentId: 'division_document_id', name: 'division_name' })
          .count({ count: '*' })
          .where({ status })
          .whereNotNull('division_document_id')
          .groupBy('division_document_id', 'division_name'),
      ]);
      const results: CheckedLink[] = (rows as Array<Record<string, unknown>>).map((row) => ({
        itemUid: row.itemUid as string,
        itemDocumentId: row.itemDocumentId as string,
        itemKind:
          strapi.contentTypes[row.itemUid as keyof typeof strapi.contentTypes]?.kind ===
          'singleType'
            ? 'singleType'
            : 'collectionType',
        locale: (row.locale as string | null) ?? null,
        itemTitle: (row.itemTitle as string | null) ?? '',
        division: row.divisionDocumentId
          ? { documentId: row.divisionDocumentId as string, name: row.divisionName as string }
          : null,
        field: row.field as string,
        url: row.url as string,
        kind: row.kind as LinkKind,
        status: row.status as LinkStatus,
        httpStatus: (row.httpStatus as number | null) ?? null,
        reason: (row.reason as string | null) ?? null,
        checkedAt: new Date(row.checkedAt as string).toISOString(),
      }));
      return {
        results,
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        lastRun: mark?.last ?? null,
        // In pinyin order, the same on both databases (their collations differ).
        divisions: (byDivision as Array<{ documentId: string; name: string; count: unknown }>)
          .map((row) => ({ documentId: row.documentId, name: row.name, count: Number(row.count) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
      };
    },
  };
};
