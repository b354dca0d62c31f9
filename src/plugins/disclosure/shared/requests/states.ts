/** A request's states as the server and the admin both read them. */

export const REQUEST_STATES = [
  'registered',
  'accepted',
  'correction_requested',
  'corrected',
  'consulting',
  'extended',
  'answered',
  'closed',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** The handling events staff record on a request (the deadline engine counts them). */
export const EVENT_TYPES = [
  'correction_requested',
  'corrected',
  'consultation_started',
  'consultation_ended',
  'fee_notice',
  'fee_notice_delivered',
  'fee_paid',
  'extended',
] as const;
export type HandlingEventType = (typeof EVENT_TYPES)[number];

export const CLOSED_STATES = ['answered', 'closed', 'withdrawn'] as const;
export const isClosed = (state: string) => (CLOSED_STATES as readonly string[]).includes(state);

/** A reminder goes out, and the list turns orange, this many working days before the due date. */
export const DUE_SOON_WORKING_DAYS = 3;

export type Urgency = 'overdue' | 'due_soon' | 'on_time' | 'paused' | 'closed';

export type ReplyState = 'draft' | 'returned' | 'cleared' | 'delivered';
