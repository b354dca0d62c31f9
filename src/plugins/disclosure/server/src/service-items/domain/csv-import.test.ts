import { CsvFileError, parseCsv, readImport, timelineOf, type CatalogueEntry } from './csv-import';

const catalogue = new Map<string, CatalogueEntry>([
  [
    '废旧电力设施器材收购的许可',
    { documentId: 'item-a', name: '废旧电力设施器材收购的许可', withdrawnOn: null },
  ],
  [
    '无线电频率台（站）许可',
    { documentId: 'item-r', name: '无线电频率台（站）许可', withdrawnOn: '2018-06-01' },
  ],
]);
const HEADER =
  '办件编号,事项名称,申请人类型,申请人,证件号码,联系电话,申请日期,受理日期,决定日期,办结日期,办理结果';
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe('reading the provincial CSV export', () => {
  it('parses quoted fields with commas, quotes and line breaks, and strips a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,""c""",d\n"e\nf",,\n')).toEqual([
      ['a', 'b,"c"', 'd'],
      ['e\nf', '', ''],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(CsvFileError);
  });

  it('turns each row into a case in the state its dates and result give', () => {
    const { rows, cases } = readImport(
      file(
        'A-1,废旧电力设施器材收购的许可,法人,示范回收有限公司,91210100MA0000000X,024-1,2018-03-01,2018-03-02,2018-03-20,2018-03-22,准予',
        'A-2,废旧电力设施器材收购的许可,自然人,张三,,,2018/3/5,,,2018-03-06,不予受理',
        'A-3,废旧电力设施器材收购的许可,自然人,李四,,,2018-03-05,2018-03-06,,,'
      ),
      catalogue,
      new Set(),
      '2018-12-31'
    );
    expect(rows.map((row) => row.outcome)).toEqual(['import', 'import', 'import']);
    expect(cases.map((entry) => entry.state)).toEqual(['delivered', 'not_accepted', 'accepted']);
    expect(cases[0]).toMatchObject({
      serviceItem: 'item-a',
      decision: 'granted',
      applicantType: 'legal',
    });
    expect(cases[1].appliedOn).toBe('2018-03-05');
    const steps = (index: number) =>
      timelineOf(cases[index], '导入', '2018-12-31T00:00:00Z').map((event) => [
        event.type,
        event.date,
      ]);
    expect(steps(0)).toEqual([
      ['applied', '2018-03-01'],
      ['accept', '2018-03-02'],
      ['decide', '2018-03-20'],
      ['deliver', '2018-03-22'],
    ]);
    expect(steps(1)).toEqual([
      ['applied', '2018-03-05'],
      ['refuse', '2018-03-06'],
    ]);
    expect(steps(2)).toEqual([
      ['applied', '2018-03-05'],
      ['accept', '2018-03-06'],
    ]);
  });

  it('refuses a bad row naming its line and each problem, and keeps the others', () => {
    const { rows, cases } = readImport(
      file(
        'B-1,废旧电力设施器材收购的许可,自然人,王五,,,2018-03-01,2018-03-02,2018-03-10,,准予',
        'B-2,不存在的事项,公民,,,,2018-02-30,,,,批准',
        'B-1,废旧电力设施器材收购的许可,自然人,赵六,,,2018-03-01,,,,',
        'B-4,无线电频率台（站）许可,自然人,钱七,,,2018-07-01,2018-06-30,,,'
      ),
      catalogue,
      new Set(),
      '2018-12-31'
    );
    expect(cases).toHaveLength(1);
    expect(rows[1]).toMatchObject({ line: 3, caseNumber: 'B-2', outcome: 'refused' });
    expect(rows[1].problems).toEqual([
      '事项名称 "不存在的事项" is not a published item of the service catalogue.',
      '申请人类型 "公民" must be 自然人 or 法人.',
      '申请人 is empty.',
      '申请日期 "2018-02-30" is not a date (YYYY-MM-DD).',
      '办理结果 "批准" must be 准予, 不予, 不予受理 or empty (not yet decided).',
    ]);
    expect(rows[2].problems).toEqual([
      '办件编号 B-1 is already registered (or appears twice in the file).',
    ]);
    expect(rows[3].problems).toEqual([
      '受理日期 is before 申请日期.',
      '事项「无线电频率台（站）许可」 was withdrawn on 2018-06-01, before 申请日期.',
    ]);
  });

  it('refuses a case number that could not name the case in an address', () => {
    const { rows } = readImport(
      file('../x,废旧电力设施器材收购的许可,自然人,张三,,,2018-03-05,,,,'),
      catalogue,
      new Set(),
      '2018-12-31'
    );
    expect(rows[0].problems).toEqual(['办件编号 "../x" may hold letters, digits, - and _ only.']);
  });

  it('refuses a file with an unknown or missing column as a whole', () => {
    expect(() => readImport('办件编号,事项\nx,y', catalogue, new Set(), '2018-12-31')).toThrow(
      'Unknown column "事项"'
    );
    expect(() => readImport('办件编号,事项名称\nx,y', catalogue, new Set(), '2018-12-31')).toThrow(
      'lacks the column(s) 申请人类型, 申请人, 申请日期, 办理结果'
    );
    expect(() => readImport(HEADER, catalogue, new Set(), '2018-12-31')).toThrow('no rows');
  });
});
