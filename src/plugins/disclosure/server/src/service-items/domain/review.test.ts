import { allowedReviewActions, guideHash, refusal, type ItemFacts, type Reviewer } from './review';

const guide = { name: '事项', legalBasis: '条例', phone: '024-1', division: 'bgs' };
const hash = guideHash(guide);
const item: ItemFacts = {
  division: 'bgs',
  currentHash: hash,
  withdrawn: false,
  unchanged: false,
  authorIds: [1],
};
const person = (id: number, extra: Partial<Reviewer> = {}): Reviewer => ({
  id,
  division: null,
  canManage: false,
  canApproveDivision: false,
  canClear: false,
  ...extra,
});
const editor = person(1, { division: 'bgs', canManage: true });
const head = person(2, { division: 'bgs', canApproveDivision: true });
const otherHead = person(3, { division: 'tzjs', canApproveDivision: true });
const secrecy = person(4, { canClear: true });
const submitted = {
  state: 'submitted' as const,
  contentHash: hash,
  submittedById: 1,
  approvedById: null,
};
const approved = { ...submitted, state: 'approved' as const, approvedById: 2 };
const cleared = { ...approved, state: 'cleared' as const };

describe('the hash a review is bound to', () => {
  it('changes with any guide field or the withdrawal, not with blanks or bookkeeping', () => {
    expect(guideHash({ ...guide, phone: '024-2' })).not.toBe(hash);
    expect(guideHash({ ...guide, fees: '  ', history: [1], publishedAt: 'x' })).toBe(hash);
    const withdrawal = { kind: 'cancelled' as const, date: '2018-01-01', authority: '省政府' };
    expect(guideHash(guide, withdrawal)).not.toBe(hash);
    expect(guideHash(guide, { ...withdrawal, reason: '' })).toBe(guideHash(guide, withdrawal));
  });
});

describe('who may take which step', () => {
  it('offers each step to its person only', () => {
    expect(allowedReviewActions(null, item, editor)).toEqual(['submit']);
    expect(allowedReviewActions(submitted, item, head)).toEqual(['approve', 'return']);
    expect(allowedReviewActions(submitted, item, otherHead)).toEqual([]);
    expect(allowedReviewActions(submitted, item, secrecy)).toEqual([]);
    expect(allowedReviewActions(approved, item, secrecy)).toEqual(['return', 'clear']);
    expect(allowedReviewActions(cleared, item, editor)).toEqual(['publish']);
    expect(allowedReviewActions(cleared, item, head)).toEqual([]);
  });

  it('refuses everything but a new submission once the draft is not the text reviewed', () => {
    const edited = { ...item, currentHash: guideHash({ ...guide, phone: '024-3' }) };
    expect(allowedReviewActions(cleared, edited, editor)).toEqual(['submit']);
    expect(refusal('publish', cleared, edited, editor)?.message).toContain('review is void');
  });

  it('keeps four eyes: submitter, approver and clearer are three people', () => {
    const all = person(1, {
      division: 'bgs',
      canManage: true,
      canApproveDivision: true,
      canClear: true,
    });
    expect(refusal('approve', submitted, item, all)?.status).toBe(403);
    expect(refusal('return', submitted, item, all)?.status).toBe(403);
    expect(refusal('clear', approved, item, all)?.status).toBe(403);
    const coAuthor = person(2, { division: 'bgs', canApproveDivision: true, canClear: true });
    const written = { ...item, authorIds: [1, 2] };
    expect(refusal('approve', submitted, written, coAuthor)?.message).toContain('you wrote');
    expect(refusal('clear', { ...approved, approvedById: 9 }, written, coAuthor)?.status).toBe(403);
    const approver = person(2, { canClear: true });
    expect(refusal('clear', approved, item, approver)?.message).toContain('you approved');
  });

  it('gives the coordinator (no division) no division approval', () => {
    const coordinator = person(5, { canManage: true, canApproveDivision: true });
    expect(refusal('approve', submitted, item, coordinator)?.status).toBe(403);
  });

  it('refuses publication of anything not cleared', () => {
    for (const review of [null, submitted, approved]) {
      expect(refusal('publish', review, item, editor)?.status).toBe(400);
    }
    expect(refusal('publish', { ...cleared, state: 'returned' }, item, editor)?.status).toBe(400);
  });
});
