/**
 * The shape every annual-report format shares: tables of rows × columns, with cells addressed as
 * `<section>.<table>.<row>.<column>` ("三.requests.new.natural"). Pure data; the checks, the
 * statistics and the exports read it.
 */

export const FORMAT_VERSIONS = ['f2021', 'f2019', 'pre2019'] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

export interface Row {
  key: string;
  label: string;
  /** Rows printed as a heading spanning the rows under it, without cells of their own. */
  heading?: boolean;
  /** Depth in the row header: 0 for 一、…, 1 for （一）…, 2 for 1.… */
  level: number;
}

export interface Column {
  key: string;
  label: string;
  /** Header cells printed above this column, outermost first (merged across equal neighbours). */
  groups?: readonly string[];
  /** Amounts rather than counts (万元): may hold decimals. */
  amount?: boolean;
  /** A change over the year (本年增/减): a decrease is written as a negative number. */
  signed?: boolean;
}

export interface Table {
  key: string;
  /** The report section it belongs to (二, 三, 四). */
  section: '二' | '三' | '四';
  /** A title row above the table (第二十条第（一）项). */
  title?: string;
  /** The top-left header cell (信息内容, or the 勾稽 note of table 三). */
  corner: string;
  columns: readonly Column[];
  rows: readonly Row[];
}

/** One cell value; null while nobody has entered or computed it. */
export type CellValues = Record<string, number | null | undefined>;

/** One failed 勾稽 rule, naming the cell it fails at. */
export interface RuleFailure {
  rule: string;
  cell: string;
  expected: number;
  actual: number;
}

export interface ReportFormat {
  version: FormatVersion;
  label: string;
  /** Tables in print order (none for reports of 2018 and earlier). */
  tables: readonly Table[];
  /** Cell key → the statistics figure it is computed from, where the system holds the records. */
  computedFrom: Readonly<Record<string, string>>;
  check(values: CellValues): RuleFailure[];
}

export const cellKey = (table: Table, row: string, column: string) =>
  `${table.section}.${table.key}.${row}.${column}`;

/** Every cell of a format, in print order. */
export const cellsOf = (format: ReportFormat) =>
  format.tables.flatMap((table) =>
    table.rows
      .filter((row) => !row.heading)
      .flatMap((row) =>
        table.columns.map((column) => ({
          key: cellKey(table, row.key, column.key),
          table,
          row,
          column,
        }))
      )
  );

/** Rows numbered `1.…` under a heading row. */
export const numberedRows = (group: string, labels: readonly string[], level = 2): Row[] =>
  labels.map((label, index) => ({
    key: `${group}.${index + 1}`,
    label: `${index + 1}.${label}`,
    level,
  }));
