/**
 * The printable HTML page of the 政府网站工作年度报表, laid out as the form of 国办函〔2018〕12号:
 * one table, the section names merged down the first column (信息发布（单位：条）), sub-headings
 * merged down the second (留言办理, 微博 …), then the field with its unit and the value; the basic
 * information above as label | value rows, and the sign-off line (单位负责人 … 填报日期) below.
 * Pure; the admin's print preview and the export serve it.
 */
import {
  labelWithUnit,
  printedValue,
  type WebsiteReportField,
  type WebsiteReportSection,
} from '../../../../../shared/reporting/website-report/format';
import type { WebsiteReport } from '../../../../../shared/reporting/website-report/contracts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>]/g, (char) => ENTITIES[char]);
const attribute = (text: string) => text.replace(/[&<>"]/g, (char) => ENTITIES[char]);

const HEADER_SECTION = 'site';
const SIGNOFF_SECTION = 'signoff';

function valueCell(field: WebsiteReportField, report: WebsiteReport, colspan = 1): string {
  const cell = report.cells[field.key];
  const span = colspan > 1 ? ` colspan="${colspan}"` : '';
  return `<td data-field="${attribute(field.key)}" class="value ${cell?.source ?? 'entered'}"${span}>${escape(printedValue(field, cell?.value))}</td>`;
}

/** The header rows: 网站名称 | value, one a line, across the table's width. */
function headerRows(section: WebsiteReportSection, report: WebsiteReport): string[] {
  return section.fields.map(
    (field) =>
      `<tr><th class="label" colspan="2">${escape(labelWithUnit(field))}</th>${valueCell(field, report, 2)}</tr>`
  );
}

/** A section's rows: its name merged down, sub-headings merged down beside their fields. */
function sectionRows(section: WebsiteReportSection, report: WebsiteReport): string[] {
  const rows: string[] = [];
  const sectionName = section.unit ? `${section.label}（单位：${section.unit}）` : section.label;
  const fields = section.fields;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    const cells: string[] = [];
    if (index === 0) {
      cells.push(`<th class="section" rowspan="${fields.length}">${escape(sectionName)}</th>`);
    }
    const label = `${field.ofWhich ? '其中：' : ''}${labelWithUnit(field)}`;
    if (field.group) {
      if (index === 0 || fields[index - 1].group !== field.group) {
        let span = 1;
        while (fields[index + span]?.group === field.group) span++;
        cells.push(`<th class="group" rowspan="${span}">${escape(field.group)}</th>`);
      }
      cells.push(`<th class="label">${escape(label)}</th>`);
    } else {
      cells.push(`<th class="label" colspan="2">${escape(label)}</th>`);
    }
    cells.push(valueCell(field, report));
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return rows;
}

function signoff(section: WebsiteReportSection | undefined, report: WebsiteReport): string {
  if (!section) return '';
  const parts = section.fields.map((field) => {
    const value = printedValue(field, report.cells[field.key]?.value);
    return `<span data-field="${attribute(field.key)}">${escape(field.label)}：${escape(value)}</span>`;
  });
  return `<p class="signoff">${parts.join('')}</p>`;
}

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Noto Serif CJK SC", "SimSun", "Songti SC", serif; color: #000; max-width: 190mm; margin: 0 auto; line-height: 1.6; }
  h1 { font-size: 18pt; text-align: center; font-weight: bold; margin: 12pt 0 6pt; }
  table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
  th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: middle; }
  th { font-weight: normal; text-align: left; }
  th.section, th.group { text-align: center; }
  th.section { width: 22%; }
  th.group { width: 14%; }
  td.value { text-align: center; width: 22%; }
  td.entered { background: #fffdf0; }
  p.signoff { margin: 10pt 0 0; display: flex; flex-wrap: wrap; gap: 6pt 24pt; }
  .legend { font-size: 9pt; color: #444; }
  @media print { td.entered { background: none; } .legend { display: none; } }
`;

/** The whole printable page. */
export function renderWebsiteReportHtml(report: WebsiteReport): string {
  const header = report.sections.find((section) => section.key === HEADER_SECTION);
  const body = report.sections.filter(
    (section) => section.key !== HEADER_SECTION && section.key !== SIGNOFF_SECTION
  );
  const rows = [
    ...(header ? headerRows(header, report) : []),
    ...body.flatMap((section) => sectionRows(section, report)),
  ];
  return `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>${escape(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(report.title)}</h1>
<p class="legend">浅黄色为填报数，其余由系统记录统计生成。</p>
<table data-report="website-report">
${rows.join('\n')}
</table>
${signoff(
  report.sections.find((section) => section.key === SIGNOFF_SECTION),
  report
)}
</body>
</html>
`;
}
