/**
 * Request and response shapes of the 政府网站工作年度报表 (admin API under
 * /disclosure/website-reports/:year):
 *   GET    …/:year                              → WebsiteReportResponse (a new report is not saved yet)
 *   PUT    …/:year   SaveWebsiteReportRequest   → WebsiteReportResponse (saves the draft, recomputes)
 *   POST   …/:year/submit                       → WebsiteReportResponse, or 400 with
 *                                                  error.details.missing: field keys still empty
 *   GET    …/:year/export?format=json|csv|html  → the file (html: printable, the form's layout)
 */
import type { ReviewState } from '../../review/contracts';
import type { FieldValue, WebsiteReportCell, WebsiteReportSection } from './format';

export type {
  FieldType,
  FieldValue,
  WebsiteReportCell,
  WebsiteReportField,
  WebsiteReportSection,
} from './format';

/** A 报表 as data (what the exports render). */
export interface WebsiteReport {
  year: number;
  title: string;
  /** The form's sections and fields (layout only), in print order. */
  sections: readonly WebsiteReportSection[];
  /** Every field of the form by key (`interaction.messagesReceived`). */
  cells: Record<string, WebsiteReportCell>;
  /** Required fields still empty (keys): the report cannot be submitted while any is. */
  missing: string[];
}

/** The 报表 as the editor shows it. */
export interface WebsiteReportDto extends WebsiteReport {
  /** null until the report is first saved. */
  documentId: string | null;
  /** The review state of the saved report, or null before it is saved. */
  review: { state: ReviewState } | null;
}

export interface WebsiteReportResponse {
  data: WebsiteReportDto;
}

export interface SaveWebsiteReportRequest {
  title?: string;
  /** Values typed by the coordinator, by field key (null clears one); computed fields cannot be entered. */
  entered?: Record<string, FieldValue>;
}

/** 400 from POST …/submit while a required field is empty. */
export interface WebsiteReportRefusedResponse {
  data: null;
  error: {
    status: 400;
    name: 'ValidationError';
    message: string;
    details: { missing: string[] };
  };
}
