/**
 * The coordinator's entries into a report's cells, checked against the report's format. Pure.
 */
import { valueProblem } from '../../../../../shared/reporting/annual-report/checks';
import { cellsOf, type ReportFormat } from '../../../../../shared/reporting/annual-report/format';

/** Cell key → the value entered, or null to clear it. */
export type Entries = Record<string, number | null>;

/** Why an entry cannot be made, naming its cell. */
export interface EntryProblem {
  cell: string;
  message: string;
}

/**
 * The first entry that cannot go into a report of `format`, or null when all can: the cell must
 * be one of the format's, not one computed from records (`isComputed(figure)`: a provider holds
 * the figure), and the value must fit the cell's column.
 */
export function entryProblem(
  format: ReportFormat,
  entries: Entries,
  isComputed: (figure: string) => boolean
): EntryProblem | null {
  const cells = new Map(cellsOf(format).map((cell) => [cell.key, cell]));
  for (const [key, value] of Object.entries(entries)) {
    const cell = cells.get(key);
    if (!cell)
      return { cell: key, message: `Unknown cell "${key}" in the ${format.label} format.` };
    const figure = format.computedFrom[key];
    if (figure && isComputed(figure)) {
      return {
        cell: key,
        message: `Cell "${key}" is computed from records (${figure}) and cannot be entered.`,
      };
    }
    if (value !== null && (!Number.isFinite(value) || valueProblem(cell.column, value))) {
      const takes = cell.column.amount
        ? 'an amount ≥ 0'
        : cell.column.signed
          ? 'a whole number (a decrease negative)'
          : 'a whole number ≥ 0';
      return { cell: key, message: `Cell "${key}" takes ${takes} or null.` };
    }
  }
  return null;
}
