import { FIGURE_RULES, proposalFigures, type FigureFacts } from './figures';

const facts = (over: Partial<FigureFacts>): FigureFacts => ({
  id: 1,
  kind: 'deputy',
  number: '1',
  title: 't',
  assignedOn: '2018-03-20',
  firstRepliedOn: '2018-06-10',
  resultClass: 'A',
  feedback: 'satisfied',
  publicationMode: 'full',
  publishedOn: '2018-06-20',
  ...over,
});

describe('the yearly figures of suggestions and proposals', () => {
  const year = [
    facts({ id: 1 }),
    facts({
      id: 2,
      kind: 'member',
      resultClass: 'B',
      feedback: 'basically_satisfied',
      publicationMode: 'summary',
    }),
    facts({
      id: 3,
      kind: 'member',
      resultClass: 'C',
      feedback: 'dissatisfied',
      publicationMode: 'none',
      publishedOn: null,
    }),
    // Received in December, replied the next year: received, not closed in 2018.
    facts({
      id: 4,
      assignedOn: '2018-12-10',
      firstRepliedOn: '2019-02-01',
      feedback: null,
      publishedOn: null,
      publicationMode: null,
    }),
    // Received the year before, replied in 2018: closed, not received.
    facts({ id: 5, assignedOn: '2017-11-01', firstRepliedOn: '2018-01-20' }),
  ];

  it('counts received by kind, closed, results, feedback and publications of the year', () => {
    const figures = proposalFigures(year, 2018);
    expect(figures.received.value).toBe(4);
    expect(figures.byType.deputy.value).toBe(2);
    expect(figures.byType.member.value).toBe(2);
    expect(figures.closed.value).toBe(4);
    expect(figures.completionRate).toBe(75);
    expect([figures.byResult.A.value, figures.byResult.B.value, figures.byResult.C.value]).toEqual([
      2, 1, 1,
    ]);
    expect(figures.feedback.satisfied.value).toBe(2);
    // (满意 2 + 基本满意 1) / 4 rated.
    expect(figures.satisfactionRate).toBe(75);
    expect(figures.fullySatisfiedRate).toBe(50);
    expect(figures.published.value).toBe(3);
  });

  it('has no rates for a year without cases', () => {
    const figures = proposalFigures(year, 2016);
    expect(figures.received.value).toBe(0);
    expect(figures.completionRate).toBeNull();
    expect(figures.satisfactionRate).toBeNull();
  });

  it('counts each figure with the rule its records are listed by', () => {
    const figures = proposalFigures(year, 2018);
    expect(year.filter((f) => FIGURE_RULES[figures.closed.key](f, 2018)).map((f) => f.id)).toEqual([
      1, 2, 3, 5,
    ]);
  });
});
