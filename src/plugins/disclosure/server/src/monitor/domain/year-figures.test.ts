import { staleDaysIn } from './timeliness';
import { monitorFigures, staleDaysListIn } from './year-figures';
import { draftProblems } from '../../reporting/sdk';

describe('the stale days of a year, listed', () => {
  it('lists the days staleDaysIn counts, each after its newest publication', () => {
    const dates = ['2017-12-20', '2018-01-10', '2018-03-01'];
    const list = staleDaysListIn(dates, 14, '2018-01-01', '2018-03-31');
    expect(list).toHaveLength(staleDaysIn(dates, 14, '2018-01-01', '2018-03-31'));
    // 2017-12-20 + 15 = 2018-01-04 … 2018-01-09; 2018-01-25 … 2018-02-28; 2018-03-16 … 03-31.
    expect(list[0]).toEqual({ date: '2018-01-04', since: '2017-12-20' });
    expect(list[5]).toEqual({ date: '2018-01-09', since: '2017-12-20' });
    expect(list[6]).toEqual({ date: '2018-01-25', since: '2018-01-10' });
    expect(list.at(-1)).toEqual({ date: '2018-03-31', since: '2018-03-01' });
    expect(list).toHaveLength(6 + 35 + 16);
  });

  it('counts nothing before the first publication (blank, not stale)', () => {
    expect(staleDaysListIn([], 14, '2018-01-01', '2018-12-31')).toEqual([]);
    expect(staleDaysListIn(['2018-12-01'], 14, '2018-01-01', '2018-12-31')).toHaveLength(16);
  });
});

describe('the monitor section', () => {
  it('counts the stale columns, their days and the blank columns, per column too', () => {
    const section = monitorFigures([
      { code: 'a', name: '甲', staleDays: 3, blank: false },
      { code: 'b', name: '乙', staleDays: 0, blank: true },
      { code: 'c', name: '丙', staleDays: 0, blank: false },
    ]);
    expect(section.staleColumns.value).toBe(1);
    expect(section.staleDays.value).toBe(3);
    expect(section.blankColumns.value).toBe(1);
    expect(section.staleDaysByColumn.map((figure) => figure.key)).toEqual([
      'monitor.staleDays:a',
      'monitor.staleDays:b',
      'monitor.staleDays:c',
    ]);
    expect(section.blankByColumn.map((figure) => figure.value)).toEqual([0, 1, 0]);
  });
});

describe('the draft sentence for 存在的主要问题 (the monitor page and the annual report)', () => {
  const sentence = (columns: Array<{ name: string; staleDays: number; blank: boolean }>) =>
    draftProblems({
      monitor: monitorFigures(columns.map((column) => ({ ...column, code: column.name }))),
    }).text;

  it('names the stale days, the worst columns and the blank ones', () => {
    const columns = [
      { name: '工作动态', staleDays: 40, blank: false },
      { name: '通知公告', staleDays: 10, blank: false },
      { name: '规划计划', staleDays: 0, blank: true },
    ];
    expect(sentence(columns)).toBe(
      '本年度有2个栏目曾超过更新期限未更新，累计50天（工作动态40天、通知公告10天）；1个栏目无内容（规划计划），网站内容更新还不够及时。'
    );
  });

  it('says so when every column was updated in time', () => {
    expect(sentence([])).toBe('本年度各栏目均在更新期限内更新，无空白栏目。');
  });
});
