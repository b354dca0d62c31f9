/**
 * The timeliness monitor's default thresholds (国办秘函〔2019〕19号) and the check of configured
 * ones: read by the plugin's config (kernel) and by the monitor. Pure.
 */
import type { MonitorThresholds } from './contracts';

export const DEFAULT_THRESHOLDS: MonitorThresholds = {
  newsDays: 14,
  noticePolicyDays: 180,
  shouldUpdateDays: 365,
  dueSoonDays: 3,
  homePageDays: 14,
  failAt: { stale: 5, shouldUpdateStale: 10, blank: 5 },
};

/** What is wrong with configured thresholds (whole days, counts from 1), or null. */
export function thresholdsProblem(candidate: unknown): string | null {
  const value = (candidate ?? {}) as Partial<MonitorThresholds>;
  const whole = (n: unknown, min: number) => Number.isInteger(n) && (n as number) >= min;
  for (const key of ['newsDays', 'noticePolicyDays', 'shouldUpdateDays', 'homePageDays'] as const) {
    if (value[key] !== undefined && !whole(value[key], 1)) {
      return `${key} must be a whole number of days from 1`;
    }
  }
  if (value.dueSoonDays !== undefined && !whole(value.dueSoonDays, 0)) {
    return 'dueSoonDays must be a whole number of days from 0';
  }
  for (const key of ['stale', 'shouldUpdateStale', 'blank'] as const) {
    const count = value.failAt?.[key];
    if (count !== undefined && !whole(count, 1))
      return `failAt.${key} must be a whole number from 1`;
  }
  return null;
}
