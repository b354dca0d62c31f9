import {
  addDays,
  assessColumn,
  daysBetween,
  DEFAULT_THRESHOLDS as T,
  digestNotices,
  siteVerdict,
  staleDaysIn,
  thresholdsProblem,
  type AssessedColumn,
} from './timeliness';

const news = (lastPublishedOn: string | null) => ({
  updateClass: 'news' as const,
  hasChildren: false,
  lastPublishedOn,
});

describe('a column state', () => {
  it('is ok within the limit, due soon in the last 3 days and stale after 14 days', () => {
    const today = '2026-03-20';
    expect(assessColumn(news('2026-03-10'), today, T).state).toBe('ok');
    // Published 14 days ago: still updated within 2 weeks, stale tomorrow.
    expect(assessColumn(news('2026-03-06'), today, T)).toEqual({
      state: 'due_soon',
      limitDays: 14,
      daysSince: 14,
      staleOn: '2026-03-21',
    });
    expect(assessColumn(news('2026-03-08'), today, T).state).toBe('due_soon');
    expect(assessColumn(news('2026-03-09'), today, T).state).toBe('ok');
    expect(assessColumn(news('2026-03-10'), addDays(today, 0), T).state).toBe('ok');
    expect(assessColumn(news('2026-03-05'), today, T).state).toBe('stale');
  });

  it('uses the class: 180 days for notices and policies, 365 for columns that should update', () => {
    const last = '2026-01-01';
    const at = (updateClass: 'notice_policy' | 'should_update', days: number) =>
      assessColumn(
        { updateClass, hasChildren: false, lastPublishedOn: last },
        addDays(last, days),
        T
      ).state;
    expect(at('notice_policy', 180)).toBe('due_soon');
    expect(at('notice_policy', 181)).toBe('stale');
    expect(at('should_update', 365)).toBe('due_soon');
    expect(at('should_update', 366)).toBe('stale');
    expect(at('should_update', 300)).toBe('ok');
  });

  it('is blank when a timed column never had an item; static and parent columns are exempt', () => {
    expect(assessColumn(news(null), '2026-01-01', T).state).toBe('blank');
    expect(
      assessColumn(
        { updateClass: 'static', hasChildren: false, lastPublishedOn: null },
        '2026-01-01',
        T
      ).state
    ).toBe('exempt');
    expect(
      assessColumn(
        { updateClass: 'news', hasChildren: true, lastPublishedOn: null },
        '2026-01-01',
        T
      ).state
    ).toBe('exempt');
  });
});

describe('the site verdict', () => {
  const today = '2026-06-01';
  const column = (
    updateClass: AssessedColumn['updateClass'],
    state: AssessedColumn['state'],
    staleOn: string | null = null
  ) => ({ updateClass, state, staleOn }) as AssessedColumn;
  const rule = (verdict: ReturnType<typeof siteVerdict>, name: string) =>
    verdict.rules.find((candidate) => candidate.rule === name)!;

  it('fails 栏目不更新 at the fifth stale news or notice column', () => {
    const four = [
      ...Array.from({ length: 4 }, () => column('news', 'stale')),
      column('notice_policy', 'ok', '2026-06-11'),
      column('news', 'due_soon', '2026-06-03'),
    ];
    const before = siteVerdict(four, today, today, T);
    expect(rule(before, 'stale')).toMatchObject({ count: 4, fails: false, daysUntilFail: 2 });
    expect(before.fails).toBe(false);
    expect(before.daysUntilFail).toBe(2);
    const five = siteVerdict([...four, column('notice_policy', 'stale')], today, today, T);
    expect(rule(five, 'stale')).toMatchObject({ count: 5, fails: true, daysUntilFail: 0 });
    expect(five.fails).toBe(true);
  });

  it('counts stale columns of every timed class for the rule of 10', () => {
    const columns = [
      ...Array.from({ length: 9 }, () => column('should_update', 'stale')),
      column('should_update', 'ok', '2026-07-01'),
    ];
    const verdict = siteVerdict(columns, today, today, T);
    expect(rule(verdict, 'should_update_stale')).toMatchObject({ count: 9, daysUntilFail: 30 });
    expect(rule(verdict, 'stale')).toMatchObject({ count: 0, daysUntilFail: null });
  });

  it('fails 空白栏目 at the fifth blank column, which waiting never changes', () => {
    const blanks = (n: number) => Array.from({ length: n }, () => column('should_update', 'blank'));
    expect(rule(siteVerdict(blanks(4), today, today, T), 'blank')).toMatchObject({
      count: 4,
      fails: false,
      daysUntilFail: null,
    });
    expect(rule(siteVerdict(blanks(5), today, today, T), 'blank').fails).toBe(true);
  });

  it('fails 首页不更新 after 14 days without news, or when there never was any', () => {
    expect(rule(siteVerdict([], '2026-05-18', today, T), 'home_page')).toMatchObject({
      count: 14,
      fails: false,
      daysUntilFail: 1,
    });
    expect(rule(siteVerdict([], '2026-05-17', today, T), 'home_page').fails).toBe(true);
    expect(rule(siteVerdict([], null, today, T), 'home_page').fails).toBe(true);
  });
});

describe('the digest', () => {
  it('notices each column once per threshold and stale date', () => {
    const columns = [
      { code: 'a', state: 'due_soon' as const, staleOn: '2026-06-03' },
      { code: 'b', state: 'stale' as const, staleOn: '2026-05-01' },
      { code: 'c', state: 'ok' as const, staleOn: '2026-07-01' },
    ];
    expect(digestNotices(columns, {})).toEqual([
      { code: 'a', threshold: 'due_soon', staleOn: '2026-06-03' },
      { code: 'b', threshold: 'stale', staleOn: '2026-05-01' },
    ]);
    const marks = { a: { due_soon: '2026-06-03' }, b: { stale: '2026-05-01' } };
    expect(digestNotices(columns, marks)).toEqual([]);
    // Published again, due soon again later: a new notice.
    expect(digestNotices([{ ...columns[0], staleOn: '2026-06-20' }], marks)).toHaveLength(1);
  });
});

describe('days spent stale in a year', () => {
  it('counts the days after the limit until the next publication, not the blank days before the first', () => {
    expect(staleDaysIn([], 14, '2026-01-01', '2026-12-31')).toBe(0);
    // Published 2025-12-01: stale from 2025-12-16, in 2026 until 2026-01-09 (9 days); published
    // 2026-01-10: stale from 2026-01-25 through 2026-01-31 (7 days).
    expect(staleDaysIn(['2025-12-01', '2026-01-10'], 14, '2026-01-01', '2026-01-31')).toBe(16);
    expect(staleDaysIn(['2026-01-10'], 14, '2026-01-01', '2026-01-31')).toBe(7);
    expect(staleDaysIn(['2026-01-10', '2026-01-20'], 14, '2026-01-01', '2026-01-31')).toBe(0);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });
});

describe('configured thresholds', () => {
  it('take whole days and counts, and name what is wrong', () => {
    expect(thresholdsProblem(T)).toBeNull();
    expect(thresholdsProblem(undefined)).toBeNull();
    expect(thresholdsProblem({ newsDays: 0 })).toBe(
      'newsDays must be a whole number of days from 1'
    );
    expect(thresholdsProblem({ dueSoonDays: 1.5 })).toBe(
      'dueSoonDays must be a whole number of days from 0'
    );
    expect(thresholdsProblem({ failAt: { blank: '5' } })).toBe(
      'failAt.blank must be a whole number from 1'
    );
  });
});
