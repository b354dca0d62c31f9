import { addMonths, isDueSoon, urgencyOf } from './proposal';

describe('the dates of a suggestion or proposal', () => {
  it('is due three calendar months after the assignment, on the month’s last day when shorter', () => {
    expect(addMonths('2018-03-20', 3)).toBe('2018-06-20');
    expect(addMonths('2018-11-30', 3)).toBe('2019-02-28');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2018-10-15', 3)).toBe('2019-01-15');
  });

  it('is overdue after its due date, due soon within 10 days, and no longer urgent once replied', () => {
    expect(urgencyOf('assigned', '2018-06-20', '2018-06-21')).toBe('overdue');
    expect(urgencyOf('assigned', '2018-06-20', '2018-06-10')).toBe('due_soon');
    expect(urgencyOf('reopened', '2018-06-20', '2018-06-09')).toBe('on_time');
    expect(urgencyOf('replied', '2018-06-20', '2018-07-01')).toBe('closed');
    expect(isDueSoon('2018-06-20', '2018-06-20')).toBe(true);
    expect(isDueSoon('2018-06-20', '2018-06-21')).toBe(false);
  });
});
