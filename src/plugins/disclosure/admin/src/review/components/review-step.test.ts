import { recentHistory, stepRequest, stepVariant } from './review-step';

const item = { contentType: 'api::notice.notice', documentId: 'd1', locale: 'zh-Hans' };

describe('the review panel steps', () => {
  it('send the reason only with return, withhold and unpublish, the category only to withhold', () => {
    expect(stepRequest('submit', item, 'R', 'state_secret')).toEqual(item);
    expect(stepRequest('return', item, 'R', 'state_secret')).toEqual({ ...item, reason: 'R' });
    expect(stepRequest('withhold', item, 'R', 'state_secret')).toEqual({
      ...item,
      reason: 'R',
      category: 'state_secret',
    });
  });

  it('show refusals in red and publishing as the main button', () => {
    expect(stepVariant('withhold')).toBe('danger-light');
    expect(stepVariant('publish')).toBe('default');
    expect(stepVariant('submit')).toBe('secondary');
  });

  it('list the last 8 entries of the locale, newest first', () => {
    const history = Array.from({ length: 12 }, (_, seq) => ({
      seq,
      locale: seq % 4 === 3 ? 'en' : 'zh-Hans',
    }));
    expect(recentHistory(history, 'zh-Hans').map(({ seq }) => seq)).toEqual([
      10, 9, 8, 6, 5, 4, 2, 1,
    ]);
  });
});
