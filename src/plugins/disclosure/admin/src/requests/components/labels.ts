/** Labels the request screens share: outcome rows of table 三, today's date in Beijing. */
import { beijingDate } from '../../../../shared/kernel/dates';
import { outcomeLabel as rowLabel } from '../../../../shared/requests/reply-templates';

// The reply letter's helpers, as the server fills a template (the form's prefill must match it).
export {
  chineseDate,
  fillTemplate,
  PLACEHOLDERS,
} from '../../../../shared/requests/reply-templates';

/**
 * The table 三 row of an outcome key, as the annual report names it: `refused.4` →
 * "（三）不予公开 · 4.保护第三方合法权益". The national table's wording, in every admin language.
 */
export const outcomeLabel = (outcome: string | null | undefined): string =>
  outcome ? rowLabel(outcome) : '—';

/** Today in Beijing, YYYY-MM-DD: the default of every date in the action forms. */
export const todayInBeijing = (): string => beijingDate(new Date());

/** A calendar date some days later (YYYY-MM-DD). */
export { nextDate as addDays } from '../../../../shared/kernel/dates';
