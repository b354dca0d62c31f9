import { draftProblems } from './problems-draft';

const figure = (key: string, label: string, value: number) => ({ key, label, value });

/** The demo's 2018 as the monitor counts it. */
const MONITOR = {
  staleColumns: figure('monitor.staleColumns', '曾超过更新期限的栏目数', 2),
  staleDays: figure('monitor.staleDays', '超期未更新累计天数', 111),
  staleDaysByColumn: [
    figure('monitor.staleDays:work-news', '工作动态', 0),
    figure('monitor.staleDays:department-documents', '部门文件', 4),
    figure('monitor.staleDays:policy-interpretations', '政策解读', 107),
  ],
  blankColumns: figure('monitor.blankColumns', '空白栏目数', 2),
  blankByColumn: [
    figure('monitor.blank:work-news', '工作动态', 0),
    figure('monitor.blank:power', '行政权力', 1),
    figure('monitor.blank:meetings', '政府会议', 1),
  ],
};

describe('the 存在的主要问题 draft', () => {
  it('writes the monitor sentence, each number a figure with its key', () => {
    const draft = draftProblems({ monitor: MONITOR });
    expect(draft.text).toBe(
      '本年度有2个栏目曾超过更新期限未更新，累计111天（政策解读107天、部门文件4天）；2个栏目无内容（行政权力、政府会议），网站内容更新还不够及时。'
    );
    expect(draft.parts.filter((part) => part.figure).map((part) => part.text)).toEqual([
      '2',
      '111',
      '107',
      '4',
      '2',
    ]);
    expect(draft.figures).toEqual([
      'monitor.staleColumns',
      'monitor.staleDays',
      'monitor.staleDays:policy-interpretations',
      'monitor.staleDays:department-documents',
      'monitor.blankColumns',
    ]);
    expect(draft.parts.every((part) => part.text !== '')).toBe(true);
  });

  it('names at most the three longest stale columns, catalogue order among equals', () => {
    const draft = draftProblems({
      monitor: {
        ...MONITOR,
        staleColumns: figure('monitor.staleColumns', '', 4),
        staleDays: figure('monitor.staleDays', '', 40),
        staleDaysByColumn: [
          figure('monitor.staleDays:a', '甲', 10),
          figure('monitor.staleDays:b', '乙', 5),
          figure('monitor.staleDays:c', '丙', 10),
          figure('monitor.staleDays:d', '丁', 15),
        ],
        blankColumns: figure('monitor.blankColumns', '', 0),
      },
    });
    expect(draft.text).toBe(
      '本年度有4个栏目曾超过更新期限未更新，累计40天（丁15天、甲10天、丙10天），网站内容更新还不够及时。'
    );
  });

  it('says so when nothing was stale or blank, and is empty without the monitor', () => {
    const none = draftProblems({
      monitor: {
        ...MONITOR,
        staleColumns: figure('monitor.staleColumns', '', 0),
        staleDays: figure('monitor.staleDays', '', 0),
        blankColumns: figure('monitor.blankColumns', '', 0),
      },
    });
    expect(none.text).toBe('本年度各栏目均在更新期限内更新，无空白栏目。');
    expect(none.figures).toEqual([]);
    expect(draftProblems({})).toEqual({ text: '', parts: [], figures: [] });
    expect(draftProblems({ monitor: { staleColumns: 2 } }).text).toBe('');
  });
});
