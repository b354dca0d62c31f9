/**
 * What a request's page shows: the urgency of its due date and the sentences of its timeline (the
 * actions it allows are the transition table's, transitions.ts). Pure.
 */
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import type { ClockStatus, RequestEvent } from './request-deadline';

import { DUE_SOON_WORKING_DAYS, isClosed, type Urgency } from '../../../../shared/requests/states';

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
