import { daysOf, isOpen, periodProblem, phaseOf, type PhaseFacts } from './period';

describe('the period', () => {
  it('counts both ends', () => {
    expect(daysOf('2018-05-02', '2018-05-31')).toBe(30);
    expect(daysOf('2018-05-02', '2018-05-02')).toBe(1);
  });

  it('refuses an end before the start, and a short major decision without the reason', () => {
    const period = { opensOn: '2018-05-02', closesOn: '2018-05-30', isMajorDecision: true };
    expect(periodProblem({ ...period, shortenedReason: null }, 30)).toMatchObject({
      field: 'closesOn',
      message: expect.stringContaining('at least 30 days'),
    });
    expect(periodProblem({ ...period, shortenedReason: '上级限期要求' }, 30)).toBeNull();
    expect(
      periodProblem({ ...period, closesOn: '2018-05-31', shortenedReason: null }, 30)
    ).toBeNull();
    expect(
      periodProblem({ ...period, isMajorDecision: false, shortenedReason: null }, 30)
    ).toBeNull();
    expect(
      periodProblem({ ...period, closesOn: '2018-05-01', shortenedReason: null }, 30)
    ).toMatchObject({ field: 'closesOn' });
  });
});

describe('the phase', () => {
  const announced: PhaseFacts = {
    state: 'announced',
    opensOn: '2018-05-02',
    closesOn: '2018-05-31',
    announcementPublished: true,
    summaryPublished: false,
  };

  it('is open only while the announcement is published and today is within the period', () => {
    expect(phaseOf(announced, '2018-05-01')).toBe('upcoming');
    expect(phaseOf(announced, '2018-05-02')).toBe('open');
    expect(phaseOf(announced, '2018-05-31')).toBe('open');
    expect(phaseOf(announced, '2018-06-01')).toBe('period_over');
    expect(phaseOf({ ...announced, announcementPublished: false }, '2018-05-10')).toBe(
      'announcement_in_review'
    );
    expect(isOpen({ ...announced, state: 'closed' }, '2018-05-10')).toBe(false);
  });

  it('follows the summary’s review', () => {
    const submitted = { ...announced, state: 'summary_submitted' as const };
    expect(phaseOf(submitted, '2018-06-10')).toBe('summary_in_review');
    expect(phaseOf({ ...submitted, summaryPublished: true }, '2018-06-10')).toBe(
      'summary_published'
    );
  });
});
