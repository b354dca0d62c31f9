/** The 勾稽 failures of a refused annual report submission. */
import { isFetchError } from '@strapi/strapi/admin';
import type { RuleFailure } from '../../../../shared/reporting/contracts';

const isRuleFailure = (value: unknown): value is RuleFailure => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.rule === 'string' &&
    typeof entry.cell === 'string' &&
    typeof entry.expected === 'number' &&
    typeof entry.actual === 'number'
  );
};

/** The 勾稽 failures a refused submission carries in `error.details.failures`, or null. */
export const failuresOf = (error: unknown): RuleFailure[] | null => {
  if (!isFetchError(error)) return null;
  const details: unknown = error.response?.data.error.details;
  if (typeof details !== 'object' || details === null) return null;
  const failures = (details as Record<string, unknown>).failures;
  return Array.isArray(failures) ? failures.filter(isRuleFailure) : null;
};
