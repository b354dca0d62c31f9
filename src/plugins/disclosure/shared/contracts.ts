/** Request and response shapes of the plugin's admin API, shared by the server and the admin UI. */

import type { Action, State } from '../server/src/review/domain/workflow';

export { WITHHOLD_REASONS as WITHHOLD_CATEGORIES } from '../server/src/review/domain/workflow';

export type ReviewState = State;

/** The steps a user takes (`edit` happens by saving the draft). */
export type ReviewStep = Exclude<Action, 'edit'>;

/** POST /disclosure/reviews/:step */
export interface StepRequest {
  contentType: string;
  documentId: string;
  locale: string;
  /** Required for return, withhold and unpublish. */
  reason?: string;
  /** Required for withhold: one of the withhold reason codes. */
  category?: string;
}

export interface ReviewStateDto {
  itemUid: string;
  itemDocumentId: string;
  itemLocale: string;
  state: ReviewState;
  title: string | null;
  lastReason: string | null;
  withholdCategory: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  locale: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  reason: string | null;
  category: string | null;
}

/** GET /disclosure/reviews/:contentType/:documentId?locale= */
export interface ReviewRecordResponse {
  data: {
    states: ReviewStateDto[];
    indexNumber: string | null;
    history: HistoryEntry[];
    allowedActions: ReviewStep[];
  };
}

export interface QueueRow {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  state: ReviewState;
  stateLabel: string;
  column: string | null;
  department: string | null;
  submittedAt: string | null;
  lastReason: string | null;
}

/** GET /disclosure/queue?state=&column=&department=&page=&pageSize= */
export interface QueueResponse {
  data: QueueRow[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    departments: Array<{ documentId: string; name: string }>;
    division: string | null;
  };
}

/** GET /disclosure/staff */
export interface StaffResponse {
  data: {
    users: Array<{
      id: number;
      name: string;
      email: string;
      isActive: boolean;
      roles: string[];
      /** The division's documentId, or null. */
      department: string | null;
    }>;
    departments: Array<{ documentId: string; name: string; code: string }>;
  };
}

// ---------------------------------------------------------------------------------------------
// Yearly statistics: GET /disclosure/statistics?year=&locale= (admin) and
// GET /api/disclosure/statistics (content API, API token). Response: `{ data: YearlyStatistics }`.
// Drill-down: GET …/statistics/records?year=&figure=&page=&pageSize= →
// `{ data: FigureRecord[], meta: { figure, year, locale, pagination: { page, pageSize, total, pageCount } } }`.

export type { Figure, FigureNode, FigureRecord } from '../server/src/reporting/sdk/types';
export type { YearlyStatistics } from '../server/src/reporting/services/statistics';

// ---------------------------------------------------------------------------------------------
// Annual report (政府信息公开工作年度报告), admin API under /disclosure/annual-reports/:year
//   GET    …/:year                    → { data: AnnualReportDto }  (a new report is not saved yet)
//   PUT    …/:year   SaveReportRequest → { data: AnnualReportDto }  (saves the draft, recomputes)
//   POST   …/:year/submit             → { data: AnnualReportDto }  or 400 with
//                                        error.details.failures: RuleFailure[] when a 勾稽 rule fails
//   GET    …/:year/export?format=json|csv|html → the file (html: printable, national layout)

export type {
  Column as ReportColumn,
  FormatVersion,
  Row as ReportRow,
  RuleFailure,
  Table as ReportTable,
} from './reporting/annual-report/format';

export interface ReportCell {
  value: number | null;
  /** computed: from records (see `figure` for the drill-down); entered: typed by the coordinator. */
  source: 'computed' | 'entered';
  /** The statistics figure a computed cell comes from. */
  figure?: string;
}

export interface AnnualReportDto {
  year: number;
  /** null until the report is first saved. */
  documentId: string | null;
  formatVersion: import('./reporting/annual-report/format').FormatVersion;
  formatLabel: string;
  title: string;
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  otherMatters: string;
  /** The format's tables (layout only), in print order. */
  tables: import('./reporting/annual-report/format').Table[];
  /** Every cell of the format by key (`三.requests.new.natural`). */
  cells: Record<string, ReportCell>;
  /** The failing 勾稽 rules; empty when the report may be submitted. */
  failures: import('./reporting/annual-report/format').RuleFailure[];
  /** The review state of the saved report, or null before it is saved. */
  review: { state: ReviewState } | null;
}

export interface SaveReportRequest {
  formatVersion?: import('./reporting/annual-report/format').FormatVersion;
  title?: string;
  overview?: string;
  problems?: string;
  otherMatters?: string;
  /** Values typed by the coordinator, by cell key; computed cells cannot be entered. */
  entered?: Record<string, number | null>;
}
