import {
  APPLICANT_COLUMNS,
  LITIGATION_GROUPS,
  LITIGATION_RESULTS,
  OUTCOME_ROWS,
  REQUEST_COLUMNS,
} from './format-2021';

/** Table 三 as numbers: row key → column key → count. */
export type RequestTable = Record<string, Record<string, number>>;

/** Table 四: group key → result key → count. */
export type LitigationTable = Record<string, Record<string, number>>;

/** One failed 勾稽 rule, naming the cell it fails at. */
export interface RuleFailure {
  rule: string;
  cell: string;
  expected: number;
  actual: number;
}

const cell = (table: RequestTable, row: string, column: string) => table[row]?.[column] ?? 0;

/**
 * The 勾稽 (cross-check) rules of table 三 and 四, every failure listed by cell:
 * per column 一 + 二 = （七）总计 + 四; （七）总计 = the sum of all outcome rows; per row 总计 = the sum of
 * the six applicant columns; in 四 each 总计 = the sum of its four results.
 */
export function checkReport(requests: RequestTable, litigation: LitigationTable): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const columns = REQUEST_COLUMNS.map((column) => column.key);

  for (const row of Object.keys(requests)) {
    const sum = APPLICANT_COLUMNS.reduce((total, column) => total + cell(requests, row, column), 0);
    if (cell(requests, row, 'total') !== sum) {
      failures.push({
        rule: 'row total = sum of applicant columns',
        cell: `三.${row}.total`,
        expected: sum,
        actual: cell(requests, row, 'total'),
      });
    }
  }
  for (const column of columns) {
    const outcomes = OUTCOME_ROWS.reduce((total, row) => total + cell(requests, row, column), 0);
    if (cell(requests, 'resultsTotal', column) !== outcomes) {
      failures.push({
        rule: '（七）总计 = sum of outcomes',
        cell: `三.resultsTotal.${column}`,
        expected: outcomes,
        actual: cell(requests, 'resultsTotal', column),
      });
    }
    const incoming = cell(requests, 'new', column) + cell(requests, 'carriedIn', column);
    const outgoing = cell(requests, 'resultsTotal', column) + cell(requests, 'carriedOut', column);
    if (incoming !== outgoing) {
      failures.push({
        rule: '一 + 二 = （七）总计 + 四',
        cell: `三.carriedOut.${column}`,
        expected: incoming - cell(requests, 'resultsTotal', column),
        actual: cell(requests, 'carriedOut', column),
      });
    }
  }
  for (const group of LITIGATION_GROUPS) {
    const parts = LITIGATION_RESULTS.filter((result) => result.key !== 'total').reduce(
      (total, result) => total + (litigation[group.key]?.[result.key] ?? 0),
      0
    );
    const total = litigation[group.key]?.total ?? 0;
    if (total !== parts) {
      failures.push({
        rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        cell: `四.${group.key}.total`,
        expected: parts,
        actual: total,
      });
    }
  }
  return failures;
}
