/**
 * The shapes of the requests admin API (依申请公开) as the admin UI reads them: see the plugin's
 * admin API contract (GET/POST /disclosure/requests…, /disclosure/reply-templates).
 */

export {
  EVENT_TYPES as EVENT_ACTIONS,
  REQUEST_STATES,
  type RequestState,
} from '../../../../shared/requests/states';
import {
  EVENT_TYPES as EVENT_ACTIONS,
  type RequestState,
} from '../../../../shared/requests/states';

export type { ReplyState, Urgency } from '../../../../shared/requests/states';
import type { ReplyState, Urgency } from '../../../../shared/requests/states';

/** The list's filter: open (未办结), closed (已办结) or all. */
export const STATE_FILTERS = ['open', 'closed', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** One row of GET /disclosure/requests (personal data masked). */
export interface RequestRow {
  trackingNumber: string;
  channel: string;
  applicantType: string;
  title: string;
  state: RequestState;
  receivedOn: string;
  dueDate: string | null;
  outcome: string | null;
  answeredOn: string | null;
  likelyDuplicateOf: string | null;
  name: string | null;
  phone: string | null;
  division?: string | null;
  urgency?: Urgency;
  workingDaysLeft?: number | null;
  replyState?: ReplyState | null;
  /** Years the deadline reaches whose holidays the calendar does not know (a warning). */
  uncoveredYears?: number[];
}

export interface RequestListResponse {
  data: RequestRow[];
  meta: { pagination: { page: number; pageSize: number; total: number } };
}

export interface CalendarDay {
  date: string;
  name?: string | null;
  /** The calendar module names the holiday `holiday`; the contract says `name`. */
  holiday?: string | null;
}

export interface DeadlineExplanation {
  status: 'running' | 'awaiting_correction' | 'consulting' | 'awaiting_payment';
  dueDate: string | null;
  allowedWorkingDays: number;
  countedWorkingDays: number;
  pausedWorkingDays: number;
  holidays: CalendarDay[];
  adjustedWorkingDays: CalendarDay[];
  correctionDueDate?: string | null;
  thirdPartyDueDate?: string | null;
  consultationDueDate?: string | null;
  feeDueDate?: string | null;
  uncoveredYears?: number[];
  steps: Array<{ date: string; text: string }>;
}

export interface RequestEvent {
  type: string;
  date: string;
  dueBy?: string;
  party?: 'third_party' | 'agency';
  days?: number;
  approver?: string;
  reason?: string;
}

export interface Attachment {
  id: number;
  kind: 'application' | 'reply';
  fileName: string;
  mime: string;
  size: number;
}

export interface Reply {
  outcome: string;
  outcomeLabel: string;
  article: string | null;
  subject: string;
  body: string;
  attachmentIds: number[];
  state: ReplyState;
  /** SHA-256 of the reply as drafted; a reviewer's clearance names it. */
  hash: string;
  draftedBy: { id: number; name: string } | null;
  draftedAt: string | null;
  clearedBy: { id: number; name: string } | null;
  clearedAt: string | null;
  returnedReason: string | null;
  deliveredOn: string | null;
  deliveryMethod: 'email' | 'post' | 'in_person' | 'fax' | null;
  /** The draft item made from the released information (Art. 44), once made. */
  proactiveItem?: ProactiveDraft | null;
}

export interface TimelineEntry {
  at: string;
  kind?: 'event' | 'audit';
  action: string;
  actorName: string | null;
  text: string;
}

/** The handling events: POST …/events with `{ type, date, … }`. */

export const ACTIONS = [
  ...EVENT_ACTIONS,
  'accept',
  'assign',
  'draft_reply',
  'clear_reply',
  'return_reply',
  'send_reply',
  'record_delivery',
  'withdraw',
  'make_proactive',
] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** GET /disclosure/requests/:trackingNumber */
export interface RequestDetail extends RequestRow {
  contactPerson: string | null;
  idType: string | null;
  idNumber: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  docNumber: string | null;
  description: string | null;
  form: string | null;
  delivery: string | null;
  events?: RequestEvent[];
  deadline: DeadlineExplanation | null;
  /** The request's place among the applicant's applications of its calendar month (fees). */
  monthlyRank?: number;
  /** What a fee by count (按件计收) would charge for it, in yuan. */
  feeByCount?: number;
  attachments?: Attachment[];
  reply?: Reply | null;
  timeline?: TimelineEntry[];
  allowedActions?: RequestAction[];
}

/** GET /disclosure/reply-templates, one per outcome key in table 三 order. */
export interface ReplyTemplate {
  outcome: string;
  label: string;
  article: string;
  subject: string;
  body: string;
  /** `{{names}}` no placeholder, in a template saved before they were refused: shown as written. */
  unknownPlaceholders: string[];
}

/** POST /disclosure/requests/:tn/proactive */
export interface ProactiveDraft {
  contentType: string;
  documentId: string;
  locale: string;
}
