import {
  ACTIONS,
  DISCLOSURE_MODES,
  STATES,
  STATE_LABELS,
  decide,
  modeRefusal,
  publishRefusal,
  type Action,
  type Capability,
  type State,
} from './workflow';

const EVERYONE: ReadonlySet<Capability> = new Set([
  'author',
  'divisionReview',
  'confidentialityReview',
  'publish',
  'unpublish',
]);

const request = (
  state: State,
  action: Action,
  overrides: Partial<Parameters<typeof decide>[0]> = {}
) =>
  decide({
    state,
    action,
    actorId: 2,
    capabilities: EVERYONE,
    submitterId: 1,
    reason: 'reason',
    category: 'state_secret',
    ...overrides,
  });

/** The whole table: where each action may start, and where it leads. */
const ALLOWED: Record<Action, Partial<Record<State, State>>> = {
  submit: { draft: 'submitted' },
  approve: { submitted: 'division_approved' },
  return: { submitted: 'draft', division_approved: 'draft' },
  clear: { division_approved: 'cleared' },
  withhold: { division_approved: 'withheld' },
  publish: { cleared: 'published' },
  unpublish: { published: 'draft' },
  edit: {
    submitted: 'draft',
    division_approved: 'draft',
    cleared: 'draft',
    published: 'draft',
    withheld: 'draft',
  },
};

describe('the workflow transition table', () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      const to = ALLOWED[action][state];
      if (to) {
        it(`${action} from ${state} leads to ${to}`, () => {
          expect(request(state, action)).toEqual({ ok: true, to });
        });
      } else {
        it(`refuses ${action} from ${state}, naming the state`, () => {
          const result = request(state, action);
          expect(result.ok).toBe(false);
          expect(!result.ok && result.reason).toMatch(new RegExp(`it is .*\\(${state}\\)`));
        });
      }
    }
  }
});

describe('four eyes', () => {
  it.each(['approve', 'clear', 'withhold'] as const)(
    'refuses %s by the submitter, whatever roles they hold',
    (action) => {
      const state = action === 'approve' ? 'submitted' : 'division_approved';
      const result = request(state, action, { actorId: 1, submitterId: 1 });
      expect(result).toEqual({
        ok: false,
        refusal: 'four_eyes',
        reason: expect.stringContaining('nobody reviews their own item (four eyes)'),
      });
    }
  );

  it('lets the submitter publish once others have cleared it', () => {
    expect(request('cleared', 'publish', { actorId: 1, submitterId: 1 })).toEqual({
      ok: true,
      to: 'published',
    });
  });
});

describe('permissions and reasons', () => {
  it('refuses a division approval to a user who is not a division reviewer', () => {
    const result = request('submitted', 'approve', { capabilities: new Set(['author']) });
    expect(result).toEqual({
      ok: false,
      refusal: 'permission',
      reason:
        'You cannot approve it for the division: only a reviewer of its division (处室审核人) can.',
    });
  });

  it('lets only the confidentiality reviewer return an item that waits for 保密审查', () => {
    const byDivision = request('division_approved', 'return', {
      capabilities: new Set(['divisionReview']),
    });
    expect(byDivision.ok).toBe(false);
    const byConfidentiality = request('division_approved', 'return', {
      capabilities: new Set(['confidentialityReview']),
    });
    expect(byConfidentiality).toEqual({ ok: true, to: 'draft' });
  });

  it.each([
    ['submitted', 'return'],
    ['division_approved', 'withhold'],
    ['published', 'unpublish'],
  ] as const)('refuses %s → %s without a written reason', (state, action) => {
    for (const reason of [undefined, '', '   ']) {
      expect(request(state, action, { reason })).toEqual({
        ok: false,
        refusal: 'input',
        reason: expect.stringContaining('without a reason: write why.'),
      });
    }
  });

  it('refuses to withhold without a known reason category', () => {
    expect(request('division_approved', 'withhold', { category: 'because' })).toEqual({
      ok: false,
      refusal: 'input',
      reason: expect.stringContaining('reason category'),
    });
  });
});

describe('公开方式: only proactively disclosed items are cleared and published', () => {
  it.each([undefined, null, 'proactive'])('lets an item of mode %s through', (mode) => {
    expect(modeRefusal(mode, 'clear')).toBeNull();
    expect(modeRefusal(mode, 'publish')).toBeNull();
  });

  it.each(DISCLOSURE_MODES.filter((mode) => mode !== 'proactive'))(
    'refuses an item of mode %s with a sentence naming the mode and what to do instead',
    (mode) => {
      const label = mode === 'withheld' ? '不予公开 (withheld)' : '依申请公开 (on_request)';
      for (const step of ['clear', 'publish'] as const) {
        expect(modeRefusal(mode, step)?.startsWith(`its 公开属性 says ${label}. `)).toBe(true);
      }
      expect(modeRefusal(mode, 'publish')).toContain('not published');
      expect(modeRefusal(mode, 'clear')).toMatch(/[Ww]ithhold it \(不予公开\)/);
    }
  );
});

describe('the publish gate asks the table', () => {
  it.each(STATES.map((state) => [state]))(
    'publishes an item that is %s only when cleared',
    (state) => {
      const refusal = publishRefusal(state);
      if (state === 'cleared') expect(refusal).toBeNull();
      else
        expect(refusal).toBe(
          `it is ${STATE_LABELS[state]} (${state}). Publishing needs the division head’s approval (发布审核) and confidentiality clearance (保密审查) first.`
        );
    }
  );
});
