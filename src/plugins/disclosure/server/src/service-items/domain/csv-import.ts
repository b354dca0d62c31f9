/**
 * The CSV export of the provincial service site (省政务服务网), read row by row into cases to
 * import or refusals that name the row, the column and what is wrong. Pure: the catalogue, the
 * case numbers already stored and today are given.
 */
import {
  CASE_APPLICANT_TYPES,
  CSV_COLUMNS,
  CSV_RESULTS,
  REQUIRED_CSV_COLUMNS,
  type CaseApplicantType,
  type CaseState,
  type CsvColumn,
  type Decision,
} from '../../../../shared/service-items/cases';
import type { CaseEvent } from '../../../../shared/service-items/contracts';
import { isDate } from '../../kernel/domain/calendar';

/** A case number: it names the case in the admin's addresses. */
export const CASE_NUMBER = /^[0-9A-Za-z][0-9A-Za-z_-]*$/;

/** The most rows one file may have (a year of a bureau's cases fits many times over). */
export const MAX_IMPORT_ROWS = 5000;

/** A case as a row of the file gives it. */
export interface ImportedCase {
  caseNumber: string;
  serviceItem: string;
  itemName: string;
  applicantType: CaseApplicantType;
  applicant: string;
  idNumber: string | null;
  phone: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  decision: Decision | null;
  state: CaseState;
}

export interface RowReport {
  /** The line of the file (the header is line 1). */
  line: number;
  caseNumber: string | null;
  /** What the import does with it: 'import', or 'refused' with the reasons. */
  outcome: 'import' | 'refused';
  problems: string[];
}

export interface CatalogueEntry {
  documentId: string;
  name: string;
  withdrawnOn: string | null;
  /** False when the importing staff member's division does not carry the item out. */
  isOwn?: boolean;
}

/** A file whose header or shape makes every row unreadable. */
export class CsvFileError extends Error {}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new CsvFileError('The file ends inside a quoted field (an unclosed ").');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const HEADER_OF = Object.fromEntries(
  Object.entries(CSV_COLUMNS).map(([key, header]) => [header, key as CsvColumn])
) as Record<string, CsvColumn>;

/** Which column holds which field; refuses unknown, repeated or missing required headers. */
function columnsOf(header: string[]): Map<CsvColumn, number> {
  const columns = new Map<CsvColumn, number>();
  header.forEach((cell, index) => {
    const name = cell.trim();
    const key = HEADER_OF[name];
    if (!key) {
      throw new CsvFileError(
        `Unknown column "${name}": the file's columns are ${Object.values(CSV_COLUMNS).join(', ')}.`
      );
    }
    if (columns.has(key)) throw new CsvFileError(`The column "${name}" appears twice.`);
    columns.set(key, index);
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((key) => !columns.has(key));
  if (missing.length) {
    throw new CsvFileError(
      `The file lacks the column(s) ${missing.map((key) => CSV_COLUMNS[key]).join(', ')}.`
    );
  }
  return columns;
}

const APPLICANT_TYPE_OF: Record<string, CaseApplicantType> = Object.fromEntries(
  Object.entries(CASE_APPLICANT_TYPES).map(([code, label]) => [label, code as CaseApplicantType])
);
/** The provincial export writes 法人或其他组织 as well as 法人. */
APPLICANT_TYPE_OF['法人或其他组织'] = 'legal';

/** One row: the case, or every problem it has. */
function readRow(
  cells: (key: CsvColumn) => string,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
  taken: ReadonlySet<string>,
  today: string
): { value: ImportedCase } | { problems: string[] } {
  const problems: string[] = [];
  const need = (key: CsvColumn) => {
    const value = cells(key);
    if (!value) problems.push(`${CSV_COLUMNS[key]} is empty.`);
    return value;
  };
  const date = (key: CsvColumn) => {
    const value = cells(key);
    if (!value) return null;
    const normalised = value.replace(/[/.]/g, '-').replace(/-(\d)(?=-|$)/g, '-0$1');
    if (!isDate(normalised)) {
      problems.push(`${CSV_COLUMNS[key]} "${value}" is not a date (YYYY-MM-DD).`);
      return null;
    }
    if (normalised > today) problems.push(`${CSV_COLUMNS[key]} ${normalised} is in the future.`);
    return normalised;
  };

  const caseNumber = need('caseNumber');
  if (caseNumber && taken.has(caseNumber)) {
    problems.push(`办件编号 ${caseNumber} is already registered (or appears twice in the file).`);
  }
  if (caseNumber.length > 64) problems.push('办件编号 is longer than 64 characters.');
  else if (caseNumber && !CASE_NUMBER.test(caseNumber)) {
    problems.push(`办件编号 "${caseNumber}" may hold letters, digits, - and _ only.`);
  }
  const itemName = need('itemName');
  const item = itemName ? catalogue.get(itemName) : undefined;
  if (itemName && !item) {
    problems.push(`事项名称 "${itemName}" is not a published item of the service catalogue.`);
  }
  if (item && item.isOwn === false) {
    problems.push(
      `事项「${item.name}」 is carried out by another division: its cases are imported there or by the coordinator.`
    );
  }
  const typeText = need('applicantType');
  const applicantType = APPLICANT_TYPE_OF[typeText];
  if (typeText && !applicantType) problems.push(`申请人类型 "${typeText}" must be 自然人 or 法人.`);
  const applicant = need('applicant');
  const appliedOn = date('appliedOn');
  if (!cells('appliedOn')) problems.push('申请日期 is empty.');
  const acceptedOn = date('acceptedOn');
  const decidedOn = date('decidedOn');
  const closedOn = date('closedOn');
  const resultText = cells('result');
  const result = resultText ? CSV_RESULTS[resultText as keyof typeof CSV_RESULTS] : null;
  if (resultText && !result) {
    problems.push(
      `办理结果 "${resultText}" must be 准予, 不予, 不予受理 or empty (not yet decided).`
    );
  }

  // The dates a result needs, and their order.
  let state: CaseState = acceptedOn ? 'accepted' : 'applied';
  if (result === 'not_accepted') {
    if (acceptedOn) problems.push('受理日期 must be empty when 办理结果 is 不予受理.');
    if (decidedOn) problems.push('决定日期 must be empty when 办理结果 is 不予受理.');
    if (!closedOn) problems.push('办结日期 (the day of 不予受理) is empty.');
    state = 'not_accepted';
  } else if (result) {
    if (!acceptedOn) problems.push(`受理日期 is empty: a case decided ${resultText} was accepted.`);
    if (!decidedOn) problems.push(`决定日期 is empty: 办理结果 is ${resultText}.`);
    state = closedOn ? 'delivered' : 'decided';
  } else if (decidedOn || closedOn) {
    problems.push('办理结果 is empty, yet 决定日期 or 办结日期 is given.');
  }
  const order: Array<[CsvColumn, string | null]> = [
    ['appliedOn', appliedOn],
    ['acceptedOn', acceptedOn],
    ['decidedOn', decidedOn],
    ['closedOn', closedOn],
  ];
  const given = order.filter(([, value]) => value !== null) as Array<[CsvColumn, string]>;
  for (let i = 1; i < given.length; i++) {
    if (given[i][1] < given[i - 1][1]) {
      problems.push(`${CSV_COLUMNS[given[i][0]]} is before ${CSV_COLUMNS[given[i - 1][0]]}.`);
    }
  }
  if (item?.withdrawnOn && appliedOn && appliedOn >= item.withdrawnOn) {
    problems.push(`事项「${item.name}」 was withdrawn on ${item.withdrawnOn}, before 申请日期.`);
  }
  if (problems.length || !item || !appliedOn || !applicantType) return { problems };
  return {
    value: {
      caseNumber,
      serviceItem: item.documentId,
      itemName: item.name,
      applicantType,
      applicant,
      idNumber: cells('idNumber') || null,
      phone: cells('phone') || null,
      appliedOn,
      acceptedOn,
      decidedOn,
      closedOn,
      decision: result === 'granted' || result === 'denied' ? result : null,
      state,
    },
  };
}

/**
 * Reads a whole file: a report per row (what the import would do, or why the row is refused),
 * and the cases of the rows that pass. Throws CsvFileError when the file itself is unreadable.
 */
export function readImport(
  text: string,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
  existing: ReadonlySet<string>,
  today: string
): { rows: RowReport[]; cases: ImportedCase[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new CsvFileError('The file is empty.');
  if (!body.length) throw new CsvFileError('The file has a header but no rows.');
  if (body.length > MAX_IMPORT_ROWS) {
    throw new CsvFileError(
      `The file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`
    );
  }
  const columns = columnsOf(header);
  const taken = new Set(existing);
  const rows: RowReport[] = [];
  const cases: ImportedCase[] = [];
  body.forEach((cells, index) => {
    const cell = (key: CsvColumn) => {
      const at = columns.get(key);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const line = index + 2;
    const caseNumber = cell('caseNumber') || null;
    const read = readRow(cell, catalogue, taken, today);
    if (caseNumber) taken.add(caseNumber);
    if ('problems' in read) {
      rows.push({ line, caseNumber, outcome: 'refused', problems: read.problems });
    } else {
      rows.push({ line, caseNumber, outcome: 'import', problems: [] });
      cases.push(read.value);
    }
  });
  return { rows, cases };
}

/** The timeline an imported case's dates give: one step per date, signed by `actorName`. */
export function timelineOf(
  entry: ImportedCase,
  actorName: string,
  recordedAt: string
): CaseEvent[] {
  const step = (type: CaseEvent['type'], date: string | null, extra: Partial<CaseEvent> = {}) =>
    date ? [{ type, date, actorId: null, actorName, note: null, recordedAt, ...extra }] : [];
  return [
    ...step('applied', entry.appliedOn),
    ...(entry.state === 'not_accepted'
      ? step('refuse', entry.closedOn)
      : step('accept', entry.acceptedOn)),
    ...(entry.decision ? step('decide', entry.decidedOn, { decision: entry.decision }) : []),
    ...(entry.state === 'delivered' ? step('deliver', entry.closedOn) : []),
  ];
}
