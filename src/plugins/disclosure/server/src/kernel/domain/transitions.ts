/**
 * What every case module's transition table shares (requests, proposals, service cases): the
 * shape of a decision and the way a list of checks gives its first refusal.
 */

/** The state after the action, or why not: a 400 sentence, or a 403 one when `forbidden`. */
export type Decision<State> = { next: State } | { refusal: string; forbidden?: true };

/** The first refusal of a list of checks (a check gives a sentence, or false when it passes). */
export const firstRefusal = (...checks: Array<string | false>): string | null =>
  checks.find((check): check is string => Boolean(check)) ?? null;
