import {
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  afterFeedback,
  allowedActions,
  decide,
  type ProposalAction,
  type ProposalFacts,
  type ProposalState,
} from './transitions';

const facts = (over: Partial<ProposalFacts> = {}): ProposalFacts => ({
  label: '人大代表建议 第十五届第三次会议 第12号',
  state: 'assigned',
  round: 1,
  coHandlers: [],
  reply: null,
  ...over,
});
const draft = { state: 'draft' as const, draftedById: 1, publicationDecided: false };
const sent = { state: 'sent' as const, draftedById: 1, publicationDecided: false };

describe('the transition table of a suggestion or proposal', () => {
  // Each state with the reply it typically has: the actions the table refuses there.
  const refusedIn: Record<ProposalState, [ProposalFacts, ProposalAction[]]> = {
    assigned: [
      facts({ reply: draft }),
      ['submit_opinion', 'send_reply', 'record_feedback', 'decide_publication'],
    ],
    replied: [
      facts({ state: 'replied', reply: sent }),
      ['assign', 'submit_opinion', 'draft_reply', 'clear_reply', 'return_reply', 'send_reply'],
    ],
    reopened: [
      facts({ state: 'reopened', round: 2, reply: null }),
      [
        'submit_opinion',
        'clear_reply',
        'return_reply',
        'send_reply',
        'record_feedback',
        'decide_publication',
      ],
    ],
    closed: [
      facts({ state: 'closed', reply: { ...sent, publicationDecided: true } }),
      [
        'assign',
        'submit_opinion',
        'draft_reply',
        'clear_reply',
        'return_reply',
        'send_reply',
        'record_feedback',
        'decide_publication',
      ],
    ],
  };

  it.each(PROPOSAL_STATES.map((state) => [state]))(
    'in state %s refuses exactly its list',
    (state) => {
      const [case_, refused] = refusedIn[state];
      for (const action of PROPOSAL_ACTIONS) {
        const decision = decide(case_, action, 2);
        expect({ action, refused: 'refusal' in decision }).toEqual({
          action,
          refused: refused.includes(action),
        });
      }
    }
  );

  it('refuses the reply until every co-handler has sent its opinion, naming it', () => {
    const waiting = facts({
      coHandlers: [
        { division: 'TZJS', submitted: true },
        { division: 'ZXQY', submitted: false },
      ],
    });
    expect(decide(waiting, 'draft_reply')).toEqual({
      refusal: expect.stringContaining('ZXQY'),
    });
    expect(decide(waiting, 'submit_opinion')).toEqual({ next: 'assigned' });
  });

  it('refuses an opinion on a case without co-handlers and after the reply is cleared', () => {
    expect(decide(facts(), 'submit_opinion')).toEqual({
      refusal: expect.stringContaining('no co-handler'),
    });
    const cleared = facts({
      coHandlers: [{ division: 'TZJS', submitted: true }],
      reply: { ...draft, state: 'cleared' },
    });
    expect(decide(cleared, 'submit_opinion')).toEqual({
      refusal: expect.stringContaining('already cleared'),
    });
  });

  it('keeps four eyes: the drafter cannot clear or return their own reply (403)', () => {
    expect(decide(facts({ reply: draft }), 'clear_reply', 1)).toEqual({
      refusal: expect.stringContaining('four eyes'),
      forbidden: true,
    });
    expect(decide(facts({ reply: draft }), 'return_reply', 1)).toMatchObject({ forbidden: true });
    expect(decide(facts({ reply: draft }), 'clear_reply', 2)).toEqual({ next: 'assigned' });
  });

  it('sends only a cleared reply, and the case is then replied', () => {
    expect(decide(facts({ reply: draft }), 'send_reply')).toEqual({
      refusal: expect.stringContaining('保密审查'),
    });
    expect(decide(facts({ reply: { ...draft, state: 'cleared' } }), 'send_reply')).toEqual({
      next: 'replied',
    });
  });

  it('reopens on 不满意 with the first reply only; any other rating closes', () => {
    const replied = facts({ state: 'replied', reply: sent });
    expect(afterFeedback(replied, 'dissatisfied')).toBe('reopened');
    expect(afterFeedback(replied, 'basically_satisfied')).toBe('closed');
    expect(afterFeedback({ ...replied, round: 2 }, 'dissatisfied')).toBe('closed');
  });

  it('decides the publication once per sent reply', () => {
    expect(decide(facts({ state: 'replied', reply: sent }), 'decide_publication')).toEqual({
      next: 'replied',
    });
    expect(
      decide(
        facts({ state: 'replied', reply: { ...sent, publicationDecided: true } }),
        'decide_publication'
      )
    ).toEqual({ refusal: expect.stringContaining('already decided') });
  });

  it('shows each part only its own buttons', () => {
    const case_ = facts({ coHandlers: [{ division: 'TZJS', submitted: false }], reply: null });
    expect(allowedActions(case_, { parts: ['co_handler'], userId: 5 })).toEqual(['submit_opinion']);
    expect(allowedActions(case_, { parts: ['coordinator'], userId: 5 })).toEqual(['assign']);
    expect(allowedActions(case_, { parts: ['lead'], userId: 5 })).toEqual([]);
    expect(allowedActions(case_, { parts: ['reviewer'], userId: 5 })).toEqual([]);
    const drafted = facts({ reply: draft });
    expect(allowedActions(drafted, { parts: ['reviewer'], userId: 1 })).toEqual([]);
    expect(allowedActions(drafted, { parts: ['reviewer'], userId: 2 })).toEqual([
      'clear_reply',
      'return_reply',
    ]);
  });
});
