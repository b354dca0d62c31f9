/** The report's cells as CSV (UTF-8 with BOM, so Excel opens the Chinese labels correctly). Pure. */
import { cellKey } from '../../../../../shared/reporting/annual-report/format';
import type { AnnualReport } from './report';

const quote = (value: string) =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function renderReportCsv(report: AnnualReport): string {
  const lines = [['部分', '表格', '行', '列', '数值', '来源', '单元格'].join(',')];
  for (const table of report.tables) {
    for (const row of table.rows.filter((candidate) => !candidate.heading)) {
      for (const column of table.columns) {
        const key = cellKey(table, row.key, column.key);
        const cell = report.cells[key];
        lines.push(
          [
            table.section,
            table.title ?? '',
            row.label,
            [...(column.groups ?? []), column.label].join(' / '),
            cell?.value === null || cell?.value === undefined ? '' : String(cell.value),
            cell?.source === 'computed' ? '系统统计' : '填报',
            key,
          ]
            .map(quote)
            .join(',')
        );
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
