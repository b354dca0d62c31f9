/**
 * Request and response shapes of the consultations module (调查征集): public consultations on a
 * draft (征求意见稿) whose text is split into anchorable units (第X条 or paragraphs), comments
 * from the website anchored to a unit, moderation, adoption decisions (采纳 / 部分采纳 / 未采纳)
 * and the feedback summary (意见采纳情况). The admin API lives under /disclosure/consultations,
 * the website's under /api/disclosure/consultations. One definition for the server, the admin
 * and docs/consultations.md.
 */
import type { Pagination } from '../kernel/contracts';

/**
 * The office's steps, stored: draft (编辑中, editable); announced (征求意见公告 submitted to the
 * review — the consultation is open while the announcement is published and today is within the
 * period); closed (征集结束); summarised (意见采纳情况 drafted, editable); summary_submitted (the
 * summary's article created and in the review, published once the review publishes it).
 */
export const CONSULTATION_STATES = [
  'draft',
  'announced',
  'closed',
  'summarised',
  'summary_submitted',
] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/**
 * Where a consultation stands, derived from its state, its articles' review and today's date:
 * the steps of the issue (draft → announced → open → closed → summarised → summary published).
 */
export const CONSULTATION_PHASES = [
  'draft',
  'announcement_in_review',
  'upcoming',
  'open',
  'period_over',
  'closed',
  'summarised',
  'summary_in_review',
  'summary_published',
] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** hidden: 待审核 / 不公开 (the default); public: shown on the website; rejected: 无效意见 (spam, off-topic). */
export const MODERATIONS = ['hidden', 'public', 'rejected'] as const;
export type Moderation = (typeof MODERATIONS)[number];

/** 采纳 / 部分采纳 / 未采纳 (the last two with the reason). */
export const ADOPTIONS = ['adopted', 'partly', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];

export const ADOPTION_LABELS: Record<Adoption, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
};

/** Every action staff take on a consultation, in the order the page shows its buttons. */
export const CONSULTATION_ACTIONS = [
  'edit',
  'announce',
  'moderate',
  'record_adoption',
  'close',
  'draft_summary',
  'submit_summary',
] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** One anchorable unit of the draft: an article (第三条) or a paragraph. */
export interface DraftUnit {
  /** Stable within the consultation: `art-3` for 第三条, `p-2` for the second paragraph. */
  anchor: string;
  /** 第三条 / 第2段. */
  label: string;
  text: string;
}

/** POST /disclosure/consultations; PUT …/:id takes the same fields (all optional). */
export interface ConsultationBody {
  title: string;
  /** The division's code (处室); staff of a division create for their own. */
  division?: string;
  /** 征求意见说明: why and on what the office consults. */
  purpose: string;
  /** The draft's text; lines starting 第X条 make articles, otherwise each paragraph is a unit. */
  draftText: string;
  /** The draft as a file (an upload's id), attached to the announcement. */
  draftFile?: number | null;
  opensOn: string;
  closesOn: string;
  /** 重大行政决策: the period is at least `minimumDaysForMajorDecisions` days … */
  isMajorDecision?: boolean;
  /** … unless the coordinator records why it is shorter. */
  shortenedReason?: string | null;
}

/** POST …/comments/:commentId/moderation. */
export interface ModerationBody {
  moderation: Moderation;
  /** Required for `rejected`. */
  reason?: string | null;
}

/** POST …/comments/:commentId/adoption: a reason for 部分采纳 and 未采纳. */
export interface AdoptionBody {
  adoption: Adoption;
  reason?: string | null;
}

/** POST …/close: before the period ends, the reason for ending early. */
export interface CloseBody {
  reason?: string | null;
}

/** POST …/summary: the summary's text; generated from the adoption decisions when absent. */
export interface SummaryBody {
  text?: string | null;
}

/** POST /api/disclosure/consultations/:documentId/comments (the website). */
export interface CommentBody {
  /** The unit commented on (one of the consultation's anchors); none for the draft as a whole. */
  anchor?: string | null;
  text: string;
  name: string;
  /** At least one of phone and email, so the office can ask back; both stored encrypted. */
  phone?: string | null;
  email?: string | null;
  organisation?: string | null;
}

/** What the website learns of an accepted comment: its number, never the contacts. */
export interface CommentReceipt {
  /** The consultation's public id (the one in the path). */
  consultationDocumentId: string;
  number: number;
  receivedOn: string;
}

export interface Person {
  id: number | null;
  name: string;
}

/** A comment as the consultation page shows it (contacts decrypted for its managers). */
export interface StaffComment {
  id: number;
  number: number;
  anchor: string | null;
  text: string;
  name: string;
  phone: string | null;
  email: string | null;
  organisation: string | null;
  receivedAt: string;
  moderation: Moderation;
  moderationReason: string | null;
  moderatedBy: Person | null;
  adoption: Adoption | null;
  adoptionReason: string | null;
  decidedBy: Person | null;
}

/** The counts of a consultation's comments. */
export interface CommentCounts {
  received: number;
  public: number;
  rejected: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  /** Not rejected and without an adoption decision yet. */
  undecided: number;
}

/** An article a consultation made (announcement or summary), with its review. */
export interface ConsultationArticle {
  contentType: string;
  documentId: string;
  locale: string;
  /** The review state (draft, submitted, division_approved, cleared, published, withheld). */
  reviewState: string;
  /** The date it was first published, when it is published now. */
  publishedOn: string | null;
}

export interface ConsultationListRow {
  /** The row's id: the admin API's. */
  id: number;
  /** The public id: the website's routes name the consultation by it (never by `id`). */
  documentId: string;
  title: string;
  division: string;
  divisionName: string;
  opensOn: string;
  closesOn: string;
  isMajorDecision: boolean;
  state: ConsultationState;
  phase: ConsultationPhase;
  counts: CommentCounts;
}

export interface ConsultationList {
  data: ConsultationListRow[];
  meta: { pagination: Pagination };
}

/** GET /disclosure/consultations/:id: the consultation page. */
export interface ConsultationDetail extends ConsultationListRow {
  purpose: string;
  draftText: string;
  draftFile: { id: number; name: string; url: string } | null;
  shortenedReason: string | null;
  /** The period's length in days, both ends counted. */
  days: number;
  minimumDays: number;
  isOpen: boolean;
  /** The draft's units, each with its comments (the page shows them side by side). */
  units: Array<DraftUnit & { comments: StaffComment[] }>;
  /** Comments on the draft as a whole. */
  generalComments: StaffComment[];
  announcement: ConsultationArticle | null;
  summary: {
    text: string;
    draftedBy: Person;
    draftedAt: string;
    /** Adoption decisions changed since the text was drafted: draft it again before submitting. */
    isStale: boolean;
    article: ConsultationArticle | null;
  } | null;
  closedOn: string | null;
  closeReason: string | null;
  allowedActions: ConsultationAction[];
  timeline: Array<{ at: string; action: string; actorName: string | null; text: string }>;
}

/**
 * GET /api/disclosure/consultations: the consultations whose announcement is published, each
 * named by its public id (random: it tells nothing of the consultations not published).
 */
export interface PublicConsultationRow {
  documentId: string;
  title: string;
  publisher: string;
  divisionName: string;
  opensOn: string;
  closesOn: string;
  status: 'upcoming' | 'open' | 'closed';
  commentsReceived: number;
  hasSummary: boolean;
}

/** GET /api/disclosure/consultations/:documentId. */
export interface PublicConsultation extends PublicConsultationRow {
  purpose: string;
  units: Array<DraftUnit & { publicComments: number }>;
  draftFile: { name: string; url: string } | null;
  announcement: { documentId: string; locale: string };
  /** The moderated comments shown publicly: text, unit and date only. */
  comments: Array<{ number: number; anchor: string | null; text: string; receivedOn: string }>;
  /** Only once the summary's article is published. */
  summary: {
    documentId: string;
    locale: string;
    title: string;
    text: string;
    publishedOn: string | null;
  } | null;
}
