import {
  LIFECYCLES,
  ONLINE_DEPTHS,
  SERVICE_ITEM_TYPES,
  WITHDRAWAL_KINDS,
} from '../../../../shared/service-items/catalogue';
import {
  CASE_ACTIONS,
  CASE_APPLICANT_TYPES,
  CASE_STATES,
  DECISIONS,
} from '../../../../shared/service-items/cases';

/** [code, Chinese label] pairs for the choices of the service pages. */
const pairs = (labels: Record<string, string>): Array<[string, string]> => Object.entries(labels);

export const ITEM_TYPE_OPTIONS = pairs(SERVICE_ITEM_TYPES);
export const ONLINE_DEPTH_OPTIONS = pairs(ONLINE_DEPTHS);
export const WITHDRAWAL_OPTIONS = pairs(WITHDRAWAL_KINDS);
export const APPLICANT_TYPE_OPTIONS = pairs(CASE_APPLICANT_TYPES);
export const DECISION_OPTIONS = pairs(DECISIONS);
export const STATE_OPTIONS = pairs(CASE_STATES);

export const stateLabel = (state: string) =>
  CASE_STATES[state as keyof typeof CASE_STATES] ?? state;
export const actionLabel = (action: string) =>
  action === 'applied' ? '申请' : (CASE_ACTIONS[action as keyof typeof CASE_ACTIONS] ?? action);
export const decisionLabel = (decision: string | null | undefined) =>
  decision ? (DECISIONS[decision as keyof typeof DECISIONS] ?? decision) : '';
export const lifecycleLabel = (lifecycle: string) =>
  LIFECYCLES[lifecycle as keyof typeof LIFECYCLES] ?? lifecycle;
