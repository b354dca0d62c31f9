/**
 * The national annual-report tables, 2021 format (国办公开办函〔2021〕30号), as data with the exact
 * labels of domain.md §5.
 */
import { checkRequestTable, checkLitigationTable } from './checks';
import { numberedRows, type Column, type ReportFormat, type Row, type Table } from './format';

const APPLICANTS = '申请人情况';
const ORGANISATIONS = '法人或其他组织';

/** Section 三 columns: requests by applicant type. */
export const REQUEST_COLUMNS: readonly Column[] = [
  { key: 'natural', label: '自然人', groups: [APPLICANTS] },
  { key: 'commercial', label: '商业企业', groups: [APPLICANTS, ORGANISATIONS] },
  { key: 'research', label: '科研机构', groups: [APPLICANTS, ORGANISATIONS] },
  { key: 'nonprofit', label: '社会公益组织', groups: [APPLICANTS, ORGANISATIONS] },
  { key: 'legal', label: '法律服务机构', groups: [APPLICANTS, ORGANISATIONS] },
  { key: 'other', label: '其他', groups: [APPLICANTS, ORGANISATIONS] },
  { key: 'total', label: '总计', groups: [APPLICANTS] },
];

/** The six applicant columns whose sum is 总计. */
export const APPLICANT_COLUMNS = REQUEST_COLUMNS.filter((column) => column.key !== 'total').map(
  (column) => column.key
);

export const REFUSAL_REASONS = [
  '属于国家秘密',
  '其他法律行政法规禁止公开',
  '危及“三安全一稳定”',
  '保护第三方合法权益',
  '属于三类内部事务信息',
  '属于四类过程性信息',
  '属于行政执法案卷',
  '属于行政查询事项',
] as const;
export const UNAVAILABLE_REASONS = [
  '本机关不掌握相关政府信息',
  '没有现成信息需要另行制作',
  '补正后申请内容仍不明确',
] as const;
export const NOT_HANDLED_REASONS = [
  '信访举报投诉类申请',
  '重复申请',
  '要求提供公开出版物',
  '无正当理由大量反复申请',
  '要求行政机关确认或重新出具已获取信息',
] as const;
export const OTHER_HANDLING_REASONS = [
  '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '其他',
] as const;

/** Row （二） with the template's own counting rule, as every published report prints it. */
export const PARTLY_LABEL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

export const REQUEST_ROWS: readonly Row[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 0 },
  { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量', level: 0 },
  { key: 'results', label: '三、本年度办理结果', level: 0, heading: true },
  { key: 'disclosed', label: '（一）予以公开', level: 1 },
  { key: 'partly', label: PARTLY_LABEL, level: 1 },
  { key: 'refused', label: '（三）不予公开', level: 1, heading: true },
  ...numberedRows('refused', REFUSAL_REASONS),
  { key: 'unavailable', label: '（四）无法提供', level: 1, heading: true },
  ...numberedRows('unavailable', UNAVAILABLE_REASONS),
  { key: 'notHandled', label: '（五）不予处理', level: 1, heading: true },
  ...numberedRows('notHandled', NOT_HANDLED_REASONS),
  { key: 'otherHandling', label: '（六）其他处理', level: 1, heading: true },
  ...numberedRows('otherHandling', OTHER_HANDLING_REASONS),
  { key: 'resultsTotal', label: '（七）总计', level: 1 },
  { key: 'carriedOut', label: '四、结转下年度继续办理', level: 0 },
];

/** The rows that hold numbers (25 in the 2021 format). */
export const REQUEST_DATA_ROWS = REQUEST_ROWS.filter((row) => !row.heading).map((row) => row.key);

/** The outcome rows whose sum is （七）总计: （一）（二） and every numbered sub-row. */
export const OUTCOME_ROWS = REQUEST_DATA_ROWS.filter(
  (key) => key === 'disclosed' || key === 'partly' || key.includes('.')
);

export const REQUEST_TABLE: Table = {
  key: 'requests',
  section: '三',
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columns: REQUEST_COLUMNS,
  rows: REQUEST_ROWS,
};

const RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'otherResult', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

/** Section 四: reconsideration and litigation, one row of 15 counts. */
export const LITIGATION_GROUPS = [
  { key: 'reconsideration', groups: ['行政复议'] },
  { key: 'suitDirect', groups: ['行政诉讼', '未经复议直接起诉'] },
  { key: 'suitAfter', groups: ['行政诉讼', '复议后起诉'] },
] as const;

export const LITIGATION_TABLE: Table = {
  key: 'litigation',
  section: '四',
  corner: '',
  columns: LITIGATION_GROUPS.flatMap((group) =>
    RESULTS.map((result) => ({
      key: `${group.key}.${result.key}`,
      label: result.label,
      groups: group.groups,
    }))
  ),
  rows: [{ key: 'count', label: '', level: 0 }],
};

/** A table of section 二: a title row, 信息内容 and its columns (counts unless marked). */
export const proactiveTable = (
  key: string,
  title: string,
  columns: ReadonlyArray<[string, string, ('amount' | 'signed')?]>,
  rows: ReadonlyArray<[string, string]>
): Table => ({
  key,
  section: '二',
  title,
  corner: '信息内容',
  columns: columns.map(([columnKey, label, kind]) => ({
    key: columnKey,
    label,
    ...(kind ? { [kind]: true } : {}),
  })),
  rows: rows.map(([rowKey, label]) => ({ key: rowKey, label, level: 0 })),
});

/** Section 二: proactive disclosure under 条例 第二十条. */
export const PROACTIVE_TABLES: readonly Table[] = [
  proactiveTable(
    'article20_1',
    '第二十条第（一）项',
    [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['inForce', '现行有效件数'],
    ],
    [
      ['rule', '规章'],
      ['normative', '行政规范性文件'],
    ]
  ),
  proactiveTable(
    'article20_5',
    '第二十条第（五）项',
    [['decisions', '本年处理决定数量']],
    [['licensing', '行政许可']]
  ),
  proactiveTable(
    'article20_6',
    '第二十条第（六）项',
    [['decisions', '本年处理决定数量']],
    [
      ['penalty', '行政处罚'],
      ['enforcement', '行政强制'],
    ]
  ),
  proactiveTable(
    'article20_8',
    '第二十条第（八）项',
    [['amount', '本年收费金额（单位：万元）', 'amount']],
    [['fees', '行政事业性收费']]
  ),
];

/** Policy-document cells of 二（一）, computed from the policy documents on record. */
export const POLICY_CELLS: Record<string, string> = {
  '二.article20_1.rule.issued': 'policies.issued:rule',
  '二.article20_1.rule.repealed': 'policies.repealed:rule',
  '二.article20_1.rule.inForce': 'policies.inForce:rule',
  '二.article20_1.normative.issued': 'policies.issued:normative',
  '二.article20_1.normative.repealed': 'policies.repealed:normative',
  '二.article20_1.normative.inForce': 'policies.inForce:normative',
};

/**
 * 二（五）行政许可 本年处理决定数量 (the 2019 format's 处理决定数量): the decisions on 行政许可 service
 * items, once the service-items module's `serviceCases` provider is registered; entered before.
 */
export const LICENSING_DECISIONS_CELL = '二.article20_5.licensing.decisions';
export const LICENSING_DECISIONS_FIGURE = 'serviceCases.licensingDecisions';

/** Table 三 cells come from the `requests` statistics provider once one is registered. */
export const requestCellFigures = (table: Table): Record<string, string> =>
  Object.fromEntries(
    table.rows
      .filter((row) => !row.heading)
      .flatMap((row) =>
        table.columns.map((column) => [
          `${table.section}.${table.key}.${row.key}.${column.key}`,
          `requests.table3:${row.key}.${column.key}`,
        ])
      )
  );

export const FORMAT_2021: ReportFormat = {
  version: 'f2021',
  label: '2021年版（国办公开办函〔2021〕30号）',
  tables: [...PROACTIVE_TABLES, REQUEST_TABLE, LITIGATION_TABLE],
  computedFrom: {
    ...POLICY_CELLS,
    [LICENSING_DECISIONS_CELL]: LICENSING_DECISIONS_FIGURE,
    ...requestCellFigures(REQUEST_TABLE),
  },
  check: (values) => [
    ...checkRequestTable(REQUEST_TABLE, OUTCOME_ROWS, values),
    ...checkLitigationTable(LITIGATION_TABLE, values),
  ],
};
