/**
 * The 2019 trial format (used for the reports on 2019 and 2020): 二 counts made / published /
 * total, items of last year and this year's change, an extra 第二十条第（九）项 table, and
 * （六）其他处理 as a single row of 三 (23 rows), computed as the sum of the three ways of 2021.
 */
import { checkLitigationTable, checkRequestTable } from './checks';
import type { ReportFormat, Table } from './format';
import {
  LICENSING_DECISIONS_CELL,
  LICENSING_DECISIONS_FIGURE,
  LITIGATION_TABLE,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  proactiveTable,
  requestCellFigures,
} from './format-2021';

/** 二（五）（六）: the items of last year, this year's change (a decrease negative), the decisions. */
const YEARLY: ReadonlyArray<[string, string, 'signed'?]> = [
  ['previous', '上一年项目数量'],
  ['change', '本年增/减', 'signed'],
  ['decisions', '处理决定数量'],
];
/** 二（八） fees: items only, no decisions column. */
const YEARLY_ITEMS = YEARLY.filter(([key]) => key !== 'decisions');

const REQUEST_TABLE_2019: Table = {
  key: 'requests',
  section: '三',
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columns: REQUEST_COLUMNS,
  // The 2021 rows, with （六）其他处理 as one row instead of three numbered ones.
  rows: REQUEST_ROWS.flatMap((row) => {
    if (row.key === 'otherHandling') return [{ ...row, heading: false }];
    return row.key.startsWith('otherHandling.') ? [] : [row];
  }),
};

const OUTCOME_ROWS_2019 = REQUEST_TABLE_2019.rows
  .filter((row) => !row.heading && row.level > 0 && row.key !== 'resultsTotal')
  .map((row) => row.key);

export const FORMAT_2019: ReportFormat = {
  version: 'f2019',
  label: '2019年试行版',
  tables: [
    proactiveTable(
      'article20_1',
      '第二十条第（一）项',
      [
        ['made', '本年新制作数量'],
        ['published', '本年新公开数量'],
        ['total', '对外公开总数量'],
      ],
      [
        ['rule', '规章'],
        ['normative', '规范性文件'],
      ]
    ),
    proactiveTable('article20_5', '第二十条第（五）项', YEARLY, [
      ['licensing', '行政许可'],
      ['otherServices', '其他对外管理服务事项'],
    ]),
    proactiveTable('article20_6', '第二十条第（六）项', YEARLY, [
      ['penalty', '行政处罚'],
      ['enforcement', '行政强制'],
    ]),
    proactiveTable('article20_8', '第二十条第（八）项', YEARLY_ITEMS, [['fees', '行政事业性收费']]),
    proactiveTable(
      'article20_9',
      '第二十条第（九）项',
      [
        ['projects', '采购项目数量'],
        ['amount', '采购总金额', 'amount'],
      ],
      [['procurement', '政府集中采购']]
    ),
    REQUEST_TABLE_2019,
    LITIGATION_TABLE,
  ],
  computedFrom: {
    '二.article20_1.rule.made': 'policies.issued:rule',
    '二.article20_1.normative.made': 'policies.issued:normative',
    [LICENSING_DECISIONS_CELL]: LICENSING_DECISIONS_FIGURE,
    ...requestCellFigures(REQUEST_TABLE_2019),
  },
  check: (values) => [
    ...checkRequestTable(REQUEST_TABLE_2019, OUTCOME_ROWS_2019, values),
    ...checkLitigationTable(LITIGATION_TABLE, values),
  ],
};
