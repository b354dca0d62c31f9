import { CASE_ACTION_CODES, CASE_STATE_CODES } from '../../../../shared/service-items/cases';
import { allowedActions, decide } from './transitions';

describe('the transition table of a service case', () => {
  it('walks 申请 → 受理 → 审查 → 决定 → 送达', () => {
    expect(decide('applied', 'accept')).toEqual({ next: 'accepted' });
    expect(decide('accepted', 'review')).toEqual({ next: 'reviewing' });
    expect(decide('reviewing', 'decide')).toEqual({ next: 'decided' });
    expect(decide('decided', 'deliver')).toEqual({ next: 'delivered' });
  });

  it('closes an application that is not accepted (不予受理)', () => {
    expect(decide('applied', 'refuse')).toEqual({ next: 'not_accepted' });
  });

  const expected: Record<string, string[]> = {
    applied: ['accept', 'refuse'],
    accepted: ['review'],
    not_accepted: [],
    reviewing: ['decide'],
    decided: ['deliver'],
    delivered: [],
  };

  for (const state of CASE_STATE_CODES) {
    it(`in state ${state} allows ${expected[state].join(', ') || 'nothing'} and refuses the rest with a sentence`, () => {
      expect(allowedActions(state)).toEqual(expected[state]);
      for (const action of CASE_ACTION_CODES) {
        const decision = decide(state, action);
        if (expected[state].includes(action)) {
          expect(decision).toHaveProperty('next');
        } else {
          expect(decision).toHaveProperty('refusal');
          expect((decision as { refusal: string }).refusal).toMatch(/is possible only when it is/);
        }
      }
    });
  }
});
