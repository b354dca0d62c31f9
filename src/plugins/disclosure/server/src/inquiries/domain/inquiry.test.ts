import { addMonths, dueDateOf, ruleDatesOf, urgencyOf } from './inquiry';

describe('the dates of an inquiry', () => {
  it('takes the platform’s deadline before the channel’s working days', () => {
    const addWorkingDays = (date: string, n: number) => `${date}+${n}`;
    expect(dueDateOf('2018-03-05', 5, addWorkingDays)).toBe('2018-03-05+5');
    expect(dueDateOf('2018-03-05', 5, addWorkingDays, '2018-03-20')).toBe('2018-03-20');
  });

  it('warns two months after receipt and limits at three, on the month’s last day when short', () => {
    expect(ruleDatesOf('2018-11-30', 2)).toEqual({ warnOn: '2019-01-30', limitOn: '2019-02-28' });
    expect(addMonths('2019-12-31', 2)).toBe('2020-02-29');
  });

  it.each([
    ['2018-03-06', 'on_time'],
    ['2018-03-14', 'due_soon'],
    ['2018-03-17', 'overdue'],
    ['2018-05-05', 'warning'],
    ['2018-06-05', 'warning'],
    ['2018-06-06', 'over_limit'],
  ] as const)('is, open on %s, %s', (today, urgency) => {
    const dates = { dueDate: '2018-03-16', ...ruleDatesOf('2018-03-05', 2) };
    expect(urgencyOf('open', dates, today)).toBe(urgency);
    expect(urgencyOf('closed', dates, today)).toBe('closed');
    expect(urgencyOf('dismissed', dates, today)).toBe('closed');
  });
});
