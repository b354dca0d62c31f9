import { cellKey, cellsOf, type CellValues } from './format';
import { FORMAT_2019 } from './format-2019';
import {
  APPLICANT_COLUMNS,
  FORMAT_2021,
  LITIGATION_TABLE,
  OUTCOME_ROWS,
  REQUEST_COLUMNS,
  REQUEST_DATA_ROWS,
  REQUEST_ROWS,
  REQUEST_TABLE,
} from './format-2021';
import { checkValues } from './checks';

const r = (row: string, column: string) => cellKey(REQUEST_TABLE, row, column);
const l = (column: string) => cellKey(LITIGATION_TABLE, 'count', column);

/** A consistent report: 3 natural persons and 1 company asked, 1 carried in, 4 answered, 1 carried out. */
const goodValues = (): CellValues => {
  const values: CellValues = {};
  values[r('new', 'natural')] = 3;
  values[r('new', 'commercial')] = 1;
  values[r('carriedIn', 'natural')] = 1;
  values[r('disclosed', 'natural')] = 2;
  values[r('partly', 'commercial')] = 1;
  values[r('unavailable.1', 'natural')] = 1;
  values[r('carriedOut', 'natural')] = 1;
  for (const row of REQUEST_DATA_ROWS) {
    if (row === 'resultsTotal') continue;
    values[r(row, 'total')] = APPLICANT_COLUMNS.reduce(
      (sum, c) => sum + (values[r(row, c)] ?? 0),
      0
    );
  }
  for (const column of REQUEST_COLUMNS.map((c) => c.key)) {
    values[r('resultsTotal', column)] = OUTCOME_ROWS.reduce(
      (sum, row) => sum + (values[r(row, column)] ?? 0),
      0
    );
  }
  values[l('reconsideration.upheld')] = 1;
  values[l('reconsideration.pending')] = 1;
  values[l('reconsideration.total')] = 2;
  return values;
};

describe('the 2021 annual-report format', () => {
  it('has 25 data rows × 7 columns in table 三, labelled as the national template', () => {
    expect(REQUEST_DATA_ROWS).toHaveLength(25);
    expect(cellsOf(FORMAT_2021).filter((cell) => cell.table.section === '三')).toHaveLength(175);
    expect(REQUEST_COLUMNS.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(REQUEST_COLUMNS.filter((c) => c.groups?.includes('法人或其他组织'))).toHaveLength(5);
    const labels = REQUEST_ROWS.map((row) => row.label);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels).toContain('8.属于行政查询事项');
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(labels.at(-2)).toBe('（七）总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
  });

  it('has one row of 15 counts in table 四', () => {
    expect(cellsOf(FORMAT_2021).filter((cell) => cell.table.section === '四')).toHaveLength(15);
  });

  it('has 23 rows in table 三 of the 2019 trial format, （六） as a single row', () => {
    const table = FORMAT_2019.tables.find((candidate) => candidate.section === '三')!;
    expect(table.rows.filter((row) => !row.heading)).toHaveLength(23);
    expect(FORMAT_2019.tables.map((candidate) => candidate.title).filter(Boolean)).toContain(
      '第二十条第（九）项'
    );
  });
});

describe('勾稽 checks', () => {
  it('pass on a consistent report', () => {
    expect(FORMAT_2021.check(goodValues())).toEqual([]);
  });

  it('pass on an empty report', () => {
    expect(FORMAT_2021.check({})).toEqual([]);
  });

  it('name the cell when a row total is not the sum of its applicant columns', () => {
    const values = goodValues();
    values[r('disclosed', 'total')] = 3;
    expect(FORMAT_2021.check(values)).toContainEqual({
      rule: '总计 = 自然人 + 法人或其他组织各列',
      cell: '三.requests.disclosed.total',
      expected: 2,
      actual: 3,
    });
  });

  it('name the cell when （七）总计 is not the sum of the outcomes', () => {
    const values = goodValues();
    values[r('resultsTotal', 'natural')] = 4;
    values[r('resultsTotal', 'total')] = 5;
    expect(FORMAT_2021.check(values)).toContainEqual(
      expect.objectContaining({
        rule: '（七）总计 = 各项办理结果之和',
        cell: '三.requests.resultsTotal.natural',
        expected: 3,
        actual: 4,
      })
    );
  });

  it('name the cell when 一 + 二 ≠ （七）总计 + 四 (requests lost or counted twice)', () => {
    const values = goodValues();
    values[r('carriedOut', 'natural')] = 0;
    values[r('carriedOut', 'total')] = 0;
    expect(FORMAT_2021.check(values)).toContainEqual({
      rule: '一 + 二 = （七）总计 + 四',
      cell: '三.requests.carriedOut.natural',
      expected: 1,
      actual: 0,
    });
  });

  it('name the cell when a 四 total is not the sum of its four results', () => {
    const values = goodValues();
    values[l('suitAfter.total')] = 1;
    expect(FORMAT_2021.check(values)).toEqual([
      {
        rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        cell: '四.litigation.count.suitAfter.total',
        expected: 0,
        actual: 1,
      },
    ]);
  });

  it('apply to the 2019 trial format with its single （六） row', () => {
    const table = FORMAT_2019.tables.find((candidate) => candidate.section === '三')!;
    const values: CellValues = {
      [cellKey(table, 'new', 'natural')]: 1,
      [cellKey(table, 'new', 'total')]: 1,
      [cellKey(table, 'otherHandling', 'natural')]: 1,
      [cellKey(table, 'otherHandling', 'total')]: 1,
      [cellKey(table, 'resultsTotal', 'natural')]: 1,
      [cellKey(table, 'resultsTotal', 'total')]: 1,
    };
    expect(FORMAT_2019.check(values)).toEqual([]);
    values[cellKey(table, 'resultsTotal', 'natural')] = 0;
    expect(FORMAT_2019.check(values).map((failure) => failure.cell)).toContain(
      '三.requests.resultsTotal.natural'
    );
  });

  it('refuse negative or fractional counts and allow decimal amounts (万元)', () => {
    const fees = '二.article20_8.fees.amount';
    expect(
      checkValues(FORMAT_2021.tables, { [r('new', 'natural')]: 1.5, [fees]: 0.35 }).map(
        (failure) => failure.cell
      )
    ).toEqual([r('new', 'natural')]);
    expect(checkValues(FORMAT_2021.tables, { [fees]: -1 })[0].rule).toBe('金额不能为负数');
  });
});

describe('labels and the 2019 trial format', () => {
  const requestTable = (format: typeof FORMAT_2021) =>
    format.tables.find((candidate) => candidate.section === '三')!;

  it.each([
    ['2021', FORMAT_2021],
    ['2019', FORMAT_2019],
  ])('the %s format labels （二） and （三）3 as the national table', (_name, format) => {
    const labels = Object.fromEntries(requestTable(format).rows.map((row) => [row.key, row.label]));
    expect(labels.partly).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(labels['refused.3']).toBe('3.危及“三安全一稳定”');
  });

  it('has 上一年项目数量 / 本年增/减 / 处理决定数量 in 二（五）（六）, and no 处理决定数量 in 二（八）', () => {
    const columns = (key: string) =>
      FORMAT_2019.tables.find((table) => table.key === key)!.columns.map((column) => column.label);
    expect(columns('article20_5')).toEqual(['上一年项目数量', '本年增/减', '处理决定数量']);
    expect(columns('article20_6')).toEqual(['上一年项目数量', '本年增/减', '处理决定数量']);
    expect(columns('article20_8')).toEqual(['上一年项目数量', '本年增/减']);
  });

  it('takes a decrease in 本年增/减 as a negative whole number, and nowhere else', () => {
    const change = '二.article20_5.licensing.change';
    const previous = '二.article20_5.licensing.previous';
    expect(
      checkValues(FORMAT_2019.tables, {
        [change]: -3,
        '二.article20_6.penalty.change': 2,
        '二.article20_8.fees.change': -1,
      })
    ).toEqual([]);
    expect(checkValues(FORMAT_2019.tables, { [change]: -1.5, [previous]: -1 })).toEqual([
      { rule: '件数为非负整数', cell: previous, expected: 0, actual: -1 },
      { rule: '增减为整数（减少写负数）', cell: change, expected: -1, actual: -1.5 },
    ]);
  });

  it('computes the single （六）其他处理 row of 2019 from the records, like every other row of 三', () => {
    const table = requestTable(FORMAT_2019);
    for (const column of REQUEST_COLUMNS) {
      expect(FORMAT_2019.computedFrom[cellKey(table, 'otherHandling', column.key)]).toBe(
        `requests.table3:otherHandling.${column.key}`
      );
    }
    expect(table.rows.find((row) => row.key === 'otherHandling')!.label).toBe('（六）其他处理');
  });
});
