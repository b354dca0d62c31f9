/**
 * The transition table of a service case (办件), in one place: which step leads from which state
 * to which, and the sentence that refuses a step taken out of turn. Pure.
 */
import type { Decision as KernelDecision } from '../../kernel/domain/transitions';
import {
  CASE_ACTIONS,
  CASE_ACTION_CODES,
  CASE_STATES,
  type CaseAction,
  type CaseState,
} from '../../../../shared/service-items/cases';

/** Each step: the states it may be taken from, and the state it leads to. */
export const TRANSITIONS: Record<CaseAction, { from: readonly CaseState[]; to: CaseState }> = {
  accept: { from: ['applied'], to: 'accepted' },
  refuse: { from: ['applied'], to: 'not_accepted' },
  review: { from: ['accepted'], to: 'reviewing' },
  decide: { from: ['reviewing'], to: 'decided' },
  deliver: { from: ['decided'], to: 'delivered' },
};

export type Decision = KernelDecision<CaseState>;

const named = (action: CaseAction) => `${CASE_ACTIONS[action]} (${action})`;

/** Whether `action` may be taken in `state`: the state it leads to, or why not. */
export function decide(state: CaseState, action: CaseAction): Decision {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(state)) return { next: transition.to };
  const from = transition.from.map((allowed) => CASE_STATES[allowed]).join(' / ');
  return {
    refusal: `This case is ${CASE_STATES[state]} (${state}): ${named(action)} is possible only when it is ${from}.`,
  };
}

/** The steps the case allows now, in the order of the stages. */
export const allowedActions = (state: CaseState): CaseAction[] =>
  CASE_ACTION_CODES.filter((action) => TRANSITIONS[action].from.includes(state));
