/**
 * A service case's (办件) states, steps and vocabulary as the server and the admin both read them.
 * The transition table itself is server/src/service-items/domain/transitions.ts.
 */

/** 申请 → 受理 (or 不予受理) → 审查 → 决定 (准予 / 不予) → 送达. */
export const CASE_STATES = {
  applied: '已申请',
  accepted: '已受理',
  not_accepted: '不予受理',
  reviewing: '审查中',
  decided: '已决定',
  delivered: '已送达',
} as const;
export type CaseState = keyof typeof CASE_STATES;
export const CASE_STATE_CODES = Object.keys(CASE_STATES) as CaseState[];

/** 办结: the case is done (送达 after a decision, or 不予受理). */
export const CLOSED_CASE_STATES: readonly CaseState[] = ['not_accepted', 'delivered'];
export const isClosedCase = (state: string) =>
  (CLOSED_CASE_STATES as readonly string[]).includes(state);

/** The steps staff take, by the name of their route. */
export const CASE_ACTIONS = {
  accept: '受理',
  refuse: '不予受理',
  review: '审查',
  decide: '决定',
  deliver: '送达',
} as const;
export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_CODES = Object.keys(CASE_ACTIONS) as CaseAction[];

export const DECISIONS = { granted: '准予', denied: '不予' } as const;
export type Decision = keyof typeof DECISIONS;
export const DECISION_CODES = Object.keys(DECISIONS) as Decision[];

/** 申请人类型 for the statistics: 自然人 / 法人 (法人或其他组织). */
export const CASE_APPLICANT_TYPES = { natural: '自然人', legal: '法人' } as const;
export type CaseApplicantType = keyof typeof CASE_APPLICANT_TYPES;
export const CASE_APPLICANT_TYPE_CODES = Object.keys(CASE_APPLICANT_TYPES) as CaseApplicantType[];

/** The list turns orange, and a reminder goes, this many working days before the promised date. */
export const CASE_DUE_SOON_WORKING_DAYS = 3;

/**
 * Where a case stands against its deadlines: past the legal limit (法定时限), past the promised
 * one (承诺时限), due within CASE_DUE_SOON_WORKING_DAYS, on time, not yet accepted (no clock), or
 * closed.
 */
export type CaseUrgency =
  'beyond_legal' | 'overdue' | 'due_soon' | 'on_time' | 'not_started' | 'closed';

/** The order the list shows urgencies in: the most pressing first. */
export const URGENCY_ORDER: readonly CaseUrgency[] = [
  'beyond_legal',
  'overdue',
  'due_soon',
  'on_time',
  'not_started',
  'closed',
];

/** The CSV export of the provincial service site (省政务服务网), its columns in order. */
export const CSV_COLUMNS = {
  caseNumber: '办件编号',
  itemName: '事项名称',
  applicantType: '申请人类型',
  applicant: '申请人',
  idNumber: '证件号码',
  phone: '联系电话',
  appliedOn: '申请日期',
  acceptedOn: '受理日期',
  decidedOn: '决定日期',
  closedOn: '办结日期',
  result: '办理结果',
} as const;
export type CsvColumn = keyof typeof CSV_COLUMNS;
/** Columns a file must have (the others may be absent or empty). */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'caseNumber',
  'itemName',
  'applicantType',
  'applicant',
  'appliedOn',
  'result',
];
/** 办理结果 as the file writes it: empty while the case is open. */
export const CSV_RESULTS = { 准予: 'granted', 不予: 'denied', 不予受理: 'not_accepted' } as const;
