/** The annual report's form: its values, what is saved and what cannot be saved. Pure. */
import type {
  AnnualReportDto,
  FormatVersion,
  SaveReportRequest,
} from '../../../../shared/reporting/contracts';
import { type CellInfo, cellInfo, parseEntry } from './report-layout';

/** States in which the report waits for a reviewer and cannot be changed. */
const LOCKED_STATES = ['submitted', 'division_approved', 'cleared'];

export type ReportTextField = 'overview' | 'problems' | 'otherMatters';

export interface ReportForm {
  formatVersion: FormatVersion;
  title: string;
  overview: string;
  problems: string;
  otherMatters: string;
}

/** Typed entries by cell key, as the inputs show them. */
export type Entries = Record<string, string>;

type CellSources = ReadonlyMap<string, Pick<CellInfo, 'source'>>;

export const formOf = (report: AnnualReportDto): ReportForm => ({
  formatVersion: report.formatVersion,
  title: report.title,
  overview: report.overview,
  problems: report.problems,
  otherMatters: report.otherMatters,
});

/** The entered cells of a report as text ('' for none). */
export const entriesOf = (report: Pick<AnnualReportDto, 'cells'>): Entries =>
  Object.fromEntries(
    Object.entries(report.cells)
      .filter(([, cell]) => cell.source === 'entered')
      .map(([key, cell]) => [key, cell.value === null ? '' : String(cell.value)])
  );

/** The entered cells' values to save: an empty or unreadable entry is saved as none. */
export const enteredValues = (
  cells: CellSources,
  entries: Entries
): Record<string, number | null> => {
  const entered: Record<string, number | null> = {};
  for (const [key, cell] of cells) {
    if (cell.source !== 'entered') continue;
    const value = parseEntry(entries[key] ?? '');
    entered[key] = value === null || Number.isNaN(value) ? null : value;
  }
  return entered;
};

/** The request that saves the form: only the entered cells of the chosen format. */
export const saveRequestOf = (
  report: AnnualReportDto,
  form: ReportForm,
  entries: Entries,
  cells: CellSources = cellInfo(report, form.formatVersion, null)
): SaveReportRequest => ({ ...form, entered: enteredValues(cells, entries) });

/** The entered cells whose text is not a number. */
export const unreadableEntries = (cells: CellSources, entries: Entries): string[] =>
  [...cells.entries()]
    .filter(
      ([key, cell]) => cell.source === 'entered' && Number.isNaN(parseEntry(entries[key] ?? ''))
    )
    .map(([key]) => key);

/** Whether the report waits for a reviewer and cannot be changed. */
export const isLocked = (state: string | null): boolean =>
  state !== null && LOCKED_STATES.includes(state);
