import { ACTIONS, STATES, STATE_LABELS, TRANSITIONS, WITHHOLD_REASONS } from '../domain/workflow';

export default () => ({
  /** The transition table as the admin UI and integrators read it. */
  describe() {
    return {
      states: STATES.map((state) => ({ state, label: STATE_LABELS[state] })),
      actions: ACTIONS.map((action) => ({ action, ...TRANSITIONS[action] })),
      withholdReasons: [...WITHHOLD_REASONS],
    };
  },
});
