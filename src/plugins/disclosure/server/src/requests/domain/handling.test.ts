import { WorkingDayCalendar } from '../../kernel/domain/calendar';
import { allowedActions, describeEvent, urgencyOf, type HandlingSnapshot } from './handling';

const calendar = new WorkingDayCalendar();
const handler = { canHandle: true, canClear: false, userId: 1 };
const reviewer = { canHandle: false, canClear: true, userId: 2 };

const open = (overrides: Partial<HandlingSnapshot> = {}): HandlingSnapshot => ({
  state: 'registered',
  outcome: null,
  events: [{ type: 'received', date: '2026-11-02' }],
  clockStatus: 'running',
  reply: null,
  ...overrides,
});

describe('urgency of a due date', () => {
  it('counts working days left across 国庆 2026 (1–7 Oct off, Sat 10 Oct worked)', () => {
    // From Wed 30 Sep to Sat 10 Oct: Thu 8, Fri 9 and the 调休 Saturday are working days.
    expect(urgencyOf('accepted', '2026-10-10', 'running', '2026-09-30', calendar)).toEqual({
      urgency: 'due_soon',
      workingDaysLeft: 3,
    });
    expect(urgencyOf('accepted', '2026-10-12', 'running', '2026-09-30', calendar)).toEqual({
      urgency: 'on_time',
      workingDaysLeft: 4,
    });
  });

  it('is overdue by working days, paused while the clock stops, closed once answered', () => {
    expect(urgencyOf('accepted', '2026-11-20', 'running', '2026-11-24', calendar)).toEqual({
      urgency: 'overdue',
      workingDaysLeft: -2,
    });
    expect(urgencyOf('consulting', null, 'consulting', '2026-11-24', calendar).urgency).toBe(
      'paused'
    );
    expect(urgencyOf('answered', '2026-11-20', 'running', '2026-11-24', calendar).urgency).toBe(
      'closed'
    );
  });
});

describe("urgency while a consultation is open (Art. 32: the third party's 15 working days)", () => {
  it('is paused until the reply is due, then counts down to the due date without a reply', () => {
    // Consultation from 25 Jun 2024, reply due 16 Jul; without one the answer is due 5 Aug.
    expect(
      urgencyOf('consulting', '2024-08-05', 'consulting', '2024-07-16', calendar, '2024-07-16')
    ).toEqual({ urgency: 'paused', workingDaysLeft: null });
    expect(
      urgencyOf('consulting', '2024-08-05', 'consulting', '2024-07-17', calendar, '2024-07-16')
    ).toEqual({ urgency: 'on_time', workingDaysLeft: 13 });
    expect(
      urgencyOf('consulting', '2024-08-05', 'consulting', '2024-08-01', calendar, '2024-07-16')
    ).toEqual({ urgency: 'due_soon', workingDaysLeft: 2 });
  });
});

describe('actions a request allows', () => {
  it('offers a correction only once and an extension only once', () => {
    expect(allowedActions(open(), handler)).toEqual([
      'accept',
      'correction_requested',
      'consultation_started',
      'fee_notice',
      'extended',
      'assign',
      'draft_reply',
      'withdraw',
    ]);
    const corrected = open({
      state: 'corrected',
      events: [
        { type: 'received', date: '2026-11-02' },
        { type: 'correction_requested', date: '2026-11-03', dueBy: '2026-11-20' },
        { type: 'corrected', date: '2026-11-05' },
        { type: 'extended', date: '2026-11-06', days: 5, approver: 'x', reason: 'y' },
      ],
    });
    expect(allowedActions(corrected, handler)).not.toContain('correction_requested');
    expect(allowedActions(corrected, handler)).not.toContain('extended');
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
      events: [
        { type: 'received', date: '2026-11-02' },
        { type: 'fee_notice', date: '2026-11-03', via: 'post' },
      ],
    });
    expect(allowedActions(posted, handler)).toContain('fee_notice_delivered');
    expect(allowedActions(posted, handler)).not.toContain('fee_paid');
    const delivered = open({
      ...posted,
      events: [...posted.events, { type: 'fee_notice_delivered', date: '2026-11-06' }],
    });
    expect(allowedActions(delivered, handler)).toContain('fee_paid');
    expect(allowedActions(delivered, handler)).not.toContain('fee_notice_delivered');
    expect(describeEvent({ type: 'fee_notice_delivered', date: '2026-11-06' })).toBe(
      '2026-11-06 申请人收到邮寄的收费通知'
    );
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
  });

  it('turns a released answer into proactive disclosure once (Art. 44)', () => {
    const answered = open({ state: 'answered', outcome: 'disclosed' });
    expect(allowedActions(answered, handler)).toEqual(['make_proactive']);
    expect(allowedActions({ ...answered, proactiveItem: { documentId: 'x' } }, handler)).toEqual(
      []
    );
    expect(allowedActions({ ...answered, outcome: 'refused.4' }, handler)).toEqual([]);
  });
});

describe('timeline sentences', () => {
  it('says what happened, with the extension approver and reason', () => {
    expect(
      describeEvent({
        type: 'extended',
        date: '2026-11-20',
        days: 15,
        approver: '李主任',
        reason: '需征求多个处室意见',
      })
    ).toBe('2026-11-20 延期答复15个工作日（李主任批准：需征求多个处室意见）');
    expect(
      describeEvent({ type: 'consultation_started', date: '2026-11-03', party: 'third_party' })
    ).toBe('2026-11-03 征求第三方意见');
  });

  it('never names a party from Object.prototype', () => {
    for (const party of ['constructor', 'toString', '__proto__']) {
      expect(
        describeEvent({
          type: 'consultation_started',
          date: '2026-11-03',
          party: party as 'agency',
        })
      ).toBe('2026-11-03 征求意见');
    }
  });
});
