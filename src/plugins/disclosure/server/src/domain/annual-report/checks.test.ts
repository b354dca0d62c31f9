import { checkReport, type LitigationTable, type RequestTable } from './checks';
import {
  APPLICANT_COLUMNS,
  OUTCOME_ROWS,
  REQUEST_COLUMNS,
  REQUEST_DATA_ROWS,
  REQUEST_ROWS,
} from './format-2021';

/** A consistent table: 3 natural persons and 1 company asked, 1 carried in, 4 answered, 1 carried out. */
const goodRequests = (): RequestTable => {
  const table: RequestTable = Object.fromEntries(REQUEST_DATA_ROWS.map((row) => [row, {}]));
  const set = (row: string, column: string, value: number) => (table[row][column] = value);
  set('new', 'natural', 3);
  set('new', 'commercial', 1);
  set('carriedIn', 'natural', 1);
  set('disclosed', 'natural', 2);
  set('partly', 'commercial', 1);
  set('unavailable.1', 'natural', 1);
  set('carriedOut', 'natural', 1);
  for (const row of REQUEST_DATA_ROWS) {
    if (row === 'resultsTotal') continue;
    table[row].total = APPLICANT_COLUMNS.reduce(
      (sum, column) => sum + (table[row][column] ?? 0),
      0
    );
  }
  for (const column of REQUEST_COLUMNS.map((c) => c.key)) {
    table.resultsTotal[column] = OUTCOME_ROWS.reduce(
      (sum, row) => sum + (table[row][column] ?? 0),
      0
    );
  }
  return table;
};

const goodLitigation = (): LitigationTable => ({
  reconsideration: { upheld: 1, corrected: 0, otherResult: 0, pending: 1, total: 2 },
  suitDirect: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
  suitAfter: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
});

describe('the 2021 annual-report format', () => {
  it('has 25 data rows × 7 columns in table 三, labelled as the national template', () => {
    expect(REQUEST_DATA_ROWS).toHaveLength(25);
    expect(REQUEST_COLUMNS.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(REQUEST_COLUMNS.filter((c) => c.group === '法人或其他组织')).toHaveLength(5);
    const labels = REQUEST_ROWS.map((row) => row.label);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels).toContain('8.属于行政查询事项');
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(labels.at(-2)).toBe('（七）总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
  });
});

describe('勾稽 checks', () => {
  it('pass on a consistent report', () => {
    expect(checkReport(goodRequests(), goodLitigation())).toEqual([]);
  });

  it('name the cell when a row total is not the sum of its applicant columns', () => {
    const table = goodRequests();
    table.disclosed.total = 3;
    expect(checkReport(table, goodLitigation())).toContainEqual({
      rule: 'row total = sum of applicant columns',
      cell: '三.disclosed.total',
      expected: 2,
      actual: 3,
    });
  });

  it('name the cell when （七）总计 is not the sum of the outcomes', () => {
    const table = goodRequests();
    table.resultsTotal.natural = 4;
    table.resultsTotal.total = 5;
    expect(checkReport(table, goodLitigation())).toContainEqual(
      expect.objectContaining({
        rule: '（七）总计 = sum of outcomes',
        cell: '三.resultsTotal.natural',
        expected: 3,
        actual: 4,
      })
    );
  });

  it('name the cell when 一 + 二 ≠ （七）总计 + 四 (requests lost or counted twice)', () => {
    const table = goodRequests();
    table.carriedOut.natural = 0;
    table.carriedOut.total = 0;
    expect(checkReport(table, goodLitigation())).toContainEqual({
      rule: '一 + 二 = （七）总计 + 四',
      cell: '三.carriedOut.natural',
      expected: 1,
      actual: 0,
    });
  });

  it('name the cell when a 四 total is not the sum of its four results', () => {
    const litigation = goodLitigation();
    litigation.suitAfter.total = 1;
    expect(checkReport(goodRequests(), litigation)).toEqual([
      {
        rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        cell: '四.suitAfter.total',
        expected: 0,
        actual: 1,
      },
    ]);
  });
});
