/**
 * The national annual-report tables, 2021 format (国办公开办函〔2021〕30号), as data: row and column
 * keys with their exact labels (domain.md §5). Pure; the statistics and the exports read it.
 */

export interface Row {
  key: string;
  label: string;
  /** Rows printed as a heading without cells of their own (三、本年度办理结果, （三）不予公开 …). */
  heading?: boolean;
  /** Indentation level in the printed table. */
  level: number;
}

export interface Column {
  key: string;
  label: string;
  /** A group header printed above this column (法人或其他组织). */
  group?: string;
}

/** Section 三: requests received and handled. */
export const REQUEST_COLUMNS: readonly Column[] = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业', group: '法人或其他组织' },
  { key: 'research', label: '科研机构', group: '法人或其他组织' },
  { key: 'nonprofit', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legal', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'other', label: '其他', group: '法人或其他组织' },
  { key: 'total', label: '总计' },
];

/** The six applicant columns whose sum is 总计. */
export const APPLICANT_COLUMNS = REQUEST_COLUMNS.filter((column) => column.key !== 'total').map(
  (column) => column.key
);

const sub = (group: string, labels: string[]): Row[] =>
  labels.map((label, index) => ({
    key: `${group}.${index + 1}`,
    label: `${index + 1}.${label}`,
    level: 2,
  }));

export const REQUEST_ROWS: readonly Row[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 0 },
  { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量', level: 0 },
  { key: 'results', label: '三、本年度办理结果', level: 0, heading: true },
  { key: 'disclosed', label: '（一）予以公开', level: 1 },
  { key: 'partly', label: '（二）部分公开', level: 1 },
  { key: 'refused', label: '（三）不予公开', level: 1, heading: true },
  ...sub('refused', [
    '属于国家秘密',
    '其他法律行政法规禁止公开',
    '危及"三安全一稳定"',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ]),
  { key: 'unavailable', label: '（四）无法提供', level: 1, heading: true },
  ...sub('unavailable', [
    '本机关不掌握相关政府信息',
    '没有现成信息需要另行制作',
    '补正后申请内容仍不明确',
  ]),
  { key: 'notHandled', label: '（五）不予处理', level: 1, heading: true },
  ...sub('notHandled', [
    '信访举报投诉类申请',
    '重复申请',
    '要求提供公开出版物',
    '无正当理由大量反复申请',
    '要求行政机关确认或重新出具已获取信息',
  ]),
  { key: 'otherHandling', label: '（六）其他处理', level: 1, heading: true },
  ...sub('otherHandling', [
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '其他',
  ]),
  { key: 'resultsTotal', label: '（七）总计', level: 1 },
  { key: 'carriedOut', label: '四、结转下年度继续办理', level: 0 },
];

/** The rows that hold numbers (25 in the 2021 format). */
export const REQUEST_DATA_ROWS = REQUEST_ROWS.filter((row) => !row.heading).map((row) => row.key);

/** The outcome rows whose sum is （七）总计: （一）（二） and every numbered sub-row. */
export const OUTCOME_ROWS = REQUEST_DATA_ROWS.filter(
  (key) => key === 'disclosed' || key === 'partly' || key.includes('.')
);

/** Section 四: administrative reconsideration and litigation, one row of 15 counts. */
export const LITIGATION_GROUPS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'suitDirect', label: '行政诉讼 未经复议直接起诉' },
  { key: 'suitAfter', label: '行政诉讼 复议后起诉' },
] as const;

export const LITIGATION_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'otherResult', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

/** Section 二: the four tables of proactive disclosure (第二十条). */
export const PROACTIVE_TABLES = [
  {
    key: 'article20_1',
    title: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: ['规章', '行政规范性文件'],
  },
  {
    key: 'article20_5',
    title: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: ['行政许可'],
  },
  {
    key: 'article20_6',
    title: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: ['行政处罚', '行政强制'],
  },
  {
    key: 'article20_8',
    title: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: ['行政事业性收费'],
  },
] as const;
