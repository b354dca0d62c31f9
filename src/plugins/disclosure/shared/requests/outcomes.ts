/**
 * The outcome of a closed request: exactly one row of table 三 （一）…（六） (domain.md §3), so the
 * annual report counts each request once. A request withdrawn by its applicant counts under
 * （六）3 其他. Pure.
 */
import { OUTCOME_ROWS } from '../reporting/annual-report/format-2021';

export const OUTCOMES: readonly string[] = OUTCOME_ROWS;

export const WITHDRAWN_OUTCOME = 'otherHandling.3';
