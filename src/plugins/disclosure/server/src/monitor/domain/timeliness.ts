/**
 * The website inspection's timeliness rules (国办秘函〔2019〕19号, domain.md §2), pure: a column's
 * state from its update class, its newest first publication and today; the site verdict on the
 * columns and the home page; how many days until the site would fail if nothing is published;
 * and which digest notices are due. Dates are Beijing calendar dates (YYYY-MM-DD).
 */
import type {
  ColumnState,
  MonitorThresholds,
  SiteVerdict,
  UpdateClass,
  VerdictRule,
} from '../../../../shared/monitor/contracts';

// The defaults and their check live beside the contracts: the kernel's config reads them too.
export { DEFAULT_THRESHOLDS, thresholdsProblem } from '../../../../shared/monitor/thresholds';

const DAY = 86_400_000;
const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(epochDay(to) - epochDay(from));

/** The date `days` after `date`. */
export const addDays = (date: string, days: number): string =>
  new Date((epochDay(date) + days) * DAY).toISOString().slice(0, 10);

/** The days without a first publication after which a column of the class is stale; null: none. */
export function limitOf(updateClass: UpdateClass, thresholds: MonitorThresholds): number | null {
  switch (updateClass) {
    case 'news':
      return thresholds.newsDays;
    case 'notice_policy':
      return thresholds.noticePolicyDays;
    case 'should_update':
      return thresholds.shouldUpdateDays;
    default:
      return null;
  }
}

export interface ColumnFacts {
  updateClass: UpdateClass;
  /** A parent column whose sub-columns carry the items: not timed itself. */
  hasChildren: boolean;
  /** The newest first publication on or before today, or null when none ever. */
  lastPublishedOn: string | null;
}

export interface ColumnAssessment {
  state: ColumnState;
  limitDays: number | null;
  daysSince: number | null;
  /** The first stale day if nothing is published (null: exempt or blank). */
  staleOn: string | null;
}

/**
 * A column's state today. Stale once more than `limit` days have passed since its newest first
 * publication (an item published 14 days ago still counts for "updated within 2 weeks"); due soon
 * within `dueSoonDays` of that; blank when a timed column never had a published item.
 */
export function assessColumn(
  column: ColumnFacts,
  today: string,
  thresholds: MonitorThresholds
): ColumnAssessment {
  const limitDays = column.hasChildren ? null : limitOf(column.updateClass, thresholds);
  const daysSince = column.lastPublishedOn ? daysBetween(column.lastPublishedOn, today) : null;
  if (limitDays === null) return { state: 'exempt', limitDays, daysSince, staleOn: null };
  if (column.lastPublishedOn === null) {
    return { state: 'blank', limitDays, daysSince, staleOn: null };
  }
  const staleOn = addDays(column.lastPublishedOn, limitDays + 1);
  const left = daysBetween(today, staleOn);
  const state: ColumnState =
    left <= 0 ? 'stale' : left <= thresholds.dueSoonDays ? 'due_soon' : 'ok';
  return { state, limitDays, daysSince, staleOn };
}

export interface AssessedColumn {
  updateClass: UpdateClass;
  state: ColumnState;
  staleOn: string | null;
}

const RULE_LABELS: Record<VerdictRule['rule'], string> = {
  stale: '栏目不更新（动态、要闻类2周、通知公告政策文件类6个月）',
  should_update_stale: '应更新但长期未更新的栏目',
  blank: '空白栏目',
  home_page: '首页不更新',
};

/**
 * The days until `needed` more of the candidates go stale: the `needed`-th soonest stale date
 * from today; 0 when none are needed, null when too few can.
 */
function daysUntilCount(needed: number, staleDates: string[], today: string): number | null {
  if (needed <= 0) return 0;
  const sorted = [...staleDates].sort();
  return sorted.length < needed ? null : Math.max(0, daysBetween(today, sorted[needed - 1]));
}

function countRule(
  rule: 'stale' | 'should_update_stale',
  classes: readonly UpdateClass[],
  failAt: number,
  columns: readonly AssessedColumn[],
  today: string
): VerdictRule {
  const timed = columns.filter((column) => classes.includes(column.updateClass));
  const count = timed.filter((column) => column.state === 'stale').length;
  const upcoming = timed
    .filter((column) => column.state === 'ok' || column.state === 'due_soon')
    .map((column) => column.staleOn!);
  return {
    rule,
    label: RULE_LABELS[rule],
    count,
    failAt,
    fails: count >= failAt,
    daysUntilFail: daysUntilCount(failAt - count, upcoming, today),
  };
}

/**
 * The site verdict: the site fails (单项否决) when the stale news and notice/policy columns number
 * `failAt.stale` (5) or more; when the stale columns of every timed class number
 * `failAt.shouldUpdateStale` (10) or more; when `failAt.blank` (5) or more columns are blank;
 * when the home page's newest news is more than `homePageDays` old (or there never was any).
 * Blank columns stay blank until something is published, so that rule never starts failing by
 * waiting.
 */
export function siteVerdict(
  columns: readonly AssessedColumn[],
  homeLastPublishedOn: string | null,
  today: string,
  thresholds: MonitorThresholds
): SiteVerdict {
  const blank = columns.filter((column) => column.state === 'blank').length;
  const homeStaleOn = homeLastPublishedOn
    ? addDays(homeLastPublishedOn, thresholds.homePageDays + 1)
    : null;
  const homeFails = homeStaleOn === null || today >= homeStaleOn;
  const rules: VerdictRule[] = [
    countRule('stale', ['news', 'notice_policy'], thresholds.failAt.stale, columns, today),
    countRule(
      'should_update_stale',
      ['news', 'notice_policy', 'should_update'],
      thresholds.failAt.shouldUpdateStale,
      columns,
      today
    ),
    {
      rule: 'blank',
      label: RULE_LABELS.blank,
      count: blank,
      failAt: thresholds.failAt.blank,
      fails: blank >= thresholds.failAt.blank,
      daysUntilFail: blank >= thresholds.failAt.blank ? 0 : null,
    },
    {
      rule: 'home_page',
      label: RULE_LABELS.home_page,
      count: homeLastPublishedOn ? daysBetween(homeLastPublishedOn, today) : null,
      failAt: thresholds.homePageDays,
      fails: homeFails,
      daysUntilFail: homeFails ? 0 : daysBetween(today, homeStaleOn!),
    },
  ];
  const soonest = rules
    .map((rule) => rule.daysUntilFail)
    .filter((days): days is number => days !== null);
  return {
    today,
    fails: rules.some((rule) => rule.fails),
    rules,
    daysUntilFail: soonest.length ? Math.min(...soonest) : null,
    homePage: { lastPublishedOn: homeLastPublishedOn, staleOn: homeStaleOn },
  };
}

/** The notices of the daily digest: a column about to go stale, and one that went stale. */
export type DigestThreshold = 'due_soon' | 'stale';

/** What was sent per column: the stale date each threshold's notice was about. */
export type DigestMarks = Record<string, Partial<Record<DigestThreshold, string>>>;

export interface DigestNotice {
  code: string;
  threshold: DigestThreshold;
  staleOn: string;
}

/**
 * The notices due today: once per column, threshold and stale date (a column published again and
 * going stale later is a new episode, noticed again). A column found already stale gets only the
 * stale notice.
 */
export function digestNotices(
  columns: ReadonlyArray<{ code: string; state: ColumnState; staleOn: string | null }>,
  marks: DigestMarks
): DigestNotice[] {
  const notices: DigestNotice[] = [];
  for (const column of columns) {
    if (column.state !== 'due_soon' && column.state !== 'stale') continue;
    const threshold: DigestThreshold = column.state;
    if (marks[column.code]?.[threshold] === column.staleOn) continue;
    notices.push({ code: column.code, threshold, staleOn: column.staleOn! });
  }
  return notices;
}

/**
 * The days of [from, to] a column of `limitDays` spent stale, given all its first-publication
 * dates (any order, any years): a day is stale when the newest publication on or before it is more
 * than `limitDays` old. Days before its first publication are blank, not stale.
 */
export function staleDaysIn(
  publications: readonly string[],
  limitDays: number,
  from: string,
  to: string
): number {
  const dates = [...new Set(publications)].filter((date) => date <= to).sort();
  let stale = 0;
  let previous: string | null = null;
  for (const date of dates.filter((date) => date < from)) previous = date;
  let cursor = from;
  for (const date of [...dates.filter((date) => date >= from), addDays(to, 1)]) {
    // Days cursor … date-1 follow `previous`.
    if (previous !== null) {
      const firstStale = addDays(previous, limitDays + 1);
      const start = firstStale > cursor ? firstStale : cursor;
      const end = addDays(date, -1);
      if (start <= end) stale += daysBetween(start, end) + 1;
    }
    previous = date;
    cursor = date;
  }
  return stale;
}
