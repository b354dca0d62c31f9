/**
 * Request and response shapes of the service-items routes, for the server and the admin alike.
 * Admin routes are mounted under /disclosure, the website's under /api/disclosure.
 */
import type { ReviewAction, ServiceItemReviewView } from './review';
import type {
  HistoryEntry,
  Lifecycle,
  OnlineDepth,
  ServiceItemType,
  WithdrawalKind,
} from './catalogue';
import type { CaseAction, CaseApplicantType, CaseState, CaseUrgency, Decision } from './cases';

/** The guide fields staff edit (POST /disclosure/service-items, PUT …/:documentId). */
export interface ServiceItemInput {
  name?: string | null;
  itemType: ServiceItemType;
  /** The division (处室) carrying it out: a department's documentId, or null. */
  division?: string | null;
  legalBasis?: string | null;
  conditions?: string | null;
  materials?: string | null;
  location?: string | null;
  hours?: string | null;
  phone?: string | null;
  process?: string | null;
  legalDays?: number | null;
  promisedDays?: number | null;
  fees?: string | null;
  onlineUrl?: string | null;
  onlineDepth?: OnlineDepth | null;
}

export interface Withdrawal {
  kind: WithdrawalKind;
  /** 取消 / 下放 / 上级收回 */
  label: string;
  date: string;
  authority: string;
  reason: string | null;
}

/** POST /disclosure/service-items/:documentId/withdraw */
export interface WithdrawInput {
  kind: WithdrawalKind;
  date: string;
  authority: string;
  reason?: string | null;
}

/** An item as staff see it: the draft, and where its publication stands. */
export interface ServiceItemAdminView extends Required<ServiceItemInput> {
  documentId: string;
  divisionName: string | null;
  lifecycle: Lifecycle;
  withdrawal: Withdrawal | null;
  history: HistoryEntry[];
  /** Published at all (the website shows the published version). */
  isPublished: boolean;
  /** The draft differs from what the website shows. */
  hasPendingEdits: boolean;
  /** The required guide fields the draft lacks (in Chinese): it cannot be published until filled. */
  missingGuideFields: string[];
  publishedAt: string | null;
  /** The item's latest review (null: never submitted). */
  review: ServiceItemReviewView | null;
  /** The review steps the current user may take on the item now (the page's buttons). */
  allowedActions: ReviewAction[];
}

/** An item as the website's service guide shows it (published versions only). */
export interface PublicServiceItem {
  documentId: string;
  name: string;
  itemType: ServiceItemType;
  itemTypeLabel: string;
  division: { name: string; code: string } | null;
  legalBasis: string;
  conditions: string;
  materials: string;
  location: string;
  hours: string;
  phone: string;
  process: string;
  legalDays: number | null;
  promisedDays: number | null;
  fees: string | null;
  onlineUrl: string | null;
  onlineDepth: OnlineDepth | null;
  onlineDepthLabel: string | null;
  lifecycle: Lifecycle;
  lifecycleLabel: string;
  isWithdrawn: boolean;
  withdrawal: Withdrawal | null;
  history: HistoryEntry[];
  publishedAt: string | null;
}

/** GET /api/disclosure/service-items?type=&division=&lifecycle=&q=&page=&pageSize= */
export interface PublicServiceItemList {
  data: PublicServiceItem[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

/** One step on a case's timeline. */
export interface CaseEvent {
  type: 'applied' | CaseAction;
  date: string;
  actorId: number | null;
  actorName: string;
  note: string | null;
  decision?: Decision;
  /** When it was recorded (ISO instant). */
  recordedAt: string;
}

/** A case in the list (the applicant masked). */
export interface CaseSummary {
  caseNumber: string;
  serviceItem: string;
  itemName: string;
  division: string | null;
  source: 'staff' | 'import';
  applicantType: CaseApplicantType;
  applicantMasked: string;
  state: CaseState;
  decision: Decision | null;
  appliedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  promisedDue: string | null;
  legalDue: string | null;
  urgency: CaseUrgency;
}

/** A case's page: the applicant in clear for the staff handling it, its timeline, its next steps. */
export interface CaseView extends CaseSummary {
  applicant: string;
  idNumber: string | null;
  phone: string | null;
  promisedDays: number | null;
  legalDays: number | null;
  events: CaseEvent[];
  allowedActions: CaseAction[];
}

/** POST /disclosure/service-cases */
export interface RegisterCaseInput {
  caseNumber?: string;
  serviceItem: string;
  applicantType: CaseApplicantType;
  applicant: string;
  idNumber?: string | null;
  phone?: string | null;
  appliedOn: string;
  note?: string | null;
}

/** POST /disclosure/service-cases/:caseNumber/:action */
export interface CaseStepInput {
  date: string;
  note?: string | null;
  /** decide only */
  decision?: Decision;
}

/** GET /disclosure/service-cases?state=&item=&urgency=&page=&pageSize= */
export interface CaseList {
  data: CaseSummary[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

/** One row of an import: what the import does with it. */
export interface ImportRowReport {
  line: number;
  caseNumber: string | null;
  outcome: 'import' | 'refused';
  problems: string[];
}

/** POST /disclosure/service-cases/import { csv, dryRun } */
export interface ImportInput {
  csv: string;
  dryRun: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  /** Rows imported (0 on a dry run, and whenever any row is refused). */
  imported: number;
  importable: number;
  refused: number;
  rows: ImportRowReport[];
}

/** The service items staff pick from (registering a case, filtering the list). */
export interface ServiceItemChoice {
  documentId: string;
  name: string;
  itemType: ServiceItemType;
  isPublished: boolean;
  lifecycle: Lifecycle;
}

/** GET /disclosure/service-items: every item (drafts included) and the divisions to choose from. */
export interface ServiceItemAdminList {
  data: ServiceItemAdminView[];
  meta: { divisions: Array<{ documentId: string; name: string; code: string }> };
}
