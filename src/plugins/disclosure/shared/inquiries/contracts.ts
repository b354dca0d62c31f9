/**
 * Request and response shapes of the inquiries module (留言办理): public inquiries and complaints
 * from every channel — the phone desk (电话), the province's 民心网, transfers from 政府公开电话 /
 * 12345 / the city's enterprise hotline (转办), the website's 监督投诉 form and the bureau's
 * 企业服务热线 form. Public API under /api/disclosure/inquiries, admin API under
 * /disclosure/inquiries. One definition for the server, the admin and docs/inquiries.md.
 */
import { INQUIRY_CHANNELS, type InquiryChannel } from '../kernel/constants';

export { INQUIRY_CHANNELS, type InquiryChannel };

export const CHANNEL_LABELS: Record<InquiryChannel, string> = {
  phone: '电话咨询',
  minxin: '民心网',
  hotline: '热线转办',
  website: '网站监督投诉',
  enterprise: '企业服务热线',
};

/** The channels the public writes in through the website (POST /api/disclosure/inquiries). */
export const PUBLIC_CHANNELS = ['website', 'enterprise'] as const;
export type PublicChannel = (typeof PUBLIC_CHANNELS)[number];

/** The channels staff register from a platform, a transfer or a letter (the phone desk logs calls). */
export const REGISTERED_CHANNELS = ['minxin', 'hotline', 'website', 'enterprise'] as const;
export type RegisteredChannel = (typeof REGISTERED_CHANNELS)[number];

/** Whether a channel reports the person's satisfaction back (民心网, the hotlines). */
export const SATISFACTION_CHANNELS: readonly InquiryChannel[] = ['minxin', 'hotline', 'enterprise'];

export const INQUIRY_KINDS = ['consultation', 'complaint', 'suggestion', 'help'] as const;
/** 咨询 / 投诉 / 建议 / 求助. */
export type InquiryKind = (typeof INQUIRY_KINDS)[number];
export const KIND_LABELS: Record<InquiryKind, string> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  help: '求助',
};

/** The subjects an industry and IT bureau (工业和信息化局) is asked about. */
export const INQUIRY_CATEGORIES = [
  'policy',
  'funding',
  'technical_upgrade',
  'licensing',
  'informatization',
  'energy',
  'enterprise_burden',
  'disclosure',
  'other',
] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<InquiryCategory, string> = {
  policy: '政策咨询',
  funding: '专项资金',
  technical_upgrade: '技术改造备案',
  licensing: '行政许可',
  informatization: '信息化与软件',
  energy: '节能与电力',
  enterprise_burden: '企业负担与营商环境',
  disclosure: '政务公开',
  other: '其他',
};

/** Who transferred a hotline case (转办单位). */
export const TRANSFER_SOURCES = [
  'government_hotline',
  'hotline_12345',
  'enterprise_hotline',
] as const;
export type TransferSource = (typeof TRANSFER_SOURCES)[number];
export const TRANSFER_LABELS: Record<TransferSource, string> = {
  government_hotline: '政府公开电话',
  hotline_12345: '12345热线',
  enterprise_hotline: '企业服务热线',
};

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
/** 满意 / 基本满意 / 不满意. */
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/**
 * open: received, being handled (assigned to a division or awaiting assignment); closed: 办结,
 * the answer given (on the call, or the cleared reply sent); dismissed: 无效留言 (spam, a duplicate,
 * no content), with the reason — not a valid message, so outside the 3-month rule and the rate.
 */
export const INQUIRY_STATES = ['open', 'closed', 'dismissed'] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

export type InquiryReplyState = 'draft' | 'returned' | 'cleared' | 'sent';

/** Every action on a case, in the order the case page shows its buttons. */
export const INQUIRY_ACTIONS = [
  'assign',
  'answer',
  'draft_reply',
  'clear_reply',
  'return_reply',
  'send_reply',
  'record_satisfaction',
  'prepare_publication',
  'dismiss',
] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

/**
 * over_limit: open more than 3 months (the inspection fails the site); warning: open past
 * `warnAfterMonths` (2); overdue: past the channel's reply deadline; due_soon: due within 2 days.
 */
export const INQUIRY_URGENCIES = [
  'over_limit',
  'warning',
  'overdue',
  'due_soon',
  'on_time',
  'closed',
] as const;
export type InquiryUrgency = (typeof INQUIRY_URGENCIES)[number];

// ---- public API --------------------------------------------------------------------------------

/** POST /api/disclosure/inquiries: the website's 监督投诉 form and the 企业服务热线 form. */
export interface InquiryIntakeBody {
  channel: PublicChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  subject: string;
  message: string;
  name: string;
  phone: string;
  email?: string | null;
  /** The writer agrees that the question and answer, without personal data, may be published. */
  publicConsent?: boolean;
}

/** 201: the tracking number and the query code, shown this once. */
export interface CreatedInquiry {
  trackingNumber: string;
  queryCode: string;
  receivedOn: string;
  dueDate: string;
}

/** GET /api/disclosure/inquiries/status?trackingNumber=&queryCode= */
export interface InquiryStatus {
  trackingNumber: string;
  state: InquiryState;
  receivedOn: string;
  dueDate: string;
  repliedOn: string | null;
  /** The reply, once it passed the confidentiality review and was sent; else null. */
  reply: string | null;
}

// ---- admin API ---------------------------------------------------------------------------------

/** POST /disclosure/inquiries/phone: the phone desk's quick log (under a minute of typing). */
export interface PhoneLogBody {
  category: InquiryCategory;
  question: string;
  /** The answer given on the call: the call is closed at once. Without it, a call-back is due. */
  answer?: string | null;
  kind?: InquiryKind;
  callerName?: string | null;
  callerPhone?: string | null;
  /** The division to call back (with no answer on the call). */
  division?: string | null;
  /** YYYY-MM-DD, not in the future; today by default. */
  receivedOn?: string;
  publicConsent?: boolean;
}

/** POST /disclosure/inquiries: a 民心网 case, a hotline transfer, a letter or a hotline form. */
export interface RegisterInquiryBody {
  channel: RegisteredChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  subject: string;
  message: string;
  /** 民心网: the platform's case number; hotline: the transfer's number (工单号). */
  externalNumber?: string | null;
  /** hotline: who transferred it. */
  transferredBy?: TransferSource | null;
  /** 民心网: the platform's own deadline, which comes before the configured working days. */
  platformDueDate?: string | null;
  receivedOn?: string;
  division?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  publicConsent?: boolean;
}

export interface AssignInquiryBody {
  division: string;
  dueDate?: string;
}
export interface AnswerBody {
  text: string;
  date?: string;
}
export interface DraftInquiryReplyBody {
  text: string;
}
export interface SendInquiryReplyBody {
  date?: string;
}
export interface SatisfactionBody {
  satisfaction: Satisfaction;
  date?: string;
}
export interface DismissBody {
  reason: string;
}
/** The public version of the Q&A, written by staff with every personal detail removed. */
export interface PublicationBody {
  title: string;
  question: string;
  answer: string;
}

export interface StaffRef {
  id: number | null;
  name: string;
}

export interface InquiryReply {
  text: string;
  state: InquiryReplyState;
  /** What the 保密审查员 clears: the hash of this exact text. */
  hash: string;
  draftedBy: StaffRef;
  draftedAt: string;
  clearedBy: StaffRef | null;
  clearedAt: string | null;
  returnedReason: string | null;
  sentOn: string | null;
}

export interface InquiryPublication {
  title: string;
  question: string;
  answer: string;
  preparedBy: StaffRef;
  preparedOn: string;
  /** The draft article it became (then reviewed and published like any item). */
  item: { contentType: string; documentId: string; locale: string } | null;
}

export interface InquiryListRow {
  id: number;
  trackingNumber: string;
  channel: InquiryChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  subject: string;
  state: InquiryState;
  division: string | null;
  divisionName: string | null;
  receivedOn: string;
  dueDate: string;
  /** The date the 2-month warning applies from, and the 3-month limit. */
  warnOn: string;
  limitOn: string;
  urgency: InquiryUrgency;
  repliedOn: string | null;
  externalNumber: string | null;
  replyState: InquiryReplyState | null;
  satisfaction: Satisfaction | null;
  /** The person's name, masked (张*). */
  applicant: string | null;
}

export interface InquiryTimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  text: string;
}

export interface InquiryDetail extends InquiryListRow {
  message: string;
  transferredBy: TransferSource | null;
  platformDueDate: string | null;
  assignedOn: string | null;
  workingDays: number | null;
  answeredOnCall: boolean;
  satisfactionOn: string | null;
  dismissReason: string | null;
  publicConsent: boolean;
  /** Full contacts for the coordinator and the assigned division (the view is audited); else masked. */
  contact: { name: string | null; phone: string | null; email: string | null };
  showsContacts: boolean;
  reply: InquiryReply | null;
  publication: InquiryPublication | null;
  allowedActions: InquiryAction[];
  timeline: InquiryTimelineEntry[];
}

export interface InquiryListResponse {
  data: InquiryListRow[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    /** The oldest open message the viewer may see (the inspection's 3-month rule), or null. */
    oldestOpen: InquiryListRow | null;
  };
}
