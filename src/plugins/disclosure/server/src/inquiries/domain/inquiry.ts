/**
 * A public inquiry as the plugin stores it (its own table; the person's name and contacts
 * encrypted), its dates — the reply deadline per channel, the 2-month warning and the 3-month
 * limit of the website inspection — and what the transition table reads of it. Pure.
 */
import type {
  InquiryCategory,
  InquiryChannel,
  InquiryKind,
  InquiryPublication,
  InquiryReply,
  InquiryState,
  InquiryUrgency,
  Satisfaction,
  TransferSource,
} from '../../../../shared/inquiries/contracts';
import { CHANNEL_LABELS } from '../../../../shared/inquiries/contracts';
import type { InquiryFacts } from './transitions';

/** The reply as stored: the API's reply and the hash its clearance holds for. */
export interface StoredReply extends InquiryReply {
  clearedHash: string | null;
}

export interface InquiryRow {
  id: number;
  trackingNumber: string;
  queryCodeHash: string | null;
  channel: InquiryChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  subject: string;
  message: string;
  externalNumber: string | null;
  transferredBy: TransferSource | null;
  platformDueDate: string | null;
  /** Dates as the database returns them (read through `toDateOnly`). */
  receivedOn: string;
  dueDate: string;
  division: string | null;
  assignedOn: string | null;
  state: InquiryState;
  answeredOnCall: boolean | null;
  reply: StoredReply | null;
  repliedOn: string | null;
  workingDays: number | null;
  satisfaction: Satisfaction | null;
  satisfactionOn: string | null;
  dismissReason: string | null;
  publicConsent: boolean | null;
  publication: InquiryPublication | null;
  /** Encrypted (`v1:…`), null when not given. */
  applicantName: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  warnedOn: string | null;
  remindedOverdueOn: string | null;
}

/** How a case names itself in sentences: 民心网留言 LY20180305-000123. */
export const labelOf = (row: Pick<InquiryRow, 'channel' | 'trackingNumber'>) =>
  `${CHANNEL_LABELS[row.channel]}留言 ${row.trackingNumber}`;

/** What the transition table reads of a stored case. */
export const factsOf = (row: InquiryRow): InquiryFacts => ({
  label: labelOf(row),
  channel: row.channel,
  state: row.state,
  division: row.division,
  publicConsent: Boolean(row.publicConsent),
  satisfaction: row.satisfaction,
  published: row.publication !== null,
  reply: row.reply && { state: row.reply.state, draftedById: row.reply.draftedBy.id },
});

/** The inspection fails a site whose valid message stays unanswered longer than this. */
export const LIMIT_MONTHS = 3;

/** The list turns orange this many calendar days before the reply deadline. */
export const DUE_SOON_DAYS = 2;

/**
 * The date `months` calendar months after `date` (YYYY-MM-DD): the same day of the month, or the
 * month's last day when it has none.
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

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The reply deadline: the platform's own (民心网) when given, else the channel's working days. */
export function dueDateOf(
  receivedOn: string,
  workingDays: number,
  addWorkingDays: (date: string, n: number) => string,
  platformDueDate?: string | null
): string {
  return platformDueDate ?? addWorkingDays(receivedOn, workingDays);
}

/** The dates of the 3-month rule: the warning (after `warnAfterMonths`) and the limit. */
export const ruleDatesOf = (receivedOn: string, warnAfterMonths: number) => ({
  warnOn: addMonths(receivedOn, warnAfterMonths),
  limitOn: addMonths(receivedOn, LIMIT_MONTHS),
});

/** How urgent an open case is on `today`; closed and dismissed cases are not. */
export function urgencyOf(
  state: InquiryState,
  dates: { dueDate: string; warnOn: string; limitOn: string },
  today: string
): InquiryUrgency {
  if (state !== 'open') return 'closed';
  if (today > dates.limitOn) return 'over_limit';
  if (today >= dates.warnOn) return 'warning';
  if (dates.dueDate < today) return 'overdue';
  return dates.dueDate <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'on_time';
}
