/**
 * A report's cells: computed from the statistics where a provider holds the figure, else as the
 * coordinator entered them; and the 勾稽 rules they fail. Pure.
 */
import { checkValues } from '../../../../../shared/reporting/annual-report/checks';
import {
  cellsOf,
  type CellValues,
  type ReportFormat,
  type RuleFailure,
} from '../../../../../shared/reporting/annual-report/format';
import type { Entries } from './entries';
import type { CellValue } from './report';

/** Every `{ key, value }` figure inside statistics sections, by key. */
export function figureValues(
  value: unknown,
  into = new Map<string, number>()
): Map<string, number> {
  if (Array.isArray(value)) value.forEach((entry) => figureValues(entry, into));
  else if (value && typeof value === 'object') {
    if ('key' in value && 'value' in value) {
      if (typeof value.key === 'string' && typeof value.value === 'number') {
        into.set(value.key, value.value);
      }
    }
    Object.values(value).forEach((entry) => figureValues(entry, into));
  }
  return into;
}

/**
 * Every cell of a report of `format`: the computed value where there is one, else the value
 * entered now, else the value stored (null when nobody entered one).
 */
export function reportCells(
  format: ReportFormat,
  computed: ReadonlyMap<string, CellValue>,
  stored: Readonly<Record<string, CellValue | undefined>>,
  entered: Entries = {}
): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const { key } of cellsOf(format)) {
    const value = Object.hasOwn(entered, key) ? entered[key] : stored[key]?.value;
    cells[key] = computed.get(key) ?? { value: value ?? null, source: 'entered' };
  }
  return cells;
}

/** The 勾稽 rules the cells fail: the tables' sums and the format's own checks. */
export function reportFailures(
  format: ReportFormat,
  cells: Readonly<Record<string, CellValue>>
): RuleFailure[] {
  const values: CellValues = Object.fromEntries(
    Object.entries(cells).map(([key, cell]) => [key, cell.value])
  );
  return [...checkValues(format.tables, values), ...format.check(values)];
}
