import {
  WEBSITE_REPORT_FIELDS,
  WEBSITE_REPORT_SECTIONS,
  labelWithUnit,
} from '../../../../../shared/reporting/website-report/format';
import type { WebsiteReport } from '../../../../../shared/reporting/website-report/contracts';
import { websiteReportCells } from './fields';
import { renderWebsiteReportCsv } from './render-csv';
import { renderWebsiteReportHtml } from './render-html';

const report = (): WebsiteReport => ({
  year: 2024,
  title: '政府网站工作年度报表（2024年度）',
  sections: WEBSITE_REPORT_SECTIONS,
  cells: websiteReportCells(
    new Map([['publishing.total', { value: 519, source: 'computed', figure: 'items.total' }]]),
    {},
    {
      'site.name': '示范市工业和信息化局 <网站>',
      'security.drills': true,
      'security.monitoring': false,
      'interaction.averageDays': 2.5,
      'media.other': '抖音号, "示范工信"',
      'signoff.preparer': '李四',
    }
  ),
  missing: [],
});

describe('the printable 报表', () => {
  const html = renderWebsiteReportHtml(report());

  it('prints every field with its unit, in the order of the form', () => {
    let position = -1;
    for (const field of WEBSITE_REPORT_FIELDS.filter((f) => f.key.split('.')[0] !== 'signoff')) {
      const label = `${field.ofWhich ? '其中：' : ''}${labelWithUnit(field)}`;
      const at = html.indexOf(`>${label}<`, position + 1);
      expect({ field: field.key, found: at > position }).toEqual({ field: field.key, found: true });
      position = at;
    }
    expect(html).toContain('>收到留言数量（单位：条）<');
  });

  it('merges the section names and sub-headings down their rows', () => {
    expect(html).toContain('<th class="section" rowspan="4">信息发布（单位：条）</th>');
    expect(html).toContain('<th class="group" rowspan="4">留言办理</th>');
    expect(html).toContain('<th class="group" rowspan="3">办件量</th>');
  });

  it('marks computed and entered values, prints yes/no as 是/否 and escapes text', () => {
    expect(html).toContain('<td data-field="publishing.total" class="value computed">519</td>');
    expect(html).toContain('<td data-field="security.drills" class="value entered">是</td>');
    expect(html).toContain('<td data-field="security.monitoring" class="value entered">否</td>');
    expect(html).toContain('示范市工业和信息化局 &lt;网站&gt;');
    expect(html).toContain('填报人：李四');
  });
});

describe('the CSV 报表', () => {
  it('has one line per field: section, field, value, unit, source, key', () => {
    const lines = renderWebsiteReportCsv(report())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('栏目,指标,数值,单位,来源,字段');
    expect(lines).toHaveLength(WEBSITE_REPORT_FIELDS.length + 1);
    expect(lines).toContain('信息发布,总数,519,条,系统统计,publishing.total');
    expect(lines).toContain('互动交流,留言办理 / 平均办理时间,2.5,天,填报,interaction.averageDays');
    expect(lines).toContain('安全防护,是否开展应急演练,是,,填报,security.drills');
    expect(lines).toContain('移动新媒体,其他,"抖音号, ""示范工信""",,填报,media.other');
  });
});
