import { errors } from '@strapi/utils';
import type { Decision } from './domain/transitions';

/** The next state of a decision, or its refusal thrown: 403 when `forbidden`, else 400. */
export function nextOrRefuse<State>(decision: Decision<State>): State {
  if ('refusal' in decision) {
    throw decision.forbidden
      ? new errors.PolicyError(decision.refusal)
      : new errors.ValidationError(decision.refusal);
  }
  return decision.next;
}

/**
 * Refuses (403) a viewer who holds none of the parts an action needs on a case, naming them:
 * "Only the lead division or the coordinator may reply on 第12号建议."
 */
export function requirePart<Part extends string>(
  held: readonly Part[],
  needed: readonly Part[],
  names: Readonly<Record<Part, string>>,
  action: string,
  label: string
): void {
  if (needed.some((part) => held.includes(part))) return;
  throw new errors.PolicyError(
    `Only ${needed.map((part) => names[part]).join(' or ')} may ${action.replace('_', ' ')} on ${label}.`
  );
}
