/**
 * The timeliness monitor's answers (栏目更新监测), shared by the server and the admin: each
 * column's state against the website inspection's rules (国办秘函〔2019〕19号), the site verdict,
 * the publications per day for the heat map and the year's figures.
 */

/** How often a column must be updated (the column's `updateClass`). */
export const UPDATE_CLASSES = ['news', 'notice_policy', 'should_update', 'static'] as const;
export type UpdateClass = (typeof UPDATE_CLASSES)[number];

export const UPDATE_CLASS_LABELS: Record<UpdateClass, string> = {
  news: '动态、要闻类',
  notice_policy: '通知公告、政策文件类',
  should_update: '应更新类',
  static: '不需更新',
};

/**
 * ok: updated within its limit; due_soon: stale within `dueSoonDays` unless something is
 * published; stale: not updated within its limit; blank: never had a published item; exempt: a
 * column the rules do not time (static class, or a parent whose sub-columns carry the items).
 */
export const COLUMN_STATES = ['ok', 'due_soon', 'stale', 'blank', 'exempt'] as const;
export type ColumnState = (typeof COLUMN_STATES)[number];

export const COLUMN_STATE_LABELS: Record<ColumnState, string> = {
  ok: '正常',
  due_soon: '即将超期',
  stale: '超期未更新',
  blank: '空白栏目',
  exempt: '不计',
};

/** The inspection's thresholds, as the plugin config `monitor` sets them. */
export interface MonitorThresholds {
  /** Days without a first publication after which a column of each class is stale. */
  newsDays: number;
  noticePolicyDays: number;
  shouldUpdateDays: number;
  /** A column is due soon this many days (or fewer) before it goes stale. */
  dueSoonDays: number;
  /** The home page (the news columns together) fails after this many days without news. */
  homePageDays: number;
  /** The counts at which the site fails (单项否决). */
  failAt: { stale: number; shouldUpdateStale: number; blank: number };
}

export interface MonitorColumn {
  code: string;
  name: string;
  /** The parent column's name, for sub-columns. */
  parent: string | null;
  updateClass: UpdateClass;
  division: { documentId: string; name: string } | null;
  /** The Beijing date of the newest first publication in the column, or null when none. */
  lastPublishedOn: string | null;
  daysSince: number | null;
  /** The limit in days, or null where none applies. */
  limitDays: number | null;
  /** The first day the column counts as stale if nothing is published, or null. */
  staleOn: string | null;
  state: ColumnState;
}

/** One of the inspection's 单项否决 rules on the columns and the home page. */
export interface VerdictRule {
  /** 栏目不更新 (news and notice columns), 长期未更新 (every timed column), 空白栏目, 首页不更新. */
  rule: 'stale' | 'should_update_stale' | 'blank' | 'home_page';
  label: string;
  /** How many columns count now (for the home page: days since its newest news). */
  count: number | null;
  /** The count at which the site fails (for the home page: the days). */
  failAt: number;
  fails: boolean;
  /** Days until it fails if nothing is published: 0 when it fails now, null when never. */
  daysUntilFail: number | null;
}

export interface SiteVerdict {
  today: string;
  fails: boolean;
  rules: VerdictRule[];
  /** The soonest rule's days until failing (0: fails today; null: no rule will fail). */
  daysUntilFail: number | null;
  homePage: { lastPublishedOn: string | null; staleOn: string | null };
}

/** GET /disclosure/monitor/columns */
export interface MonitorColumnsResponse {
  data: { verdict: SiteVerdict; columns: MonitorColumn[]; thresholds: MonitorThresholds };
}

/** GET /disclosure/monitor/heat-map?year= : first publications per column and Beijing day. */
export interface HeatMapResponse {
  data: {
    year: number;
    columns: Array<{ code: string; name: string; days: Record<string, number>; total: number }>;
  };
}

/** A column's year: days it spent stale, and whether it was blank all year. */
export interface ColumnYear {
  code: string;
  name: string;
  updateClass: UpdateClass;
  staleDays: number;
  blank: boolean;
}

/** GET /disclosure/monitor/year?year= */
export interface MonitorYearResponse {
  data: {
    year: number;
    columns: ColumnYear[];
    staleColumns: number;
    staleDays: number;
    blankColumns: number;
    /** The draft sentence for the annual report's 存在的主要问题及改进情况. */
    problemsDraft: string;
  };
}
