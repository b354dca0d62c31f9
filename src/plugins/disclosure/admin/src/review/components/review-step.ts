/** The review panel's steps: what each sends and how its button looks. Pure. */
import type { ReviewStep, StepRequest } from '../../../../shared/review/contracts';

/** Steps that need a reason (and, to withhold, a category). */
export const NEEDS_REASON: ReviewStep[] = ['return', 'withhold', 'unpublish'];
const DANGER: ReviewStep[] = ['return', 'withhold', 'unpublish'];

/** The body of POST /disclosure/reviews/:step for an item in a locale. */
export const stepRequest = (
  step: ReviewStep,
  item: { contentType: string; documentId: string; locale: string },
  reason: string,
  category: string
): StepRequest => {
  const body: StepRequest = { ...item };
  if (NEEDS_REASON.includes(step)) body.reason = reason;
  if (step === 'withhold') body.category = category;
  return body;
};

/** The button of a step: refusals in red, publishing as the main one. */
export const stepVariant = (step: ReviewStep): 'danger-light' | 'default' | 'secondary' => {
  if (DANGER.includes(step)) return 'danger-light';
  return step === 'publish' ? 'default' : 'secondary';
};

/** The last 8 entries of the item's record in a locale, newest first. */
export const recentHistory = <Entry extends { locale: string }>(
  history: Entry[],
  locale: string
): Entry[] =>
  history
    .filter((entry) => entry.locale === locale)
    .slice(-8)
    .reverse();
