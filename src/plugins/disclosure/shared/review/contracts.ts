/**
 * Request and response shapes of the publishing review's admin API (/disclosure/reviews…,
 * /disclosure/queue, /disclosure/workflow), used by the server and the admin alike.
 */
import type { ChainedAuditRecord, Pagination } from '../kernel/contracts';
import type { Action, Rule, State, WithholdReason } from './workflow';

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
  /** Required for withhold: one of the withhold reason codes (WITHHOLD_REASONS). */
  category?: string;
}

/** An item's review state in one locale, as stored (the record's `states`, a step's answer). */
export interface ReviewRow {
  id: number;
  itemUid: string;
  itemDocumentId: string;
  itemLocale: string;
  state: ReviewState;
  title: string | null;
  department: string | null;
  columnCode: string | null;
  submittedById: number | null;
  submittedAt: string | null;
  submittedHash: string | null;
  divisionApprovedById: number | null;
  divisionApprovedAt: string | null;
  clearedById: number | null;
  clearedAt: string | null;
  clearedHash: string | null;
  publishedHash: string | null;
  publishedAt: string | null;
  lastReason: string | null;
  withholdCategory: string | null;
  /** The row's own bookkeeping (a Strapi row of the plugin's review type). */
  documentId: string;
  createdAt: string;
  updatedAt: string;
  locale: string | null;
}

/** POST /disclosure/reviews/:step: the item's new state in that locale. */
export interface StepResponse {
  data: ReviewRow;
}

/** GET /disclosure/reviews/:contentType/:documentId?locale= */
export interface ReviewRecordResponse {
  data: {
    states: ReviewRow[];
    indexNumber: string | null;
    /** The item's audit trail, oldest first. */
    history: ChainedAuditRecord[];
    /** The steps this user may take in `locale` (none without it). */
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
    pagination: Pagination;
    /** The divisions, to name them and to filter by them. */
    departments: Array<{ documentId: string; name: string }>;
    /** The user's own division, which scopes the queue, or null. */
    division: string | null;
  };
}

/** The transition table and the content types under review. */
export interface WorkflowDescription {
  contentTypes: string[];
  states: Array<{ state: ReviewState; label: string }>;
  actions: Array<{ action: Action } & Rule>;
  withholdReasons: WithholdReason[];
}

/** GET /disclosure/workflow */
export interface WorkflowResponse {
  data: WorkflowDescription;
}
