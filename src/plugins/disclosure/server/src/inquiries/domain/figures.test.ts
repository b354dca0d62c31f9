import { FIGURE_RULES, inquiryFigures, type FigureFacts } from './figures';

const fact = (over: Partial<FigureFacts>): FigureFacts => ({
  id: 1,
  channel: 'phone',
  kind: 'consultation',
  category: 'policy',
  state: 'closed',
  receivedOn: '2018-03-05',
  repliedOn: '2018-03-05',
  workingDays: 0,
  publishedOn: null,
  ...over,
});

describe('the yearly figures of 留言办理', () => {
  const all = [
    fact({ id: 1 }),
    fact({ id: 2, channel: 'minxin', workingDays: 4, repliedOn: '2018-03-09' }),
    fact({ id: 3, channel: 'website', state: 'open', repliedOn: null, workingDays: null }),
    fact({ id: 4, channel: 'website', state: 'dismissed', repliedOn: null, workingDays: null }),
    // Received in 2017, answered in 2018: closed in 2018, not received.
    fact({ id: 5, receivedOn: '2017-12-28', repliedOn: '2018-01-03', workingDays: 2 }),
    fact({ id: 6, channel: 'website', publishedOn: '2018-04-01' }),
  ];

  it('counts received and closed by channel, the rate over the valid ones, the mean days', () => {
    const figures = inquiryFigures(all, 2018);
    expect(figures.received.value).toBe(5);
    expect(figures.closed.value).toBe(4);
    expect(figures.byChannel.website.value).toBe(3);
    expect(figures.closedByChannel.phone.value).toBe(2);
    expect(figures.dismissed.value).toBe(1);
    // 3 answered of the 4 valid received in 2018.
    expect(figures.replyRate).toBe(75);
    expect(figures.averageWorkingDays).toEqual({
      key: 'inquiries.averageWorkingDays',
      label: '平均办理时间（工作日）',
      value: 1.5,
    });
    expect(figures.publicAnswers.value).toBe(1);
  });

  it('has a rule behind every key it shows', () => {
    const keys = JSON.stringify(inquiryFigures(all, 2018)).match(/inquiries\.[^"]+/g) ?? [];
    for (const key of keys) expect(FIGURE_RULES[key]).toBeDefined();
    expect(inquiryFigures([], 2018).replyRate).toBeNull();
  });
});
