/**
 * The 报表's fields: computed from the statistics where a provider holds the figure, else as the
 * coordinator entered them; and the checks on what is entered. Pure.
 */
import {
  WEBSITE_REPORT_FIELDS,
  fieldValueProblem,
  websiteReportField,
  type FieldValue,
  type WebsiteReportCell,
} from '../../../../../shared/reporting/website-report/format';
import { splitFigureKey } from '../../sdk/figure-key';
import { figureValues } from '../annual-report/cells';

/** Field key → the value entered, or null to clear it. */
export type WebsiteEntries = Record<string, FieldValue>;

/**
 * The value of each wanted figure in the statistics sections: a `{ key, value }` figure, or a
 * measure given as a plain number (or null: nothing to measure) under its name in its provider's
 * section (`inquiries.averageWorkingDays` → `sections.inquiries.averageWorkingDays`). A figure the
 * provider does not answer counts 0.
 */
export function figureValuesFor(
  sections: Readonly<Record<string, unknown>>,
  figures: readonly string[]
): Map<string, number | null> {
  const found = figureValues(sections);
  return new Map(
    figures.map((figure) => {
      if (found.has(figure)) return [figure, found.get(figure)!];
      const [name] = splitFigureKey(figure);
      const [provider, measure] = [
        name.slice(0, name.indexOf('.')),
        name.slice(name.indexOf('.') + 1),
      ];
      const section = sections[provider] as Record<string, unknown> | undefined;
      const value = section?.[measure];
      if (typeof value === 'number') return [figure, value];
      if (value === null) return [figure, null];
      return [figure, 0];
    })
  );
}

/**
 * Every field of the form: the computed cell where there is one, else the value entered now, else
 * the value stored (null when nobody entered one).
 */
export function websiteReportCells(
  computed: ReadonlyMap<string, WebsiteReportCell>,
  stored: Readonly<Record<string, WebsiteReportCell | undefined>>,
  entered: WebsiteEntries = {}
): Record<string, WebsiteReportCell> {
  const cells: Record<string, WebsiteReportCell> = {};
  for (const { key } of WEBSITE_REPORT_FIELDS) {
    const value = Object.hasOwn(entered, key) ? entered[key] : stored[key]?.value;
    cells[key] = computed.get(key) ?? { value: value ?? null, source: 'entered' };
  }
  return cells;
}

/** Why an entry cannot be made, naming its field. */
export interface WebsiteEntryProblem {
  field: string;
  message: string;
}

/**
 * The first entry that cannot be made, or null when all can: the field must be one of the form's,
 * not computed from records (`isComputed(figure)`: a provider holds the figure), and the value must
 * be of the field's type (a whole number ≥ 0 for a count, true/false for yes/no …).
 */
export function websiteEntryProblem(
  entries: Readonly<Record<string, unknown>>,
  isComputed: (figure: string) => boolean
): WebsiteEntryProblem | null {
  for (const [key, value] of Object.entries(entries)) {
    const field = websiteReportField(key);
    if (!field) {
      return { field: key, message: `Unknown field "${key}" in the 政府网站工作年度报表.` };
    }
    if (field.computedFrom && isComputed(field.computedFrom)) {
      return {
        field: key,
        message: `Field "${key}" (${field.label}) is computed from records (${field.computedFrom}) and cannot be entered.`,
      };
    }
    const problem = fieldValueProblem(field, value);
    if (problem) return { field: key, message: problem };
  }
  return null;
}
