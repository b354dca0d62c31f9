/**
 * A service case's deadlines in working days from 受理 (the day itself not counted): the promised
 * time (承诺时限) the office commits to, and the legal limit (法定时限) as the hard one. Pure; the
 * calendar is the kernel's working-day calendar.
 */
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import {
  CASE_DUE_SOON_WORKING_DAYS,
  isClosedCase,
  type CaseUrgency,
} from '../../../../shared/service-items/cases';

export interface CaseDeadlines {
  promisedDue: string | null;
  legalDue: string | null;
}

/** The due dates of a case accepted on `acceptedOn` (none before 受理, none for a limit not set). */
export function caseDeadlines(
  calendar: WorkingDayCalendar,
  acceptedOn: string | null,
  promisedDays: number | null,
  legalDays: number | null
): CaseDeadlines {
  const due = (days: number | null) =>
    acceptedOn && days !== null && days > 0 ? calendar.addWorkingDays(acceptedOn, days) : null;
  return { promisedDue: due(promisedDays), legalDue: due(legalDays) };
}

/**
 * Where a case stands on `today`: the promised date comes first, the legal limit is the hard one
 * (a case without a promised date is measured against the legal limit alone).
 */
export function urgencyOf(
  calendar: WorkingDayCalendar,
  today: string,
  state: string,
  deadlines: CaseDeadlines
): CaseUrgency {
  if (isClosedCase(state)) return 'closed';
  const { promisedDue, legalDue } = deadlines;
  const due = promisedDue ?? legalDue;
  if (!due) return 'not_started';
  if (legalDue && legalDue < today) return 'beyond_legal';
  if (due < today) return 'overdue';
  if (due <= calendar.addWorkingDays(today, CASE_DUE_SOON_WORKING_DAYS)) return 'due_soon';
  return 'on_time';
}

/** Whether a closed case was closed by its promised date (else by the legal limit), or null when it had none. */
export function closedOnTime(closedOn: string, deadlines: CaseDeadlines): boolean | null {
  const due = deadlines.promisedDue ?? deadlines.legalDue;
  return due ? closedOn <= due : null;
}
