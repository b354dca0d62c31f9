/**
 * Request and response shapes of the proposals module's admin API (/disclosure/proposals…):
 * deputies' suggestions (人大代表建议) and members' proposals (政协提案), assigned to a lead
 * division (主办) with co-handlers (协办), answered by a reply letter (答复函) that passes the
 * confidentiality review (保密审查), rated by the deputy or member, and published (全文 / 摘要) or
 * not (不公开, with the reason). One definition for the server, the admin and docs/proposals.md.
 */

export const PROPOSAL_KINDS = ['deputy', 'member'] as const;
/** deputy: 人大代表建议; member: 政协委员提案. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/**
 * assigned: 已交办, co-handlers' opinions and the reply in the making; replied: 已答复, awaiting
 * the feedback; reopened: 不满意, a second reply in the making; closed: 办结 (满意 / 基本满意).
 */
export const PROPOSAL_STATES = ['assigned', 'replied', 'reopened', 'closed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** A: 所提问题已经解决或基本解决; B: 正在解决或列入计划逐步解决; C: 因条件限制留作参考. */
export const RESULT_CLASSES = ['A', 'B', 'C'] as const;
export type ResultClass = (typeof RESULT_CLASSES)[number];

export const FEEDBACKS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
/** 满意 / 基本满意 / 不满意. */
export type Feedback = (typeof FEEDBACKS)[number];

export const PUBLICATION_MODES = ['full', 'summary', 'none'] as const;
/** 全文公开 / 摘要公开 / 不公开 (with the reason). */
export type PublicationMode = (typeof PUBLICATION_MODES)[number];

export type ProposalReplyState = 'draft' | 'returned' | 'cleared' | 'sent';

/** Every action a person takes on a case, in the order the case page shows its buttons. */
export const PROPOSAL_ACTIONS = [
  'assign',
  'submit_opinion',
  'draft_reply',
  'clear_reply',
  'return_reply',
  'send_reply',
  'record_feedback',
  'decide_publication',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export type ProposalUrgency = 'overdue' | 'due_soon' | 'on_time' | 'closed';

/** A deputy or member as the office registers them; contacts are stored encrypted. */
export interface ProposerInput {
  name: string;
  /** 代表团 / 界别 or work unit: public-ish, stored in clear. */
  delegation?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** POST /disclosure/proposals (政务公开协调员): registers and assigns a suggestion or proposal. */
export interface RegisterProposalBody {
  kind: ProposalKind;
  /** 届次, e.g. 第十五届. */
  term: string;
  /** 次会议, e.g. 第三次会议. */
  meeting: string;
  /** The number the congress or conference gave it (建议第123号 / 提案第45号). */
  number: string;
  title: string;
  content: string;
  proposers: ProposerInput[];
  /** The lead division's code (主办). */
  lead: string;
  /** The co-handler divisions' codes (协办), none by default. */
  coHandlers?: string[];
  /** 交办日期, YYYY-MM-DD, not in the future; today by default. */
  assignedOn?: string;
  /** 办理期限, YYYY-MM-DD; by default `replyMonths` (3) after the assignment. */
  dueDate?: string;
}

/** POST /disclosure/proposals/:id/assign: changes the lead or co-handlers, before a reply is sent. */
export interface AssignProposalBody {
  lead: string;
  coHandlers?: string[];
  dueDate?: string;
}

/** POST /disclosure/proposals/:id/opinions: a co-handler division's opinion to the lead. */
export interface OpinionBody {
  text: string;
  /** The co-handler division's code: needed only from someone without a division. */
  division?: string;
}

/** POST /disclosure/proposals/:id/reply: drafts (or redrafts) the reply letter. */
export interface DraftProposalReplyBody {
  resultClass: ResultClass;
  /** The substance of the answer, filled into the template's {{answer}}. */
  answer: string;
  /** The letter itself when given, else the template filled in. */
  body?: string;
  subject?: string;
}

/** POST …/reply/clear and …/reply/return (保密审查员): the version they read. */
export interface ProposalClearanceBody {
  hash: string;
}
export interface ProposalReturnBody {
  hash: string;
  reason: string;
}

/** POST …/reply/send: the cleared letter went out on this day (today by default). */
export interface SendProposalReplyBody {
  date?: string;
}

/** POST …/feedback: the deputy's or member's rating of the reply. */
export interface FeedbackBody {
  feedback: Feedback;
  /** The day it was received, today by default. */
  date?: string;
  comment?: string;
}

/** POST …/publication: full text or summary becomes a draft item in 建议提案办理, or not published. */
export interface PublicationBody {
  mode: PublicationMode;
  /** The summary (摘要) to publish: required for `summary`. */
  summary?: string;
  /** Why it is not published: required for `none`. */
  reason?: string;
}

export interface Signature {
  id: number | null;
  name: string;
}

export interface Proposer {
  name: string;
  delegation: string | null;
  /** Only for those who may see contacts (the lead division and the coordinator). */
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface CoHandler {
  division: string;
  divisionName: string;
  opinion: string | null;
  submittedBy: Signature | null;
  submittedAt: string | null;
}

export interface ProposalPublication {
  mode: PublicationMode;
  summary: string | null;
  reason: string | null;
  decidedBy: Signature;
  decidedOn: string;
  /** The draft item in 建议提案办理, for 全文 and 摘要. */
  item: { contentType: string; documentId: string; locale: string } | null;
}

export interface ProposalReply {
  round: number;
  resultClass: ResultClass;
  answer: string;
  subject: string;
  body: string;
  state: ProposalReplyState;
  /** What a reviewer clears or returns: the server refuses if the reply changed since. */
  hash: string;
  draftedBy: Signature;
  draftedAt: string;
  clearedBy: Signature | null;
  clearedAt: string | null;
  returnedReason: string | null;
  sentOn: string | null;
  feedback: Feedback | null;
  feedbackOn: string | null;
  feedbackComment: string | null;
  publication: ProposalPublication | null;
  /** 20 working days after the reply went out: when it must be published (or decided not to be). */
  publicationDueDate: string | null;
}

/** A row of GET /disclosure/proposals. */
export interface ProposalListRow {
  id: number;
  kind: ProposalKind;
  term: string;
  meeting: string;
  number: string;
  title: string;
  state: ProposalState;
  lead: string;
  leadName: string;
  coHandlers: string[];
  assignedOn: string;
  dueDate: string;
  urgency: ProposalUrgency;
  replyState: ProposalReplyState | null;
  resultClass: ResultClass | null;
  feedback: Feedback | null;
  publicationDueDate: string | null;
  /** The viewer's part: lead (主办), co-handler (协办) or all (coordinator, reviewer). */
  role: 'lead' | 'co_handler' | 'all';
}

export interface ProposalListResponse {
  data: ProposalListRow[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface ProposalTimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  text: string;
}

/** GET /disclosure/proposals/:id, and the answer of every step. */
export interface ProposalDetail extends ProposalListRow {
  content: string;
  proposers: Proposer[];
  coHandlerOpinions: CoHandler[];
  round: number;
  reply: ProposalReply | null;
  /** Earlier replies (a 不满意 reopened the case), oldest first. */
  previousReplies: ProposalReply[];
  allowedActions: ProposalAction[];
  /** Whether the contacts are shown (the lead division and the coordinator see them). */
  showsContacts: boolean;
  timeline: ProposalTimelineEntry[];
}

/** Labels the admin and the mails share. */
export const KIND_LABELS: Record<ProposalKind, string> = {
  deputy: '人大代表建议',
  member: '政协委员提案',
};
export const FEEDBACK_LABELS: Record<Feedback, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};
export const RESULT_CLASS_LABELS: Record<ResultClass, string> = {
  A: 'A类（所提问题已经解决或基本解决）',
  B: 'B类（所提问题正在解决或已列入计划逐步解决）',
  C: 'C类（所提问题因条件限制或其他原因留作参考）',
};
export const PUBLICATION_LABELS: Record<PublicationMode, string> = {
  full: '全文公开',
  summary: '摘要公开',
  none: '不公开',
};

/** GET /disclosure/proposal-divisions: the divisions a case is assigned to, in the catalogue's order. */
export interface ProposalDivision {
  code: string;
  name: string;
}
