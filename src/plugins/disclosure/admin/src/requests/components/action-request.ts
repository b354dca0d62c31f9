/** The action forms' values and the request each action sends: pure, tested beside it. */
import { EVENT_TYPES } from '../../../../shared/requests/states';
import type { Reply, RequestAction, RequestDetail } from '../../../../shared/requests/contracts';
import { addDays } from './labels';

/** Actions whose form starts with a date. */
export const WITH_DATE: RequestAction[] = [...EVENT_TYPES, 'record_delivery', 'withdraw'];
/** Actions without fields, explained by a sentence before they are confirmed. */
export const CONFIRMED: RequestAction[] = ['accept', 'clear_reply', 'send_reply', 'make_proactive'];
export const DEFAULT_PROACTIVE_COLUMN = 'disclosure-on-request';

export type ActionValues = Record<string, string>;
/** Which parts of the reply letter the user has changed from the template. */
export type EditedParts = { subject: boolean; body: boolean };

/** What of the request the form's first values depend on. */
export type ActionDefaults = Pick<RequestDetail, 'feeByCount' | 'email' | 'division'> & {
  reply: Pick<Reply, 'outcome' | 'subject' | 'body' | 'hash'> | null;
};

/** The form's first values; `today` is the date in Beijing. */
export const initialActionValues = (request: ActionDefaults, today: string): ActionValues => ({
  date: today,
  // The applicant's time to correct is the office's choice; 15 days is a common default.
  dueBy: addDays(today, 15),
  party: 'third_party',
  // By count when the applicant is past the month's free applications, else by pages.
  basis: request.feeByCount > 0 ? 'count' : 'pages',
  // E-mailed (received the day sent) when the applicant gave an address, else posted.
  via: request.email ? 'email' : 'post',
  pages: '',
  approver: '',
  reason: '',
  division: request.division ?? '',
  method: 'post',
  column: DEFAULT_PROACTIVE_COLUMN,
  outcome: request.reply?.outcome ?? '',
  subject: request.reply?.subject ?? '',
  body: request.reply?.body ?? '',
  // The version of the reply on screen: the server clears or returns only that one.
  hash: request.reply?.hash ?? '',
});

/** The body of a handling event (补正, 征求意见, 收费, 延期 …). */
const eventBody = (
  action: RequestAction,
  values: ActionValues,
  days: number | undefined
): Record<string, unknown> => {
  const body: Record<string, unknown> = { type: action, date: values.date };
  if (action === 'correction_requested') body.dueBy = values.dueBy;
  if (action === 'consultation_started') body.party = values.party;
  if (action === 'fee_notice') {
    // The server computes the amount; it refuses a notice that would charge nothing.
    body.basis = values.basis;
    if (values.basis === 'pages') body.pages = Number(values.pages);
    body.via = values.via;
  }
  if (action === 'extended') {
    Object.assign(body, { days, reason: values.reason });
    // Left empty, the server records the signed-in person as the approver.
    if (values.approver.trim()) body.approver = values.approver.trim();
  }
  return body;
};

/** The body of 起草答复: unedited, the server fills the template in itself. */
const draftReplyBody = (values: ActionValues, edited: EditedParts): Record<string, unknown> => {
  const body: Record<string, unknown> = { outcome: values.outcome };
  if (values.reason.trim()) body.reason = values.reason;
  // Unedited, the server fills the template in itself (with what only it knows).
  if (edited.subject) body.subject = values.subject;
  if (edited.body) body.body = values.body;
  return body;
};

/** The path (under the request) and body of an action's request. */
export const actionRequest = (
  action: RequestAction,
  values: ActionValues,
  days: number | undefined,
  edited: EditedParts
): [string, Record<string, unknown>] => {
  if ((EVENT_TYPES as readonly RequestAction[]).includes(action)) {
    return ['events', eventBody(action, values, days)];
  }
  switch (action) {
    case 'assign':
      return ['assign', { division: values.division.trim() }];
    case 'draft_reply':
      return ['reply', draftReplyBody(values, edited)];
    case 'clear_reply':
      return ['reply/clear', { hash: values.hash }];
    case 'return_reply':
      return ['reply/return', { reason: values.reason, hash: values.hash }];
    case 'send_reply':
      return ['reply/send', {}];
    case 'record_delivery':
      return ['reply/delivered', { date: values.date, method: values.method }];
    case 'withdraw':
      return ['withdraw', { date: values.date, reason: values.reason }];
    case 'make_proactive':
      return ['proactive', { column: values.column.trim() || DEFAULT_PROACTIVE_COLUMN }];
    default:
      return [action, {}];
  }
};
