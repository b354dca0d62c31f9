import { problemsDraft } from './problems-draft';

describe('the draft sentence for 存在的主要问题', () => {
  it('names the stale days, the worst columns and the blank ones', () => {
    const columns = [
      { name: '工作动态', staleDays: 40, blank: false },
      { name: '通知公告', staleDays: 10, blank: false },
      { name: '规划计划', staleDays: 0, blank: true },
    ];
    expect(problemsDraft({ staleColumns: 2, staleDays: 50, blankColumns: 1 }, columns)).toBe(
      '本年度有2个栏目曾超过更新期限未更新，累计50天（工作动态40天、通知公告10天）；1个栏目无内容（规划计划），网站内容更新还不够及时。'
    );
  });

  it('says so when every column was updated in time', () => {
    expect(problemsDraft({ staleColumns: 0, staleDays: 0, blankColumns: 0 }, [])).toBe(
      '本年度各栏目均在更新期限内更新，无空白栏目。'
    );
  });
});
