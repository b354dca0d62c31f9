import { queueQuery } from './queue-query';

describe('the review queue query', () => {
  it('asks for 50 items waiting for the user when no filter is set', () => {
    expect(String(queueQuery({ state: '', column: '', department: '' }))).toBe('pageSize=50');
  });

  it('sends the state, the division and a column once it is a column code', () => {
    expect(String(queueQuery({ state: 'submitted', column: 'notices', department: 'd1' }))).toBe(
      'pageSize=50&state=submitted&column=notices&department=d1'
    );
    expect(String(queueQuery({ state: '', column: 'Notices!', department: '' }))).toBe(
      'pageSize=50'
    );
  });
});
