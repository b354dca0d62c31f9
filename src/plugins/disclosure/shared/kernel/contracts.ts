/**
 * Shapes the kernel's APIs answer, and those every module's answers share: errors, pages, the
 * audit trail, the working-day calendar, the staff's divisions. Used by the server (as the return
 * types of its services) and the admin alike; the README's examples are checked against them
 * (shared/readme-examples.test.ts).
 */

/** Every error: Strapi's shape, with a sentence the user can act on in `message`. */
export interface ErrorResponse {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    /** A 400 on input names the field (`key`, or `errors: [{ field, message }]`). */
    details: Record<string, unknown>;
  };
}

/** A page of a paginated list. */
export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** One entry of the audit trail, as its hash covers it. */
export interface AuditRecord {
  seq: number;
  at: string;
  contentType: string;
  documentId: string;
  locale: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorName: string | null;
  /**
   * The actor's e-mail, their identity across a transfer of the data (ids are handed out again).
   * Hashed from chain version 2 on; on older entries it was filled in later, outside the hash.
   */
  actorEmail?: string | null;
  actorRoles: string[];
  reason: string | null;
  category: string | null;
  contentHash: string | null;
  prevHash: string;
  /** 2 for entries whose hash covers `actorEmail`; absent on the entries written before. */
  chainVersion?: number;
}

export interface ChainedAuditRecord extends AuditRecord {
  hash: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** GET /disclosure/audit/verify */
export interface AuditVerifyResponse {
  data: ChainVerdict;
}

export type DayKind = 'working_day' | 'weekend' | 'holiday' | 'adjusted_working_day';

/** A day of the working-day calendar (工作日), `YYYY-MM-DD` in Beijing. */
export interface CalendarDay {
  date: string;
  isWorking: boolean;
  kind: DayKind;
  /** The holiday's name for holidays and 调休 working days (春节, 国庆节 …). */
  holiday?: string;
  /** Set when an override decided this day. */
  override?: string;
}

/** A correction of the calendar library's data: this date is (not) a working day. */
export interface CalendarOverride {
  date: string;
  isWorking: boolean;
  /** e.g. 春节 (国办发明电〔2026〕7号). */
  note: string;
}

/** An admin user with their roles and division (GET /disclosure/staff). */
export interface StaffMember {
  id: number;
  name: string;
  email: string;
  isActive: boolean;
  /** The names of their admin roles. */
  roles: string[];
  /** The division's documentId, or null. */
  department: string | null;
}

export interface StaffList {
  users: StaffMember[];
  departments: Array<{ documentId: string; name: string; code: string }>;
}

/** GET /disclosure/staff */
export interface StaffResponse {
  data: StaffList;
}

/** PUT /disclosure/staff/:userId */
export interface AssignStaffRequest {
  /** The division's documentId, or null to take the user out of any division. */
  department: string | null;
}

export interface AssignStaffResponse {
  data: { userId: number; department: string | null };
}

/** A staff member the plugin's records name by e-mail whom no admin user has (导入后缺少的工作人员). */
export interface UnmatchedStaffMember {
  email: string;
  /** How many references in all. */
  count: number;
  /** Where: the kind of record and how many of it. */
  references: Array<{ label: string; count: number }>;
}

/** What a reconciliation of staff references did (or, as a report, would find). */
export interface StaffReconciliation {
  /** Stored ids pointed at the admin user with the stored e-mail. */
  repointed: number;
  /** Ids cleared because nobody has the e-mail and another person now holds the id. */
  cleared: number;
  unmatched: UnmatchedStaffMember[];
}

/** GET /disclosure/staff/unmatched, POST /disclosure/staff/reconcile */
export interface StaffReconciliationResponse {
  data: StaffReconciliation;
}
