/**
 * What a request's page shows and allows: the urgency of its due date, the actions its state and
 * reply allow the person looking, and the sentences of its timeline. Pure.
 */
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import type { ClockStatus, RequestEvent } from './request-deadline';
import type { EVENT_ACTIONS, RequestAction } from '../../../../shared/requests/contracts';

import {
  DUE_SOON_WORKING_DAYS,
  isClosed,
  type ReplyState,
  type Urgency,
} from '../../../../shared/requests/states';

/**
 * Overdue, due within 3 working days, on time, or paused (the clock stopped for a correction,
 * consultation or fee); with the working days left (negative: overdue by). A consultation stops
 * the clock only until the consulted party's reply is due (`consultationDueDate`); after it the
 * due date counts down again, reply or not.
 */
export function urgencyOf(
  state: string,
  dueDate: string | null,
  status: ClockStatus | undefined,
  today: string,
  calendar: WorkingDayCalendar,
  consultationDueDate?: string | null
): { urgency: Urgency; workingDaysLeft: number | null } {
  if (isClosed(state)) return { urgency: 'closed', workingDaysLeft: null };
  const consultationOver =
    status === 'consulting' && Boolean(consultationDueDate) && consultationDueDate! < today;
  if (!dueDate || (status && status !== 'running' && !consultationOver)) {
    return { urgency: 'paused', workingDaysLeft: null };
  }
  if (dueDate < today) {
    const late = calendar.workingDaysBetween(dueDate, today);
    return { urgency: 'overdue', workingDaysLeft: -late };
  }
  const left = calendar.workingDaysBetween(today, dueDate);
  return { urgency: left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time', workingDaysLeft: left };
}

export type Action = RequestAction;

/** The handling events each state allows (the deadline engine still checks the 条例's rules). */
const EVENTS_IN: Record<string, Array<(typeof EVENT_ACTIONS)[number]>> = {
  registered: ['correction_requested', 'consultation_started', 'fee_notice', 'extended'],
  accepted: ['correction_requested', 'consultation_started', 'fee_notice', 'extended'],
  correction_requested: ['corrected'],
  corrected: ['consultation_started', 'fee_notice', 'extended'],
  consulting: ['consultation_ended'],
  extended: ['consultation_started', 'fee_notice'],
};

export interface Viewer {
  canHandle: boolean;
  canClear: boolean;
  userId: number;
}

export interface HandlingSnapshot {
  state: string;
  outcome: string | null;
  events: readonly RequestEvent[];
  clockStatus?: ClockStatus;
  reply: { state: ReplyState; draftedBy: { id: number | null } } | null;
  proactiveItem?: unknown;
}

/** The buttons the request page shows this viewer. */
export function allowedActions(request: HandlingSnapshot, viewer: Viewer): Action[] {
  const actions: Action[] = [];
  const reply = request.reply;
  if (viewer.canHandle) {
    if (!isClosed(request.state)) {
      const happened = new Set(request.events.map((event) => event.type));
      const events = (EVENTS_IN[request.state] ?? []).filter(
        (type) =>
          !(type === 'correction_requested' && happened.has('correction_requested')) &&
          !(type === 'extended' && happened.has('extended')) &&
          !(type === 'fee_notice' && request.clockStatus === 'awaiting_payment')
      );
      // Paid only once received: a posted notice first needs its delivery date.
      if (request.clockStatus === 'awaiting_payment') {
        events.push(awaitsDelivery(request.events) ? 'fee_notice_delivered' : 'fee_paid');
      }
      if (request.state === 'registered') actions.push('accept');
      actions.push(...events, 'assign');
      if (request.clockStatus !== 'awaiting_correction') actions.push('draft_reply');
      if (reply?.state === 'cleared' && request.clockStatus !== 'awaiting_correction') {
        actions.push('send_reply', 'record_delivery');
      }
      actions.push('withdraw');
    } else if (
      request.state === 'answered' &&
      (request.outcome === 'disclosed' || request.outcome === 'partly') &&
      !request.proactiveItem
    ) {
      actions.push('make_proactive');
    }
  }
  if (
    viewer.canClear &&
    !isClosed(request.state) &&
    reply?.state === 'draft' &&
    reply.draftedBy.id !== viewer.userId
  ) {
    actions.push('clear_reply', 'return_reply');
  }
  return actions;
}

/** Whether the last fee notice went by post and its delivery date is not recorded yet. */
const awaitsDelivery = (events: readonly RequestEvent[]) => {
  const notice = events.map((event) => event.type).lastIndexOf('fee_notice');
  if (notice < 0) return false;
  const last = events[notice] as Extract<RequestEvent, { type: 'fee_notice' }>;
  return (
    last.via === 'post' &&
    !last.deliveredOn &&
    !events.slice(notice + 1).some((event) => event.type === 'fee_notice_delivered')
  );
};

const PARTIES = { third_party: '第三方', agency: '其他机关' } as const;

/** One sentence per handling event, for the timeline (the deadline's own steps explain the clock). */
export function describeEvent(event: RequestEvent): string {
  switch (event.type) {
    case 'received':
      return `${event.date} 收到申请`;
    case 'correction_requested':
      return `${event.date} 一次性告知补正${event.dueBy ? `，应于${event.dueBy}前补正` : ''}`;
    case 'corrected':
      return `${event.date} 收到补正后的申请`;
    case 'consultation_started':
      return `${event.date} 征求${Object.hasOwn(PARTIES, event.party) ? PARTIES[event.party] : ''}意见`;
    case 'consultation_ended':
      return `${event.date} 征求意见结束`;
    case 'fee_notice':
      return `${event.date} ${event.via === 'post' ? '邮寄' : '发出'}收费通知${event.fee ? `（${event.fee.amount}元）：${event.fee.text}` : ''}${event.deliveredOn ? `，${event.deliveredOn}送达` : ''}`;
    case 'fee_notice_delivered':
      return `${event.date} 申请人收到邮寄的收费通知`;
    case 'fee_paid':
      return `${event.date} 申请人缴纳信息处理费`;
    case 'extended':
      return `${event.date} 延期答复${event.days}个工作日（${event.approver}批准：${event.reason}）`;
  }
}
