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
