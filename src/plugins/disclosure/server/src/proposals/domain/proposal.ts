/**
 * A suggestion or proposal as the plugin stores it (its own table; the proposers' contacts
 * encrypted), its dates and what the transition table reads of it. Pure.
 */
import type {
  Feedback,
  ProposalKind,
  ProposalPublication,
  ProposalReply,
  ProposalState,
  ProposalUrgency,
  ResultClass,
} from '../../../../shared/proposals/contracts';
import { KIND_LABELS } from '../../../../shared/proposals/contracts';
import type { ProposalFacts } from './transitions';

/** A deputy or member as stored: contacts encrypted (`v1:…`), null when not given. */
export interface StoredProposer {
  name: string;
  delegation: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}
export const CONTACT_FIELDS = ['phone', 'email', 'address'] as const;

export interface StoredCoHandler {
  division: string;
  opinion: string | null;
  submittedBy: { id: number | null; name: string } | null;
  submittedAt: string | null;
}

/** The reply letter as stored: the API's reply and the hash its clearance holds for. */
export interface StoredReply extends ProposalReply {
  clearedHash: string | null;
}

export interface ProposalRow {
  id: number;
  kind: ProposalKind;
  term: string;
  meeting: string;
  number: string;
  title: string;
  content: string;
  proposers: StoredProposer[];
  lead: string;
  coHandlers: StoredCoHandler[] | null;
  state: ProposalState;
  round: number;
  /** Dates as the database returns them (read through `toDateOnly`). */
  assignedOn: string;
  dueDate: string;
  /** The first reply's date (办结 counts it) and the latest's. */
  firstRepliedOn: string | null;
  repliedOn: string | null;
  resultClass: ResultClass | null;
  feedback: Feedback | null;
  feedbackOn: string | null;
  reply: StoredReply | null;
  previousReplies: StoredReply[] | null;
  publicationMode: ProposalPublication['mode'] | null;
  publicationDueDate: string | null;
  publishedOn: string | null;
  remindedDueSoonOn: string | null;
  remindedOverdueOn: string | null;
  remindedPublicationOn: string | null;
}

/** How the case names itself in sentences: 人大代表建议 第十五届第三次会议 第12号. */
export const labelOf = (row: Pick<ProposalRow, 'kind' | 'term' | 'meeting' | 'number'>) =>
  `${KIND_LABELS[row.kind]} ${row.term}${row.meeting} 第${row.number}号`;

/** What the transition table reads of a stored case. */
export const factsOf = (row: ProposalRow): ProposalFacts => ({
  label: labelOf(row),
  state: row.state,
  round: row.round,
  coHandlers: (row.coHandlers ?? []).map((co) => ({
    division: co.division,
    submitted: co.opinion !== null,
  })),
  reply: row.reply && {
    state: row.reply.state,
    draftedById: row.reply.draftedBy.id,
    publicationDecided: row.reply.publication !== null,
  },
});

/** Replies are due this many months after the assignment unless the plugin config says otherwise. */
export const DEFAULT_REPLY_MONTHS = 3;

/** After a 不满意, the second reply is due this many months after the rating. */
export const SECOND_REPLY_MONTHS = 1;

/** Publication of a reply is due this many working days after it went out (条例 Art. 26). */
export const PUBLICATION_WORKING_DAYS = 20;

/** Reminders go out, and the list turns orange, this many days before the due date. */
export const DUE_SOON_DAYS = 10;

/**
 * The date `months` calendar months after `date` (YYYY-MM-DD): the same day of the month, or the
 * month's last day when it has none (11-30 + 3 months → 02-28 or 02-29).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date`. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** How urgent a case is on `today`: replied cases are no longer urgent. */
export function urgencyOf(state: ProposalState, dueDate: string, today: string): ProposalUrgency {
  if (state === 'replied' || state === 'closed') return 'closed';
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'on_time';
}

/** The list's order: overdue first, then due soon, on time, replied; earliest due date first. */
export const URGENCY_ORDER: readonly ProposalUrgency[] = [
  'overdue',
  'due_soon',
  'on_time',
  'closed',
];

/** Whether a due-soon reminder is due on `today` (within DUE_SOON_DAYS, not yet past). */
export const isDueSoon = (dueDate: string, today: string) =>
  dueDate >= today && dueDate <= addDays(today, DUE_SOON_DAYS);
