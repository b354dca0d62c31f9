/**
 * Request and response shapes of the reporting module's APIs: the yearly statistics and their
 * records (admin: /disclosure/statistics…; content API with an API token:
 * /api/disclosure/statistics…) and the annual report (admin: /disclosure/annual-reports/:year…).
 * Used by the server, its provider SDK and the admin alike.
 */
import type { Pagination } from '../kernel/contracts';
import type { ReviewState } from '../review/contracts';
import type { FormatVersion, RuleFailure, Table } from './annual-report/format';

export type {
  Column as ReportColumn,
  FormatVersion,
  Row as ReportRow,
  RuleFailure,
  Table as ReportTable,
} from './annual-report/format';

/** One countable figure; its key lists the records behind it (`/statistics/records?figure=`). */
export interface Figure {
  key: string;
  label: string;
  value: number;
}

/** A figure with the figures it is made of (a column and its sub-columns, a year and its months). */
export interface FigureNode extends Figure {
  /** The records directly in this node, when it also has children (a column's own items). */
  own?: Figure;
  children?: FigureNode[];
}

/** One record behind a figure, with enough to find it again. */
export interface FigureRecord {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  /** The date that placed the record in the figure (first publication, issue date …). */
  date: string | null;
  indexNumber?: string | null;
}

/**
 * What a provider's section holds: figures, trees and lists of them, plain numbers (a median, a
 * number of days, null when there is nothing to measure) and objects of these.
 */
export type SectionValue =
  | Figure
  | FigureNode
  | number
  | null
  | readonly SectionValue[]
  | { readonly [key: string]: SectionValue };

/** One provider's section of the yearly statistics, its figures by name. */
export interface StatisticsSection {
  readonly [name: string]: SectionValue;
}

/** A statistics provider's name in the admin's languages. */
export interface ProviderLabel {
  'zh-Hans': string;
  en: string;
}

/** Every figure of a Beijing calendar year: one section per provider. */
export interface YearlyStatistics {
  year: number;
  locale: string;
  timeZone: 'Asia/Shanghai';
  /** The Beijing year as instants: [from, to). */
  from: string;
  to: string;
  generatedAt: string;
  providers: Array<{ name: string; label: ProviderLabel }>;
  sections: Record<string, StatisticsSection>;
}

/** GET /disclosure/statistics?year=&locale=&providers= (and /api/disclosure/statistics) */
export interface StatisticsResponse {
  data: YearlyStatistics;
}

/** GET /disclosure/statistics/records?year=&figure=&page=&pageSize= (and /api/…) */
export interface RecordsResponse {
  data: FigureRecord[];
  meta: {
    figure: string;
    year: number;
    locale: string;
    /** `total` equals the figure's value. */
    pagination: Pagination;
  };
}

// ---------------------------------------------------------------------------------------------
// Annual report (政府信息公开工作年度报告), admin API under /disclosure/annual-reports/:year
//   GET    …/:year                    → AnnualReportResponse  (a new report is not saved yet)
//   PUT    …/:year   SaveReportRequest → AnnualReportResponse  (saves the draft, recomputes)
//   POST   …/:year/submit             → AnnualReportResponse  or 400 with
//                                        error.details.failures: RuleFailure[] when a 勾稽 rule fails
//   GET    …/:year/export?format=json|csv|html → the file (html: printable, national layout)
//   POST   …/:year/overview-draft  DraftOverviewRequest → DraftOverviewResponse (the draft of
//                                        一、总体情况 from records), or 409 OverviewConflictResponse
//                                        when the coordinator edited the last draft (send replace)
//   POST   …/:year/problems-draft  the same for 五、存在的主要问题及改进情况 (the monitor's figures)

export interface ReportCell {
  value: number | null;
  /** computed: from records (see `figure` for the drill-down); entered: typed by the coordinator. */
  source: 'computed' | 'entered';
  /** The statistics figure a computed cell comes from. */
  figure?: string;
}

/** An annual report as data (what the exports render). */
export interface AnnualReport {
  year: number;
  formatVersion: FormatVersion;
  formatLabel: string;
  title: string;
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  otherMatters: string;
  /** The format's tables (layout only), in print order. */
  tables: readonly Table[];
  /** Every cell of the format by key (`三.requests.new.natural`). */
  cells: Record<string, ReportCell>;
  /** The failing 勾稽 rules; empty when the report may be submitted. */
  failures: RuleFailure[];
}

/** One piece of a generated text: words, a count quoted from a figure, or a rate. */
export interface DraftPart {
  text: string;
  /** The figure a count quotes: its records are at /statistics/records?figure=<key>. */
  figure?: string;
  /** The measure a percentage comes from (`serviceCases.completionRate`): no records of its own. */
  measure?: string;
}

/** 一、总体情况 as drafted from the year's records. */
export interface GeneratedOverview {
  text: string;
  /** The text in parts, to link each number to its records. */
  parts: DraftPart[];
  /** Every figure key the text quotes, in order of first appearance. */
  figures: string[];
  generatedAt: string;
}

/** The report as the editor shows it. */
export interface AnnualReportDto extends AnnualReport {
  /** null until the report is first saved. */
  documentId: string | null;
  /** The review state of the saved report, or null before it is saved. */
  review: { state: ReviewState } | null;
  /** The last 总体情况 drafted from records and put into the report, or null when never drafted. */
  overviewDraft: GeneratedOverview | null;
  /** True when `overview` is no longer the last draft as generated: the coordinator edited it. */
  overviewEdited: boolean;
  /** The last 存在的主要问题及改进情况 drafted from records, or null when never drafted. */
  problemsDraft: GeneratedOverview | null;
  /** True when `problems` is no longer the last draft as generated. */
  problemsEdited: boolean;
}

export interface AnnualReportResponse {
  data: AnnualReportDto;
}

export interface SaveReportRequest {
  formatVersion?: FormatVersion;
  title?: string;
  overview?: string;
  problems?: string;
  otherMatters?: string;
  /** Values typed by the coordinator, by cell key; computed cells cannot be entered. */
  entered?: Record<string, number | null>;
}

/** POST …/:year/overview-draft: `replace` overwrites the coordinator's edited 总体情况. */
export interface DraftOverviewRequest {
  replace?: boolean;
}

/**
 * The report with the new draft as its 总体情况 (`replaced`), or as it was when the year has
 * nothing to report (`replaced: false`, `draft.text` empty); and the draft with its figures.
 */
export interface DraftOverviewResponse {
  data: AnnualReportDto;
  meta: { draft: GeneratedOverview; replaced: boolean };
}

/**
 * 409 from POST …/overview-draft: the 总体情况 was edited since it was last drafted, so the new
 * draft is returned beside the edited text and nothing is changed. Send `replace: true` to
 * overwrite the edited text.
 */
export interface OverviewConflictResponse {
  data: null;
  error: {
    status: 409;
    name: 'ConflictError';
    message: string;
    details: { draft: GeneratedOverview; edited: string };
  };
}

/** 400 from POST …/submit while a 勾稽 rule fails. */
export interface SubmitRefusedResponse {
  data: null;
  error: {
    status: 400;
    name: 'ValidationError';
    message: string;
    details: { failures: RuleFailure[] };
  };
}
