import { cellsOf } from '../../../../../shared/reporting/annual-report/format';
import {
  FORMAT_2021,
  REQUEST_ROWS,
} from '../../../../../shared/reporting/annual-report/format-2021';
import type { AnnualReport } from './report';
import { renderReportCsv } from './render-csv';
import { renderReportHtml } from './render-html';

const report = (): AnnualReport => ({
  year: 2021,
  formatVersion: 'f2021',
  formatLabel: FORMAT_2021.label,
  title: '示范市工业和信息化局2021年政府信息公开工作年度报告',
  overview: '2021年，本局认真贯彻《条例》。\n全年主动公开信息514条。',
  problems: '信息更新不够及时。',
  otherMatters: '本年度未收取信息处理费。',
  tables: FORMAT_2021.tables,
  cells: Object.fromEntries(
    cellsOf(FORMAT_2021).map((cell, index) => [
      cell.key,
      { value: index % 5, source: index % 2 ? 'computed' : 'entered' },
    ])
  ),
  failures: [],
});

/** The text of every <th> and heading, in document order. */
const labelsIn = (html: string) =>
  [...html.matchAll(/<(?:th|h1|h2)[^>]*>([^<]*)<\/(?:th|h1|h2)>/g)].map((match) => match[1]);

describe('the printable HTML of a 2021 report', () => {
  it('has the six sections in order', () => {
    const headings = [...renderReportHtml(report()).matchAll(/<h2>([^<]*)<\/h2>/g)].map(
      (match) => match[1]
    );
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('prints every label of the 2021 tables, in the template order', () => {
    const labels = labelsIn(renderReportHtml(report()));
    const expected = [
      '第二十条第（一）项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '行政规范性文件',
      '第二十条第（五）项',
      '信息内容',
      '本年处理决定数量',
      '行政许可',
      '第二十条第（六）项',
      '信息内容',
      '本年处理决定数量',
      '行政处罚',
      '行政强制',
      '第二十条第（八）项',
      '信息内容',
      '本年收费金额（单位：万元）',
      '行政事业性收费',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      ...REQUEST_ROWS.map((row) => row.label),
      '行政复议',
      '行政诉讼',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
      '复议后起诉',
      ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat(),
    ];
    const tableLabels = labels.filter(
      (label) => !/^[一二三四五六]、/.test(label) || REQUEST_ROWS.some((row) => row.label === label)
    );
    expect(tableLabels.slice(1)).toEqual(expected);
  });

  it('merges the header cells as the national template does', () => {
    const html = renderReportHtml(report());
    expect(html).toContain('<th colspan="7">申请人情况</th>');
    expect(html).toContain('<th rowspan="2">自然人</th>');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toContain('<th colspan="5">行政复议</th>');
    expect(html).toContain('<th colspan="10">行政诉讼</th>');
    expect(html).toContain('<th rowspan="2">结果维持</th>');
    // 三、本年度办理结果 spans its 22 outcome rows; （三）不予公开 its 8 reasons.
    expect(html).toContain('<th class="row-heading" rowspan="22">三、本年度办理结果</th>');
    expect(html).toContain('<th class="row-heading" rowspan="8">（三）不予公开</th>');
    expect(html).toContain(
      '<th class="row-label level-0" colspan="3">一、本年新收政府信息公开申请数量</th>'
    );
  });

  it('prints each value in its cell and escapes the text', () => {
    const data = report();
    data.overview = '<script>alert(1)</script>';
    const html = renderReportHtml(data);
    expect(html).not.toContain('<script>');
    expect(html).toMatch(
      /<td data-cell="三\.requests\.new\.natural" class="(entered|computed)">\d<\/td>/
    );
  });
});

describe('the CSV export', () => {
  it('has one line per cell with its labels, value and source', () => {
    const csv = renderReportCsv(report());
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1 + cellsOf(FORMAT_2021).length);
    expect(lines[0]).toBe('部分,表格,行,列,数值,来源,单元格');
    expect(lines).toContain(
      '三,,一、本年新收政府信息公开申请数量,申请人情况 / 法人或其他组织 / 商业企业,' +
        `${report().cells['三.requests.new.commercial'].value},系统统计,三.requests.new.commercial`
    );
  });
});
