/**
 * The 报表 as CSV, one line per field: section, field, value, unit, source, key (UTF-8 with BOM, so
 * Excel opens the Chinese labels correctly). Pure.
 */
import { printedValue } from '../../../../../shared/reporting/website-report/format';
import type { WebsiteReport } from '../../../../../shared/reporting/website-report/contracts';

const quote = (value: string) =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function renderWebsiteReportCsv(report: WebsiteReport): string {
  const lines = [['栏目', '指标', '数值', '单位', '来源', '字段'].join(',')];
  for (const section of report.sections) {
    for (const field of section.fields) {
      const cell = report.cells[field.key];
      lines.push(
        [
          section.label,
          [field.group, field.label].filter(Boolean).join(' / '),
          printedValue(field, cell?.value),
          field.unit ?? '',
          cell?.source === 'computed' ? '系统统计' : '填报',
          field.key,
        ]
          .map(quote)
          .join(',')
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
