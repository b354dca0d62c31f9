/**
 * The consultation period and where a consultation stands (its phase). Dates are Beijing calendar
 * dates (YYYY-MM-DD); a period counts both its first and its last day, so 05-02 to 05-31 is 30
 * days. Pure.
 */
import type {
  ConsultationPhase,
  ConsultationState,
} from '../../../../shared/consultations/contracts';

const DAY_MS = 86_400_000;

/** The days of a period, both ends counted. */
export const daysOf = (opensOn: string, closesOn: string): number =>
  Math.round((Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${opensOn}T00:00:00Z`)) / DAY_MS) +
  1;

export interface Period {
  opensOn: string;
  closesOn: string;
  isMajorDecision: boolean;
  shortenedReason: string | null;
}

/** Whether a major decision's period is shorter than the minimum (then it needs a reason). */
export const isShortened = (period: Period, minimumDays: number): boolean =>
  period.isMajorDecision && daysOf(period.opensOn, period.closesOn) < minimumDays;

/**
 * What is wrong with a period, naming the field, or null: the end before the start; a major
 * decision (重大行政决策) consulted on for fewer than `minimumDays` without the reason recorded.
 */
export function periodProblem(
  period: Period,
  minimumDays: number
): { field: string; message: string } | null {
  if (period.closesOn < period.opensOn) {
    return { field: 'closesOn', message: '"closesOn" must be on or after "opensOn".' };
  }
  if (isShortened(period, minimumDays) && !period.shortenedReason?.trim()) {
    return {
      field: 'closesOn',
      message: `A major decision (重大行政决策) is consulted on for at least ${minimumDays} days; this period has ${daysOf(period.opensOn, period.closesOn)}. Extend "closesOn", or the coordinator records why it is shorter in "shortenedReason".`,
    };
  }
  return null;
}

/** What the phase reads of a consultation. */
export interface PhaseFacts {
  state: ConsultationState;
  opensOn: string;
  closesOn: string;
  announcementPublished: boolean;
  summaryPublished: boolean;
}

/**
 * Where the consultation stands today: its stored step, with the review of its articles and the
 * calendar. Open means the announcement is published and today is within the period.
 */
export function phaseOf(facts: PhaseFacts, today: string): ConsultationPhase {
  switch (facts.state) {
    case 'draft':
      return 'draft';
    case 'announced':
      if (!facts.announcementPublished) return 'announcement_in_review';
      if (today < facts.opensOn) return 'upcoming';
      return today <= facts.closesOn ? 'open' : 'period_over';
    case 'closed':
      return 'closed';
    case 'summarised':
      return 'summarised';
    case 'summary_submitted':
      return facts.summaryPublished ? 'summary_published' : 'summary_in_review';
  }
}

/** Whether the website takes comments on it today. */
export const isOpen = (facts: PhaseFacts, today: string) => phaseOf(facts, today) === 'open';
