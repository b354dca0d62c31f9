/**
 * The 勾稽 (cross-check) rules of the national tables, every failure listed by the cell it fails
 * at. Empty cells count as 0: a table nobody filled in is consistent, a half-filled one is not.
 */
import { cellKey, type CellValues, type Column, type RuleFailure, type Table } from './format';

const valueOf = (values: CellValues, key: string) => values[key] ?? 0;

/**
 * Table 三: per row 总计 = the six applicant columns; per column （七）总计 = every outcome row
 * (the groups （三）…（六） have no subtotal of their own); per column 一 + 二 = （七）总计 + 四.
 */
export function checkRequestTable(
  table: Table,
  outcomeRows: readonly string[],
  values: CellValues
): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const at = (row: string, column: string) => valueOf(values, cellKey(table, row, column));
  const applicants = table.columns.filter((column) => column.key !== 'total');

  for (const row of table.rows.filter((candidate) => !candidate.heading)) {
    const sum = applicants.reduce((total, column) => total + at(row.key, column.key), 0);
    if (at(row.key, 'total') !== sum) {
      failures.push({
        rule: '总计 = 自然人 + 法人或其他组织各列',
        cell: cellKey(table, row.key, 'total'),
        expected: sum,
        actual: at(row.key, 'total'),
      });
    }
  }
  for (const column of table.columns) {
    const outcomes = outcomeRows.reduce((total, row) => total + at(row, column.key), 0);
    if (at('resultsTotal', column.key) !== outcomes) {
      failures.push({
        rule: '（七）总计 = 各项办理结果之和',
        cell: cellKey(table, 'resultsTotal', column.key),
        expected: outcomes,
        actual: at('resultsTotal', column.key),
      });
    }
    const incoming = at('new', column.key) + at('carriedIn', column.key);
    if (incoming !== at('resultsTotal', column.key) + at('carriedOut', column.key)) {
      failures.push({
        rule: '一 + 二 = （七）总计 + 四',
        cell: cellKey(table, 'carriedOut', column.key),
        expected: incoming - at('resultsTotal', column.key),
        actual: at('carriedOut', column.key),
      });
    }
  }
  return failures;
}

/** Table 四: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkLitigationTable(table: Table, values: CellValues): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const groups = new Set(table.columns.map((column) => column.key.split('.')[0]));
  for (const row of table.rows) {
    for (const group of groups) {
      const parts = table.columns.filter(
        (column) => column.key.startsWith(`${group}.`) && !column.key.endsWith('.total')
      );
      const sum = parts.reduce(
        (total, column) => total + valueOf(values, cellKey(table, row.key, column.key)),
        0
      );
      const key = cellKey(table, row.key, `${group}.total`);
      if (valueOf(values, key) !== sum) {
        failures.push({
          rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
          cell: key,
          expected: sum,
          actual: valueOf(values, key),
        });
      }
    }
  }
  return failures;
}

/**
 * Cells holding something other than a whole number ≥ 0: an amount ≥ 0 for 万元 cells, any whole
 * number for a change over the year (本年增/减, a decrease negative).
 */
export function checkValues(tables: readonly Table[], values: CellValues): RuleFailure[] {
  const failures: RuleFailure[] = [];
  for (const table of tables) {
    for (const row of table.rows.filter((candidate) => !candidate.heading)) {
      for (const column of table.columns) {
        const key = cellKey(table, row.key, column.key);
        const value = values[key];
        if (value === null || value === undefined) continue;
        const problem = valueProblem(column, value);
        if (problem) failures.push({ cell: key, actual: value, ...problem });
      }
    }
  }
  return failures;
}

/** What is wrong with a cell's value for its column, or null. */
export function valueProblem(
  column: Column,
  value: number
): { rule: string; expected: number } | null {
  if (column.amount) {
    return value >= 0 ? null : { rule: '金额不能为负数', expected: 0 };
  }
  if (column.signed) {
    return Number.isInteger(value)
      ? null
      : { rule: '增减为整数（减少写负数）', expected: Math.round(value) };
  }
  return Number.isInteger(value) && value >= 0
    ? null
    : { rule: '件数为非负整数', expected: Math.max(0, Math.round(value)) };
}
