/** Request and response shapes of the plugin's admin API, shared by the server and the admin UI. */

import type { Action, State } from '../server/src/domain/workflow';

export { WITHHOLD_REASONS as WITHHOLD_CATEGORIES } from '../server/src/domain/workflow';

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
