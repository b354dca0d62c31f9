import { WorkingDayCalendar } from '../../kernel/domain/calendar';
import { DeadlineRuleError, computeDeadline, type RequestEvent } from './request-deadline';

const calendar = new WorkingDayCalendar();
const received = (date: string): RequestEvent => ({ type: 'received', date });

describe('the working-day calendar', () => {
  it('knows holidays, weekends and 调休 working days', () => {
    expect(calendar.day('2024-02-12')).toMatchObject({
      isWorking: false,
      kind: 'holiday',
      holiday: '春节',
    });
    expect(calendar.day('2024-02-04')).toMatchObject({
      isWorking: true,
      kind: 'adjusted_working_day',
      holiday: '春节',
    });
    expect(calendar.day('2024-03-02')).toMatchObject({ isWorking: false, kind: 'weekend' });
    expect(calendar.day('2024-03-04')).toMatchObject({ isWorking: true, kind: 'working_day' });
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendar.day('2024-02-30')).toThrow('not a date');
    expect(() => calendar.day('2026-13-01')).toThrow('not a date');
  });
});

describe('the answer deadline: 20 working days after receipt', () => {
  it('skips 春节 2024 and counts its two 调休 Sundays (received Fri 2 Feb)', () => {
    const deadline = computeDeadline([received('2024-02-02')], calendar);
    expect(deadline.dueDate).toBe('2024-03-06');
    expect(deadline.status).toBe('running');
    expect(deadline.holidays.map((day) => day.date)).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ]);
    expect(deadline.adjustedWorkingDays.map((day) => day.date)).toEqual([
      '2024-02-04',
      '2024-02-18',
    ]);
    expect(deadline.steps.at(-1)!.text).toBe(
      '答复期限届满日：共20个工作日；其间法定节假日春节8天不计；调休上班2天（2024-02-04、2024-02-18）计入。'
    );
  });

  it('skips 中秋 and 国庆 2023 and counts Sat 7 and Sun 8 Oct (received Thu 28 Sep)', () => {
    const deadline = computeDeadline([received('2023-09-28')], calendar);
    expect(deadline.dueDate).toBe('2023-11-01');
    expect(deadline.holidays).toHaveLength(8);
    expect(deadline.adjustedWorkingDays.map((day) => day.date)).toEqual([
      '2023-10-07',
      '2023-10-08',
    ]);
  });

  it('runs across the year end, 元旦 off (received Mon 16 Dec 2024)', () => {
    const deadline = computeDeadline([received('2024-12-16')], calendar);
    expect(deadline.dueDate).toBe('2025-01-14');
    expect(deadline.holidays.map((day) => `${day.date} ${day.holiday}`)).toEqual([
      '2025-01-01 元旦',
    ]);
  });
});

describe('补正 (correction)', () => {
  const base: RequestEvent[] = [
    received('2024-03-04'),
    { type: 'correction_requested', date: '2024-03-06', dueBy: '2024-03-20' },
  ];

  it('stops the clock until the corrected application arrives', () => {
    const deadline = computeDeadline(base, calendar);
    expect(deadline).toMatchObject({
      status: 'awaiting_correction',
      dueDate: null,
      correctionDueDate: '2024-03-20',
    });
  });

  it('restarts the 20 days from the corrected application, across 清明 2024', () => {
    const deadline = computeDeadline(
      [...base, { type: 'corrected', date: '2024-03-18' }],
      calendar
    );
    expect(deadline.dueDate).toBe('2024-04-16');
    expect(deadline.adjustedWorkingDays.map((day) => day.date)).toEqual(['2024-04-07']);
    expect(deadline.steps.map((step) => step.date)).toEqual([
      '2024-03-04',
      '2024-03-06',
      '2024-03-18',
      '2024-04-16',
    ]);
  });

  it('is refused after 7 working days of receipt, or a second time', () => {
    expect(() =>
      computeDeadline(
        [received('2024-03-04'), { type: 'correction_requested', date: '2024-03-14' }],
        calendar
      )
    ).toThrow(
      new DeadlineRuleError(
        '补正 must be requested within 7 working days of receipt, by 2024-03-13.',
        base[0]
      )
    );
    expect(() =>
      computeDeadline(
        [
          ...base,
          { type: 'corrected', date: '2024-03-08' },
          { type: 'correction_requested', date: '2024-03-11' },
        ],
        calendar
      )
    ).toThrow('only once');
  });
});

describe('pauses and the extension', () => {
  it('does not count the working days of a third-party consultation', () => {
    expect(computeDeadline([received('2024-06-17')], calendar).dueDate).toBe('2024-07-15');
    const deadline = computeDeadline(
      [
        received('2024-06-17'),
        { type: 'consultation_started', date: '2024-06-25', party: 'third_party' },
        { type: 'consultation_ended', date: '2024-07-02' },
      ],
      calendar
    );
    expect(deadline.dueDate).toBe('2024-07-22');
    expect(deadline.pausedWorkingDays).toBe(5);
    expect(deadline.thirdPartyDueDate).toBe('2024-07-16');
  });

  it('is stopped while a fee notice is open; a consultation pauses it for 15 working days at most', () => {
    const consulting = computeDeadline(
      [
        received('2024-06-17'),
        { type: 'consultation_started', date: '2024-06-25', party: 'agency' },
      ],
      calendar
    );
    expect(consulting).toMatchObject({
      status: 'consulting',
      dueDate: '2024-08-05',
      pausedWorkingDays: 15,
    });
    const paying = computeDeadline(
      [received('2024-06-17'), { type: 'fee_notice', date: '2024-06-20' }],
      calendar
    );
    expect(paying).toMatchObject({ status: 'awaiting_payment', feeDueDate: '2024-07-18' });
  });

  it('adds one extension of at most 20 working days, with approver and reason', () => {
    const extended: RequestEvent = {
      type: 'extended',
      date: '2024-07-10',
      days: 20,
      approver: '综合法规处 王处长',
      reason: '申请内容涉及多个处室，需调取历史档案',
    };
    const deadline = computeDeadline([received('2024-06-17'), extended], calendar);
    expect(deadline.dueDate).toBe('2024-08-12');
    expect(deadline.allowedWorkingDays).toBe(40);
    expect(deadline.steps[1].text).toContain('经综合法规处 王处长同意延长20个工作日');
    expect(() =>
      computeDeadline(
        [received('2024-06-17'), extended, { ...extended, date: '2024-07-11' }],
        calendar
      )
    ).toThrow('once');
    expect(() =>
      computeDeadline([received('2024-06-17'), { ...extended, days: 21 }], calendar)
    ).toThrow('1 to 20');
    expect(() =>
      computeDeadline([received('2024-06-17'), { ...extended, approver: ' ' }], calendar)
    ).toThrow('approver');
  });
});

describe('calendar overrides', () => {
  it('recompute an open case when a new State Council notice makes a day a holiday', () => {
    // The library has no 2027 holidays yet: 1 Jan 2027 counts as a working day …
    const events = [received('2026-12-21')];
    expect(computeDeadline(events, calendar).dueDate).toBe('2027-01-18');
    // … until the coordinator enters the notice.
    const updated = new WorkingDayCalendar([
      { date: '2027-01-01', isWorking: false, note: '元旦（2027年节假日安排通知）' },
    ]);
    const deadline = computeDeadline(events, updated);
    expect(deadline.dueDate).toBe('2027-01-19');
    expect(deadline.steps.at(-1)!.text).toContain('元旦（2027年节假日安排通知）1天不计');
  });
});

describe('an extension is decided within the answer period (条例 Art. 33)', () => {
  const extension = (date: string): RequestEvent => ({
    type: 'extended',
    date,
    days: 10,
    approver: '综合法规处 王处长',
    reason: '需调取历史档案',
  });

  it('is refused once the due date has passed, naming the due date', () => {
    // Received Mon 17 Jun 2024: due Mon 15 Jul.
    expect(() =>
      computeDeadline([received('2024-06-17'), extension('2024-07-16')], calendar)
    ).toThrow(
      'An extension must be decided within the answer period: the answer was due on 2024-07-15, and 2024-07-16 is after it (条例 Art. 33).'
    );
  });

  it('is accepted on the due date itself, and while the clock is stopped', () => {
    expect(
      computeDeadline([received('2024-06-17'), extension('2024-07-15')], calendar).dueDate
    ).toBe('2024-07-29');
    const paying = computeDeadline(
      [received('2024-06-17'), { type: 'fee_notice', date: '2024-06-20' }, extension('2024-07-20')],
      calendar
    );
    expect(paying).toMatchObject({ status: 'awaiting_payment', allowedWorkingDays: 30 });
  });
});

describe("a consultation lasts at most the consulted party's 15 working days (Art. 32, 34)", () => {
  const consulting = (party: 'third_party' | 'agency'): RequestEvent[] => [
    received('2024-06-17'),
    { type: 'consultation_started', date: '2024-06-25', party },
  ];

  it('resumes the clock the day after the third party’s 15th working day, and says the office decides', () => {
    const deadline = computeDeadline(consulting('third_party'), calendar);
    expect(deadline).toMatchObject({
      status: 'consulting',
      thirdPartyDueDate: '2024-07-16',
      consultationDueDate: '2024-07-16',
      // 6 working days before the consultation, 15 paused, the remaining 14 from Wed 17 Jul.
      pausedWorkingDays: 15,
      dueDate: '2024-08-05',
    });
    expect(deadline.steps.map((step) => step.text)).toContainEqual(
      '第三方未在2024-07-16前提出意见的，征求意见时间计至该日，期限自次日起继续计算，由本机关依照条例规定决定是否公开（条例第三十二条）。'
    );
  });

  it('counts a consulted agency’s silence as consent after its 15 working days', () => {
    const deadline = computeDeadline(consulting('agency'), calendar);
    expect(deadline).toMatchObject({
      status: 'consulting',
      consultationDueDate: '2024-07-16',
      dueDate: '2024-08-05',
    });
    expect(deadline.steps.map((step) => step.text).join('')).toContain(
      '视为同意公开（条例第三十四条）'
    );
  });

  it('does not pause beyond the 15 working days when the reply comes late', () => {
    const deadline = computeDeadline(
      [...consulting('third_party'), { type: 'consultation_ended', date: '2024-07-24' }],
      calendar
    );
    expect(deadline).toMatchObject({
      status: 'running',
      dueDate: '2024-08-05',
      pausedWorkingDays: 15,
    });
    expect(deadline.consultationDueDate).toBeUndefined();
  });
});

describe('the fee is payable within 20 working days of receiving the notice (国办函〔2020〕109号)', () => {
  const notice = (extra: object): RequestEvent =>
    ({ type: 'fee_notice', date: '2024-06-20', ...extra }) as RequestEvent;

  it('counts from the day an e-mailed notice was sent', () => {
    expect(
      computeDeadline([received('2024-06-17'), notice({ via: 'email' })], calendar).feeDueDate
    ).toBe('2024-07-18');
  });

  it('counts from the delivery date of a posted notice, recorded with it or later', () => {
    const withDelivery = computeDeadline(
      [received('2024-06-17'), notice({ via: 'post', deliveredOn: '2024-06-25' })],
      calendar
    );
    expect(withDelivery).toMatchObject({ status: 'awaiting_payment', feeDueDate: '2024-07-23' });
    const awaiting = computeDeadline([received('2024-06-17'), notice({ via: 'post' })], calendar);
    expect(awaiting).toMatchObject({ status: 'awaiting_payment', feeDueDate: null });
    expect(awaiting.steps.at(-2)!.text).toContain('送达日期待登记');
    const delivered = computeDeadline(
      [
        received('2024-06-17'),
        notice({ via: 'post' }),
        { type: 'fee_notice_delivered', date: '2024-06-25' } as RequestEvent,
      ],
      calendar
    );
    expect(delivered.feeDueDate).toBe('2024-07-23');
    expect(delivered.steps.map((step) => step.text)).toContainEqual(
      '申请人收到收费通知（邮寄送达），应于2024-07-23前缴费，逾期视为放弃申请。'
    );
  });

  it('refuses a delivery before the notice was sent, or with no posted notice open', () => {
    expect(() =>
      computeDeadline(
        [received('2024-06-17'), notice({ via: 'post', deliveredOn: '2024-06-19' })],
        calendar
      )
    ).toThrow('A fee notice cannot be received (2024-06-19) before it was sent (2024-06-20).');
    expect(() =>
      computeDeadline(
        [
          received('2024-06-17'),
          notice({ via: 'email' }),
          { type: 'fee_notice_delivered', date: '2024-06-25' } as RequestEvent,
        ],
        calendar
      )
    ).toThrow('No posted fee notice awaits its delivery date.');
  });
});

describe('years the calendar library does not cover', () => {
  it('are read from chinese-days itself: 2004 to 2026 today', () => {
    expect(calendar.isYearCovered(2004)).toBe(true);
    expect(calendar.isYearCovered(2026)).toBe(true);
    expect(calendar.isYearCovered(2003)).toBe(false);
    expect(calendar.isYearCovered(2027)).toBe(false);
  });

  it('are named on a deadline that crosses them, until an override exists for the year', () => {
    const events = [received('2026-12-21')];
    const deadline = computeDeadline(events, calendar);
    expect(deadline.uncoveredYears).toEqual([2027]);
    expect(deadline.steps.at(-1)!.text).toBe(
      '注意：2027年的法定节假日安排尚未收录，该年日期暂按周一至周五为工作日计算；安排公布后期限将重新计算。'
    );
    expect(computeDeadline([received('2026-11-02')], calendar).uncoveredYears).toEqual([]);
    const updated = new WorkingDayCalendar([
      { date: '2027-01-01', isWorking: false, note: '元旦（2027年节假日安排通知）' },
    ]);
    expect(updated.isYearCovered(2027)).toBe(true);
    expect(computeDeadline(events, updated).uncoveredYears).toEqual([]);
  });
});
