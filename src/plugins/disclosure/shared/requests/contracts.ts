/**
 * Request and response shapes of the requests module's APIs (依申请公开): the website's intake
 * and status lookup (/api/disclosure-requests…, no sign-in) and the office's admin API
 * (/disclosure/requests…, /disclosure/reply-templates). One definition for the server (the
 * return types of its services), the admin and the README's examples.
 */
import type { CalendarDay } from '../kernel/contracts';
import type { FeeNoticeRoute } from './fees';
import { EVENT_TYPES, type ReplyState, type RequestState, type Urgency } from './states';

export type { ReplyState, RequestState, Urgency };

// ---------------------------------------------------------------------------------------------
// Intake: POST /api/disclosure-requests (the website), POST /disclosure/requests (the office)

export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal',
  'other',
] as const;
export const ID_TYPES = [
  'id_card',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'credit_code',
  'other',
] as const;
export const FORMS = ['paper', 'electronic', 'other'] as const;
export const DELIVERY_ROUTES = ['email', 'post', 'pickup', 'fax', 'online'] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export type IdType = (typeof ID_TYPES)[number];
export type RequestForm = (typeof FORMS)[number];
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

/** How a request came in: the website's intake is `online`, the office registers the others. */
export type RequestChannel = 'paper' | 'in_person' | 'post' | 'fax' | 'online';

/**
 * POST /api/disclosure-requests: JSON, or multipart with this as JSON in `data` and up to 3
 * files in `attachments`. Unknown fields are refused.
 */
export interface CreateRequestBody {
  applicantType: ApplicantType;
  /** The person's name, or the organisation's for 法人或其他组织. */
  name: string;
  /** For 法人或其他组织: the contact person. */
  contactPerson?: string | null;
  idType: IdType;
  idNumber: string;
  phone: string;
  /** Required when `delivery` is email. */
  email?: string | null;
  /** Required when `delivery` is post. */
  address?: string | null;
  postcode?: string | null;
  title: string;
  docNumber?: string | null;
  description?: string | null;
  form: RequestForm;
  delivery: DeliveryRoute;
}

/** POST /disclosure/requests: a request the office received on paper, in person, by post or fax. */
export interface RegisterRequestBody extends CreateRequestBody {
  channel: Exclude<RequestChannel, 'online'>;
  /** The actual day of receipt, YYYY-MM-DD, not in the future. */
  receivedOn: string;
}

/** A request just registered. The query code is shown this once (only its HMAC is stored). */
export interface CreatedRequest {
  trackingNumber: string;
  queryCode: string;
  receivedOn: string;
  dueDate: string | null;
  /** How many files came with it. */
  attachments: number;
}

/** 201 from POST /api/disclosure-requests and POST /disclosure/requests */
export interface CreateRequestResponse {
  data: CreatedRequest;
}

// ---------------------------------------------------------------------------------------------
// The deadline (条例 Art. 30–33, 45) and the handling events that move it

export type RequestEvent =
  | { type: 'received'; date: string }
  | { type: 'correction_requested'; date: string; dueBy?: string }
  | { type: 'corrected'; date: string }
  | { type: 'consultation_started'; date: string; party: 'third_party' | 'agency' }
  | { type: 'consultation_ended'; date: string }
  | {
      type: 'fee_notice';
      /** The day the notice was sent; the clock stops from it. */
      date: string;
      /** How it went: e-mail is received the day sent; post on its delivery date (absent: e-mail). */
      via?: FeeNoticeRoute;
      /** The day a posted notice was delivered, when known as it is recorded. */
      deliveredOn?: string;
      /** What was charged and how it was computed (the requests domain fills it; the clock ignores it). */
      fee?: { basis: string; units: number; amount: number; text: string };
    }
  /** The applicant received a posted fee notice on `date` (the delivery record's date). */
  | { type: 'fee_notice_delivered'; date: string }
  | { type: 'fee_paid'; date: string }
  | { type: 'extended'; date: string; days: number; approver: string; reason: string };

export type ClockStatus = 'running' | 'awaiting_correction' | 'consulting' | 'awaiting_payment';

/** One step of a deadline's explanation. */
export interface DeadlineStep {
  date: string;
  /** What happened and what it did to the clock, in Chinese. */
  text: string;
}

export interface Deadline {
  status: ClockStatus;
  /** The last day to answer, or null while the clock is stopped. */
  dueDate: string | null;
  /** Working days the answer period has (20, plus an extension). */
  allowedWorkingDays: number;
  /** Working days counted so far towards it (all of them once due). */
  countedWorkingDays: number;
  /** Working days that fell in a pause and were not counted. */
  pausedWorkingDays: number;
  /** Holidays and 调休 working days inside the counted period. */
  holidays: CalendarDay[];
  adjustedWorkingDays: CalendarDay[];
  /** The applicant's correction deadline, a third party's reply deadline, the payment deadline. */
  correctionDueDate?: string | null;
  thirdPartyDueDate?: string | null;
  /**
   * While a consultation is open: the last day of the consulted party's 15 working days. The
   * clock resumes after it even without a reply; the office then decides (`dueDate` assumes so).
   */
  consultationDueDate?: string | null;
  /** Null while a posted fee notice awaits its delivery date. */
  feeDueDate?: string | null;
  /**
   * Years the deadline reaches whose holidays are not known (not in the calendar library, no
   * override): their Monday–Fridays were counted as working days.
   */
  uncoveredYears?: number[];
  steps: DeadlineStep[];
}

// ---------------------------------------------------------------------------------------------
// Status: GET /api/disclosure-requests/status?trackingNumber=&queryCode=

/** What the applicant may see of their request: never personal data. */
export interface RequestStatus {
  trackingNumber: string;
  state: RequestState;
  receivedOn: string;
  dueDate: string | null;
  outcome: string | null;
  /** How the due date was counted, step by step (dates and the 条例's rules only). */
  explanation: DeadlineStep[];
}

export interface RequestStatusResponse {
  data: RequestStatus;
}

// ---------------------------------------------------------------------------------------------
// The office's admin API: GET /disclosure/requests, GET /disclosure/requests/:trackingNumber …

/** The list's filter: open (未办结), closed (已办结) or all. */
export const STATE_FILTERS = ['open', 'closed', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** One row of GET /disclosure/requests (personal data masked). */
export interface RequestRow {
  trackingNumber: string;
  channel: RequestChannel;
  applicantType: ApplicantType;
  title: string;
  state: RequestState;
  receivedOn: string;
  dueDate: string | null;
  /** An outcome key of table 三 (`disclosed`, `refused.4` …) once closed. */
  outcome: string | null;
  answeredOn: string | null;
  likelyDuplicateOf: string | null;
  /** The code of the division (处室) handling it. */
  division: string | null;
  replyState: ReplyState | null;
  urgency: Urgency;
  /** Working days from today (Beijing) to the due date; negative when overdue. */
  workingDaysLeft: number | null;
  /** Years the deadline reaches whose holidays the calendar does not know (a warning). */
  uncoveredYears: number[];
  name: string | null;
  phone: string | null;
}

/** GET /disclosure/requests?state=open|closed|all&page=&pageSize= (newest receipt first) */
export interface RequestListResponse {
  data: RequestRow[];
  meta: { pagination: { page: number; pageSize: number; total: number } };
}

export interface Attachment {
  id: number;
  kind: 'application' | 'reply';
  fileName: string;
  mime: string;
  size: number;
  /** SHA-256 of the file's content (a reply's clearance covers it). */
  sha256: string;
}

/** POST /disclosure/requests/:tn/proactive: the draft item made from the released information. */
export interface ProactiveDraft {
  contentType: string;
  documentId: string;
  locale: string;
}

export interface ReplyAuthor {
  id: number | null;
  name: string;
}

/** The reply letter as the request page shows it. */
export interface Reply {
  outcome: string;
  outcomeLabel: string;
  article: string;
  subject: string;
  body: string;
  /** The reason given for the outcome (a refusal's grounds), or null. */
  reason: string | null;
  attachmentIds: number[];
  state: ReplyState;
  /** SHA-256 of the reply as drafted; a reviewer's clearance names it. */
  hash: string;
  draftedBy: ReplyAuthor;
  draftedAt: string;
  clearedBy: ReplyAuthor | null;
  clearedAt: string | null;
  returnedReason: string | null;
  deliveredOn: string | null;
  /** email, post, in_person or fax, once delivered. */
  deliveryMethod: string | null;
  /** The draft item made from the released information (Art. 44), once made. */
  proactiveItem: ProactiveDraft | null;
}

export interface TimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  /** A Chinese sentence; handling events start with their legal date. */
  text: string;
}

/** What a viewer may do on a request: the request page shows exactly these buttons. */
export const REQUEST_ACTIONS = [
  ...EVENT_TYPES,
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
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * GET /disclosure/requests/:trackingNumber: handlers see the personal data in full (and the view
 * is written to the audit trail), a confidentiality reviewer masked.
 */
export interface RequestDetail extends RequestRow {
  contactPerson: string | null;
  idType: IdType;
  idNumber: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  docNumber: string | null;
  description: string | null;
  form: RequestForm;
  delivery: DeliveryRoute;
  /** Why the request was closed as it was (withdrawn, lapsed …), or null. */
  outcomeReason: string | null;
  events: RequestEvent[];
  deadline: Deadline | null;
  /** The request's place among the applicant's applications of its calendar month (fees). */
  monthlyRank: number;
  /** What a fee by count (按件计收) would charge for it, in yuan. */
  feeByCount: number;
  attachments: Attachment[];
  reply: Reply | null;
  /** Oldest first. */
  timeline: TimelineEntry[];
  allowedActions: RequestAction[];
}

/** GET /disclosure/requests/:trackingNumber, and every handling step's answer */
export interface RequestDetailResponse {
  data: RequestDetail;
}

/** GET /disclosure/reply-templates, one per outcome key in table 三 order. */
export interface ReplyTemplateView {
  outcome: string;
  /** The table 三 row, e.g. "（三）不予公开 · 4.保护第三方合法权益". */
  label: string;
  article: string;
  subject: string;
  body: string;
  /** `{{names}}` no placeholder, in a template saved before they were refused: shown as written. */
  unknownPlaceholders: string[];
}

export interface ReplyTemplatesResponse {
  data: ReplyTemplateView[];
}
