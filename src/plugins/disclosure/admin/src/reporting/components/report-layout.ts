/**
 * The annual report's tables in the editor: which cells are computed or entered, the merged
 * header cells, the readable name of a cell, and the live 勾稽 check with the format's own rules
 * (the same pure code the server runs on save and submit).
 */
import type {
  AnnualReportDto,
  FormatVersion,
  ReportColumn,
  ReportTable,
  RuleFailure,
} from '../../../../shared/reporting/contracts';
import { checkValues } from '../../../../shared/reporting/annual-report/checks';
import { cellKey, type CellValues } from '../../../../shared/reporting/annual-report/format';
import { FORMATS } from '../../../../shared/reporting/annual-report/formats';

/**
 * computed: from records (read-only); entered: typed by the coordinator; pending: computed by
 * the server once the report is saved in a format it was not saved in yet.
 */
export type CellSource = 'computed' | 'entered' | 'pending';

export interface CellInfo {
  source: CellSource;
  /** The saved or computed value (entered cells are edited as text, see `parseEntry`). */
  value: number | null;
  figure?: string;
}

/** The tables of a format: the server's for the saved format, the format's own otherwise. */
export const tablesOf = (
  report: AnnualReportDto,
  version: FormatVersion
): readonly ReportTable[] =>
  version === report.formatVersion ? report.tables : FORMATS[version].tables;

/** Every data cell (heading rows have none) of the tables, in print order. */
export const cellKeysOf = (tables: readonly ReportTable[]): string[] =>
  tables.flatMap((table) =>
    table.rows
      .filter((row) => !row.heading)
      .flatMap((row) => table.columns.map((column) => cellKey(table, row.key, column.key)))
  );

/** The statistics provider a figure key belongs to (`requests.table3:new.natural` → requests). */
const providerOf = (figure: string) => figure.split('.', 1)[0];

/**
 * What each cell of the chosen format is: the server says it for the saved format. In another
 * format a cell is computed where its provider is registered (`providers`; while unknown, every
 * cell the format computes waits for the save) and entered otherwise, as the server will decide.
 */
export function cellInfo(
  report: AnnualReportDto,
  version: FormatVersion,
  providers: readonly string[] | null
): Map<string, CellInfo> {
  const cells = new Map<string, CellInfo>();
  const computedFrom = FORMATS[version].computedFrom;
  for (const key of cellKeysOf(tablesOf(report, version))) {
    const saved = version === report.formatVersion ? report.cells[key] : undefined;
    const figure = computedFrom[key];
    if (saved) {
      cells.set(key, { source: saved.source, value: saved.value, figure: saved.figure });
    } else if (
      figure &&
      version !== report.formatVersion &&
      (providers === null || providers.includes(providerOf(figure)))
    ) {
      cells.set(key, { source: 'pending', value: null, figure });
    } else {
      cells.set(key, { source: 'entered', value: null });
    }
  }
  return cells;
}

/** An entered cell's text as a value: '' is empty (null), anything not a number is NaN. */
export const parseEntry = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/** The values the rules see: computed values and the entered ones (unreadable entries as empty). */
export function valuesOf(
  cells: Map<string, CellInfo>,
  entries: Record<string, string>
): CellValues {
  const values: CellValues = {};
  for (const [key, cell] of cells) {
    if (cell.source === 'entered') {
      const value = parseEntry(entries[key] ?? '');
      values[key] = value === null || Number.isNaN(value) ? null : value;
    } else {
      values[key] = cell.value;
    }
  }
  return values;
}

/** The 勾稽 failures of the values, as the server will find them on submission. */
export const liveFailures = (
  version: FormatVersion,
  tables: readonly ReportTable[],
  values: CellValues
): RuleFailure[] => [...checkValues(tables, values), ...FORMATS[version].check(values)];

export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
}

const sharesGroups = (column: ReportColumn, groups: readonly string[], depth: number) =>
  (column.groups?.length ?? 0) >= depth &&
  groups.slice(0, depth).every((group, index) => column.groups?.[index] === group);

/**
 * The header rows of a table: each column's groups (outermost first) merged across equal
 * neighbours, then its own label spanning down to the last header row.
 */
export function headerRows(columns: readonly ReportColumn[]): HeaderCell[][] {
  const depth = Math.max(0, ...columns.map((column) => column.groups?.length ?? 0)) + 1;
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    for (let index = 0; index < columns.length;) {
      const groups = columns[index].groups ?? [];
      if (level < groups.length) {
        let end = index + 1;
        while (end < columns.length && sharesGroups(columns[end], groups, level + 1)) end++;
        rows[level].push({ label: groups[level], colSpan: end - index, rowSpan: 1 });
        index = end;
      } else {
        if (level === groups.length) {
          rows[level].push({ label: columns[index].label, colSpan: 1, rowSpan: depth - level });
        }
        index++;
      }
    }
  }
  return rows;
}

/** A cell's name for people: section, table title, row and column headers. */
export function cellNames(tables: readonly ReportTable[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of tables) {
    for (const row of table.rows.filter((candidate) => !candidate.heading)) {
      for (const column of table.columns) {
        names.set(
          cellKey(table, row.key, column.key),
          [table.section, table.title, row.label, ...(column.groups ?? []), column.label]
            .filter(Boolean)
            .join(' · ')
        );
      }
    }
  }
  return names;
}
