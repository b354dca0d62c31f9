import { WorkingDayCalendar } from '../../kernel/domain/calendar';
import { describeEvent, urgencyOf } from './handling';

const calendar = new WorkingDayCalendar();

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
    expect(describeEvent({ type: 'fee_notice_delivered', date: '2026-11-06' })).toBe(
      '2026-11-06 申请人收到邮寄的收费通知'
    );
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
