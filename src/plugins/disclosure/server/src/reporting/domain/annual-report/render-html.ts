/**
 * The printable HTML page of an annual report, laid out as the national template: the six
 * sections in order, tables with merged header cells (法人或其他组织 over five columns, 行政诉讼
 * over ten), row headers merged down (三、本年度办理结果 spanning its outcome rows) and the labels
 * exactly as in the format. Pure; the admin's print preview and the export serve it.
 */
import { cellKey, type Table } from '../../../../../shared/reporting/annual-report/format';
import { SECTION_HEADINGS, type AnnualReport } from './report';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Escapes text (quotes stay as typed, e.g. a title with "…" in it); attribute values also escape quotes. */
const escape = (text: string) => text.replace(/[&<>]/g, (char) => ENTITIES[char]);
const attribute = (text: string) => text.replace(/[&<>"]/g, (char) => ENTITIES[char]);

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n|\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n') || '<p class="empty">（无）</p>';

/** Header rows from the columns' group paths: equal neighbours merge, leaves span down. */
function headerRows(table: Table, rowHeaderColumns: number): string[] {
  const depth = Math.max(...table.columns.map((column) => (column.groups?.length ?? 0) + 1));
  const rows: string[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: string[] = [];
    if (level === 0 && rowHeaderColumns > 0) {
      cells.push(
        `<th class="corner" rowspan="${depth}" colspan="${rowHeaderColumns}">${escape(table.corner)}</th>`
      );
    }
    const columns = table.columns;
    for (let index = 0; index < columns.length; index++) {
      const groups = columns[index].groups ?? [];
      if (level < groups.length) {
        const prefix = groups.slice(0, level + 1).join('\u0000');
        const startsRun =
          index === 0 ||
          (columns[index - 1].groups ?? []).slice(0, level + 1).join('\u0000') !== prefix;
        if (!startsRun) continue;
        let span = 1;
        while (
          index + span < columns.length &&
          (columns[index + span].groups ?? []).slice(0, level + 1).join('\u0000') === prefix &&
          (columns[index + span].groups?.length ?? 0) > level
        ) {
          span++;
        }
        cells.push(`<th colspan="${span}">${escape(groups[level])}</th>`);
      } else if (level === groups.length) {
        const rowspan = depth - level;
        cells.push(
          `<th${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${escape(columns[index].label)}</th>`
        );
      }
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return rows;
}

const formatValue = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** One table: title row (二), header rows, body rows with merged row headers. */
export function renderTable(table: Table, report: Pick<AnnualReport, 'cells'>): string {
  const hasRowHeaders = table.rows.some((row) => row.label !== '') || table.corner !== '';
  const rowHeaderColumns = hasRowHeaders ? Math.max(...table.rows.map((row) => row.level)) + 1 : 0;
  const lines: string[] = [];
  const width = rowHeaderColumns + table.columns.length;
  if (table.title)
    lines.push(`<tr><th class="title" colspan="${width}">${escape(table.title)}</th></tr>`);
  lines.push(...headerRows(table, rowHeaderColumns));

  const rows = table.rows;
  // Heading rows waiting to be printed, as rowspans, on the next data row.
  let pending: Array<{ level: number; label: string; span: number }> = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (row.heading) {
      let span = 0;
      for (let next = index + 1; next < rows.length && rows[next].level > row.level; next++) {
        if (!rows[next].heading) span++;
      }
      if (span > 0) pending.push({ level: row.level, label: row.label, span });
      continue;
    }
    const cells: string[] = pending.map(
      (heading) => `<th class="row-heading" rowspan="${heading.span}">${escape(heading.label)}</th>`
    );
    pending = [];
    if (rowHeaderColumns > 0) {
      const colspan = rowHeaderColumns - row.level;
      cells.push(
        `<th class="row-label level-${row.level}"${colspan > 1 ? ` colspan="${colspan}"` : ''}>${escape(row.label)}</th>`
      );
    }
    for (const column of table.columns) {
      const key = cellKey(table, row.key, column.key);
      const cell = report.cells[key];
      cells.push(
        `<td data-cell="${attribute(key)}" class="${cell?.source ?? 'entered'}">${formatValue(cell?.value)}</td>`
      );
    }
    lines.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table data-table="${attribute(`${table.section}.${table.key}`)}">\n${lines.join('\n')}\n</table>`;
}

const STYLE = `
  @page { size: A4; margin: 20mm 15mm; }
  body { font-family: "Noto Serif CJK SC", "SimSun", "Songti SC", serif; color: #000; max-width: 190mm; margin: 0 auto; line-height: 1.7; }
  h1 { font-size: 20pt; text-align: center; font-weight: bold; margin: 12pt 0 18pt; }
  h2 { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; font-size: 14pt; margin: 16pt 0 8pt; }
  p { text-indent: 2em; margin: 0 0 6pt; }
  p.empty { text-indent: 0; color: #555; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; font-size: 10pt; page-break-inside: auto; }
  th, td { border: 1px solid #000; padding: 3pt 4pt; text-align: center; vertical-align: middle; }
  th.row-label { text-align: left; font-weight: normal; }
  th.row-heading { font-weight: normal; }
  th.title { font-weight: bold; background: #f2f2f2; }
  th.corner { font-weight: normal; font-size: 9pt; }
  td.entered { background: #fffdf0; }
  .legend { font-size: 9pt; color: #444; text-indent: 0; }
  @media print { td.entered { background: none; } .legend { display: none; } }
`;

/** The whole printable page. */
export function renderReportHtml(report: AnnualReport): string {
  const tablesOf = (section: string) =>
    report.tables
      .filter((table) => table.section === section)
      .map((table) => renderTable(table, report))
      .join('\n');
  const section = (heading: string, body: string) => `<h2>${escape(heading)}</h2>\n${body}`;
  const noTables = '<p class="empty">（本年度报告格式无统一表格）</p>';
  const body = [
    section(SECTION_HEADINGS.overview, paragraphs(report.overview)),
    section(SECTION_HEADINGS.proactive, tablesOf('二') || noTables),
    section(SECTION_HEADINGS.requests, tablesOf('三') || noTables),
    section(SECTION_HEADINGS.litigation, tablesOf('四') || noTables),
    section(SECTION_HEADINGS.problems, paragraphs(report.problems)),
    section(SECTION_HEADINGS.otherMatters, paragraphs(report.otherMatters)),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>${escape(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(report.title)}</h1>
<p class="legend">格式：${escape(report.formatLabel)}。浅黄色单元格为填报数，其余由系统记录统计生成。</p>
${body}
</body>
</html>
`;
}
