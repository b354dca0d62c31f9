import { staleDaysIn } from './timeliness';
import { monitorFigures, staleDaysListIn } from './year-figures';

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
