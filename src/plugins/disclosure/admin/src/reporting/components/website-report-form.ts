/**
 * The 报表's form in the editor: the text typed per entered field, read back into typed values
 * (a count, a decimal, yes/no, text, a choice, a date) as the server takes them. Pure.
 */
import {
  WEBSITE_REPORT_FIELDS,
  fieldValueProblem,
  websiteReportField,
  type FieldValue,
  type WebsiteReportField,
} from '../../../../shared/reporting/website-report/format';
import type { WebsiteReportDto } from '../../../../shared/reporting/website-report/contracts';

/** What is typed per entered field: numbers and texts as text, yes/no as 'true' / 'false' / ''. */
export type WebsiteForm = Record<string, string>;

/** The text a value is shown as in its input. */
export const textOf = (value: FieldValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** The form of a report as the server returned it: its entered fields. */
export const websiteFormOf = (report: WebsiteReportDto): WebsiteForm =>
  Object.fromEntries(
    WEBSITE_REPORT_FIELDS.filter((field) => report.cells[field.key]?.source === 'entered').map(
      (field) => [field.key, textOf(report.cells[field.key]?.value)]
    )
  );

/** The typed value of what is typed into a field ('' is null), or undefined when it is not one. */
export function valueOf(field: WebsiteReportField, text: string): FieldValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let value: FieldValue;
  if (field.type === 'count' || field.type === 'decimal') {
    value = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  } else if (field.type === 'yesNo') {
    value = trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  } else {
    value = field.type === 'text' ? text : trimmed;
  }
  return fieldValueProblem(field, value) === null ? value : undefined;
}

/** The keys of the fields whose text is not a value of their type. */
export const unreadableFields = (form: WebsiteForm): string[] =>
  Object.entries(form)
    .filter(([key, text]) => {
      const field = websiteReportField(key);
      return field !== undefined && valueOf(field, text) === undefined;
    })
    .map(([key]) => key);

/** The entries to save: every readable entered field by key. */
export const enteredOf = (form: WebsiteForm): Record<string, FieldValue> =>
  Object.fromEntries(
    Object.entries(form).flatMap(([key, text]) => {
      const field = websiteReportField(key);
      const value = field ? valueOf(field, text) : undefined;
      return value === undefined ? [] : [[key, value]];
    })
  );
