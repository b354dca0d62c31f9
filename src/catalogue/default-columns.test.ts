import { DEFAULT_COLUMNS } from './default-columns';

describe('the default catalogue', () => {
  it('has the six top columns of the source site, in order', () => {
    const top = DEFAULT_COLUMNS.filter((column) => column.kind === 'catalogue_column');
    expect(top.map((column) => column.name['zh-Hans'])).toEqual([
      '政务公开',
      '工作动态',
      '通知公告',
      '行政权力',
      '政策法规',
      '政府会议',
    ]);
  });

  it('has exactly the 12 sub-columns of 政务公开 (domain.md §2), in order', () => {
    const subs = DEFAULT_COLUMNS.filter((column) => column.parent === 'government-disclosure');
    expect(subs.map((column) => column.name['zh-Hans'])).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '机构职能',
      '领导之窗',
      '部门文件',
      '政策解读',
      '规划计划',
      '财政预决算',
      '行政执法公示',
      '建议提案办理',
      '依申请公开',
      '政府信息公开年报',
    ]);
    expect(subs.every((column) => column.kind === 'sub_column')).toBe(true);
  });

  it('has the three interaction windows', () => {
    const windows = DEFAULT_COLUMNS.filter((column) => column.kind === 'interaction_window');
    expect(windows.map((column) => column.name['zh-Hans'])).toEqual([
      '监督投诉',
      '企业服务热线',
      '调查征集',
    ]);
  });

  it('uses unique codes and lists every parent before its children', () => {
    const codes = DEFAULT_COLUMNS.map((column) => column.code);
    expect(new Set(codes).size).toBe(codes.length);
    DEFAULT_COLUMNS.forEach((column, index) => {
      if (column.parent) expect(codes.indexOf(column.parent)).toBeLessThan(index);
    });
  });

  it('names every column in both locales', () => {
    for (const column of DEFAULT_COLUMNS) {
      expect(column.name['zh-Hans']).toMatch(/\S/);
      expect(column.name.en).toMatch(/^[A-Z]/);
    }
  });
});
