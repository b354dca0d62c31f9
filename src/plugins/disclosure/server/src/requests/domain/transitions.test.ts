import type { RequestEvent } from './request-deadline';
import {
  ACTIONS,
  REQUEST_STATES,
  allowedActions,
  decide,
  type Action,
  type RequestFacts,
  type RequestState,
} from './transitions';

const TN = 'YSQ20261102-000001';
const received: RequestEvent = { type: 'received', date: '2026-11-02' };
const handler = { canHandle: true, canClear: false, userId: 1 };
const reviewer = { canHandle: false, canClear: true, userId: 2 };

const open = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  trackingNumber: TN,
  state: 'registered',
  outcome: null,
  events: [received],
  clockStatus: 'running',
  reply: null,
  applicantHasEmail: true,
  ...overrides,
});

/** Each state as a request usually stands in it (no reply yet while open). */
const TYPICAL: Record<RequestState, RequestFacts> = {
  registered: open(),
  accepted: open({ state: 'accepted' }),
  correction_requested: open({
    state: 'correction_requested',
    clockStatus: 'awaiting_correction',
    events: [received, { type: 'correction_requested', date: '2026-11-03' }],
  }),
  corrected: open({
    state: 'corrected',
    events: [
      received,
      { type: 'correction_requested', date: '2026-11-03' },
      { type: 'corrected', date: '2026-11-05' },
    ],
  }),
  consulting: open({
    state: 'consulting',
    clockStatus: 'consulting',
    events: [received, { type: 'consultation_started', date: '2026-11-03', party: 'agency' }],
  }),
  extended: open({
    state: 'extended',
    events: [
      received,
      { type: 'extended', date: '2026-11-04', days: 5, approver: '处长', reason: '需调取档案' },
    ],
  }),
  answered: open({
    state: 'answered',
    outcome: 'disclosed',
    reply: { state: 'delivered', draftedBy: { id: 1 } },
  }),
  closed: open({ state: 'closed', outcome: 'otherHandling.1' }),
  withdrawn: open({ state: 'withdrawn', outcome: 'otherHandling.3' }),
};

/** What a request just registered allows. */
const REGISTERED: Action[] = [
  'accept',
  'correction_requested',
  'consultation_started',
  'fee_notice',
  'extended',
  'assign',
  'draft_reply',
  'withdraw',
];

/** What each state allows, everything else refused (the daily job's `lapse` included). */
const ALLOWED: Record<RequestState, Action[]> = {
  registered: REGISTERED,
  // As registered, once accepted (受理).
  accepted: REGISTERED.filter((action) => action !== 'accept'),
  correction_requested: ['corrected', 'assign', 'withdraw', 'lapse'],
  // As accepted, but 补正 only once.
  corrected: REGISTERED.filter((action) => !['accept', 'correction_requested'].includes(action)),
  consulting: ['consultation_ended', 'assign', 'draft_reply', 'withdraw'],
  extended: ['consultation_started', 'fee_notice', 'assign', 'draft_reply', 'withdraw'],
  answered: ['make_proactive'],
  closed: [],
  withdrawn: [],
};

describe('every state × every action', () => {
  const cases = REQUEST_STATES.flatMap((state) =>
    ACTIONS.map((action) => [state, action] as const)
  );

  test.each(cases)('%s: %s is allowed or refused with a sentence', (state, action) => {
    const decision = decide(TYPICAL[state], action, 9);
    if (ALLOWED[state].includes(action)) {
      expect(decision).toHaveProperty('next');
    } else {
      expect(decision).toEqual({ refusal: expect.stringMatching(/\S/) });
    }
  });

  it('moves each allowed step to its next state', () => {
    const next = (state: RequestState, action: Action) => decide(TYPICAL[state], action, 9);
    expect(next('registered', 'accept')).toEqual({ next: 'accepted' });
    expect(next('registered', 'correction_requested')).toEqual({ next: 'correction_requested' });
    expect(next('correction_requested', 'corrected')).toEqual({ next: 'corrected' });
    expect(next('corrected', 'consultation_started')).toEqual({ next: 'consulting' });
    expect(next('consulting', 'consultation_ended')).toEqual({ next: 'accepted' });
    expect(next('accepted', 'fee_notice')).toEqual({ next: 'accepted' });
    expect(next('accepted', 'extended')).toEqual({ next: 'extended' });
    expect(next('extended', 'assign')).toEqual({ next: 'extended' });
    expect(next('consulting', 'draft_reply')).toEqual({ next: 'consulting' });
    expect(next('accepted', 'withdraw')).toEqual({ next: 'withdrawn' });
    expect(next('correction_requested', 'lapse')).toEqual({ next: 'closed' });
    expect(next('answered', 'make_proactive')).toEqual({ next: 'answered' });
  });
});

describe('the sentences of a refusal', () => {
  const refusal = (facts: RequestFacts, action: Action, actorId: number | null = 9) =>
    decide(facts, action, actorId);

  it('says a closed request takes no more steps, naming its state', () => {
    expect(refusal(TYPICAL.answered, 'corrected')).toEqual({
      refusal: `Request ${TN} is answered: it takes no more steps.`,
    });
    expect(refusal(TYPICAL.withdrawn, 'draft_reply')).toEqual({
      refusal: `Request ${TN} is already withdrawn.`,
    });
    expect(refusal(TYPICAL.closed, 'accept')).toEqual({
      refusal: `Only a registered request can be accepted; ${TN} is closed.`,
    });
  });

  it("uses the deadline engine's sentence where it has one", () => {
    expect(refusal(TYPICAL.corrected, 'correction_requested')).toEqual({
      refusal: '补正 may be requested only once (条例 Art. 30).',
    });
    expect(refusal(TYPICAL.extended, 'extended')).toEqual({
      refusal: 'The deadline may be extended once.',
    });
    expect(refusal(TYPICAL.accepted, 'fee_notice_delivered')).toEqual({
      refusal: 'No posted fee notice awaits its delivery date.',
    });
    expect(refusal(TYPICAL.registered, 'consultation_ended')).toEqual({
      refusal: 'No consultation is open.',
    });
  });

  it('says what the request waits for', () => {
    expect(refusal(TYPICAL.consulting, 'fee_notice')).toEqual({
      refusal: `Request ${TN} is consulting a third party or another agency: record the end of the consultation first.`,
    });
    expect(refusal(TYPICAL.correction_requested, 'draft_reply')).toEqual({
      refusal: `Request ${TN} awaits the applicant's correction (补正): it cannot be answered yet.`,
    });
  });
});

describe('the reply', () => {
  const withReply = (state: 'draft' | 'cleared' | 'returned', drafter = 1) =>
    open({ state: 'accepted', reply: { state, draftedBy: { id: drafter } } });

  it('is sent or delivered only once cleared, and e-mailed only to an address', () => {
    expect(decide(withReply('draft'), 'send_reply')).toEqual({
      refusal: `The reply to ${TN} has not passed the confidentiality review (保密审查): it cannot be sent.`,
    });
    expect(decide(withReply('cleared'), 'record_delivery')).toEqual({ next: 'answered' });
    expect(decide({ ...withReply('cleared'), applicantHasEmail: false }, 'send_reply')).toEqual({
      refusal: `The applicant of ${TN} gave no e-mail address: deliver the reply on paper and record its delivery.`,
    });
    expect(
      decide({ ...withReply('cleared'), clockStatus: 'awaiting_correction' }, 'record_delivery')
    ).toEqual({
      refusal: `Request ${TN} awaits the applicant's correction (补正): the reply written before it cannot be sent.`,
    });
  });

  it('is cleared or returned only as a draft, and never by its drafter (403)', () => {
    expect(decide(withReply('returned'), 'clear_reply', 2)).toEqual({
      refusal: `Request ${TN} has no reply awaiting review.`,
    });
    expect(decide(withReply('draft', 2), 'clear_reply', 2)).toEqual({
      refusal:
        'The person who drafted a reply cannot clear it: another confidentiality reviewer must (four eyes).',
      forbidden: true,
    });
    expect(decide(withReply('draft', 2), 'return_reply', 2)).toMatchObject({ forbidden: true });
    expect(decide(withReply('draft', 2), 'return_reply', 3)).toEqual({ next: 'accepted' });
  });
});

describe('the buttons a viewer sees', () => {
  it('offers a correction only once and an extension only once', () => {
    expect(allowedActions(open(), handler)).toEqual(ALLOWED.registered);
    expect(allowedActions(TYPICAL.corrected, handler)).not.toContain('correction_requested');
    expect(allowedActions(TYPICAL.extended, handler)).not.toContain('extended');
  });

  it('lets no one answer while the applicant owes a correction', () => {
    const waiting = open({ state: 'correction_requested', clockStatus: 'awaiting_correction' });
    expect(allowedActions(waiting, handler)).toEqual(['corrected', 'assign', 'withdraw']);
  });

  it('offers the payment, not a second fee notice, while a fee is owed', () => {
    const owing = open({ state: 'accepted', clockStatus: 'awaiting_payment' });
    expect(allowedActions(owing, handler)).toContain('fee_paid');
    expect(allowedActions(owing, handler)).not.toContain('fee_notice');
  });

  it("asks for a posted fee notice's delivery date, not the payment, until it is recorded", () => {
    const posted = open({
      state: 'accepted',
      clockStatus: 'awaiting_payment',
      events: [received, { type: 'fee_notice', date: '2026-11-03', via: 'post' }],
    });
    expect(allowedActions(posted, handler)).toContain('fee_notice_delivered');
    expect(allowedActions(posted, handler)).not.toContain('fee_paid');
    const delivered = open({
      ...posted,
      events: [...posted.events, { type: 'fee_notice_delivered', date: '2026-11-06' }],
    });
    expect(allowedActions(delivered, handler)).toContain('fee_paid');
    expect(allowedActions(delivered, handler)).not.toContain('fee_notice_delivered');
  });

  it('clears a reply only by another person holding the confidentiality right', () => {
    const drafted = open({ reply: { state: 'draft', draftedBy: { id: 2 } } });
    expect(allowedActions(drafted, reviewer)).toEqual([]);
    expect(allowedActions(drafted, { ...reviewer, userId: 3 })).toEqual([
      'clear_reply',
      'return_reply',
    ]);
    expect(allowedActions(drafted, handler)).not.toContain('send_reply');
    const cleared = open({ reply: { state: 'cleared', draftedBy: { id: 1 } } });
    expect(allowedActions(cleared, handler)).toEqual(
      expect.arrayContaining(['send_reply', 'record_delivery'])
    );
    expect(allowedActions({ ...cleared, applicantHasEmail: false }, handler)).not.toContain(
      'send_reply'
    );
  });

  it('turns a released answer into proactive disclosure once (Art. 44)', () => {
    const answered = TYPICAL.answered;
    expect(allowedActions(answered, handler)).toEqual(['make_proactive']);
    expect(allowedActions({ ...answered, proactiveItem: { documentId: 'x' } }, handler)).toEqual(
      []
    );
    expect(allowedActions({ ...answered, outcome: 'refused.4' }, handler)).toEqual([]);
  });

  it('never shows the daily job its own step', () => {
    const both = { canHandle: true, canClear: true, userId: 1 };
    expect(allowedActions(TYPICAL.correction_requested, both)).not.toContain('lapse');
  });
});
