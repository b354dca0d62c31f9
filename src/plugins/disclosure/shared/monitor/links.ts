/**
 * The live-links check's answers (失效链接), shared by the server and the admin: the links in
 * published items that the weekly check found broken, with the item and its division.
 */

/** ok: answers; broken: missing or an HTTP error; unchecked: not checked (see `reason`). */
export const LINK_STATUSES = ['ok', 'broken', 'unchecked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** upload: a file of the media library; site: another page of the site; external: elsewhere. */
export const LINK_KINDS = ['upload', 'site', 'external'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One link of one published item, as the last check found it. */
export interface CheckedLink {
  itemUid: string;
  itemDocumentId: string;
  /** Where the item's edit view is: the Content Manager's collection or single types. */
  itemKind: 'collectionType' | 'singleType';
  locale: string | null;
  itemTitle: string;
  division: { documentId: string; name: string } | null;
  /** The attribute the link is in (body, attachments …). */
  field: string;
  url: string;
  kind: LinkKind;
  status: LinkStatus;
  /** The HTTP status answered, when there was an answer. */
  httpStatus: number | null;
  /** Why the link is broken or unchecked, in 简体中文; null when ok. */
  reason: string | null;
  checkedAt: string;
}

/** The last run of the check, or null before the first. */
export interface LinkRunSummary {
  checkedAt: string;
  links: number;
  ok: number;
  broken: number;
  unchecked: number;
}

/** GET /disclosure/monitor/links?division=&status=&page=&pageSize= */
export interface BrokenLinksResponse {
  data: {
    results: CheckedLink[];
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    lastRun: LinkRunSummary | null;
    /** The divisions with links of the status asked, with how many, for the filter. */
    divisions: Array<{ documentId: string; name: string; count: number }>;
  };
}

/** POST /disclosure/monitor/links/check */
export interface LinkRunResponse {
  data: LinkRunSummary;
}
