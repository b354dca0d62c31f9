import { WorkingDayCalendar } from '../../kernel/domain/calendar';
import { caseDeadlines, closedOnTime, urgencyOf } from './deadlines';

const calendar = new WorkingDayCalendar();

describe('service case deadlines', () => {
  it('counts working days from 受理, skipping the 2018 National Day holiday', () => {
    // Accepted Friday 2018-09-28; 1-7 October are days off, 29-30 September are 调休 working days.
    const deadlines = caseDeadlines(calendar, '2018-09-28', 3, 20);
    expect(deadlines.promisedDue).toBe('2018-10-08');
    expect(deadlines.legalDue).toBe(calendar.addWorkingDays('2018-09-28', 20));
  });

  it('has no clock before 受理 nor for a limit not set', () => {
    expect(caseDeadlines(calendar, null, 5, 20)).toEqual({ promisedDue: null, legalDue: null });
    expect(caseDeadlines(calendar, '2018-03-01', null, 20).promisedDue).toBeNull();
  });

  it('puts the promised date first and the legal limit as the hard one', () => {
    const deadlines = { promisedDue: '2018-03-09', legalDue: '2018-03-29' };
    expect(urgencyOf(calendar, '2018-03-01', 'reviewing', deadlines)).toBe('on_time');
    expect(urgencyOf(calendar, '2018-03-06', 'reviewing', deadlines)).toBe('due_soon');
    expect(urgencyOf(calendar, '2018-03-12', 'reviewing', deadlines)).toBe('overdue');
    expect(urgencyOf(calendar, '2018-03-30', 'reviewing', deadlines)).toBe('beyond_legal');
    expect(urgencyOf(calendar, '2018-03-30', 'delivered', deadlines)).toBe('closed');
    expect(
      urgencyOf(calendar, '2018-03-30', 'applied', { promisedDue: null, legalDue: null })
    ).toBe('not_started');
  });

  it('judges a closed case against the promised date', () => {
    expect(closedOnTime('2018-03-09', { promisedDue: '2018-03-09', legalDue: null })).toBe(true);
    expect(closedOnTime('2018-03-12', { promisedDue: '2018-03-09', legalDue: '2018-03-29' })).toBe(
      false
    );
    expect(closedOnTime('2018-03-12', { promisedDue: null, legalDue: null })).toBeNull();
  });
});
