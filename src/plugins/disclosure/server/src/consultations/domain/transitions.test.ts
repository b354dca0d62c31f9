import {
  CONSULTATION_STATES,
  type ConsultationState,
} from '../../../../shared/consultations/contracts';
import { allowedActions, decide, type ConsultationFacts } from './transitions';

const TODAY = '2018-05-10';
const facts = (over: Partial<ConsultationFacts> = {}): ConsultationFacts => ({
  label: '《示范措施》',
  state: 'draft',
  closesOn: '2018-05-31',
  announcementPublished: false,
  undecided: 0,
  summaryStale: false,
  ...over,
});

describe('the consultation’s transition table', () => {
  it.each<[ConsultationState, boolean, string[]]>([
    ['draft', false, ['edit', 'announce']],
    ['announced', false, ['moderate', 'record_adoption']],
    ['announced', true, ['moderate', 'record_adoption', 'close']],
    ['closed', true, ['moderate', 'record_adoption', 'draft_summary']],
    ['summarised', true, ['moderate', 'record_adoption', 'draft_summary', 'submit_summary']],
    ['summary_submitted', true, ['moderate']],
  ])('in %s (announcement published: %s) allows %j', (state, published, allowed) => {
    expect(allowedActions(facts({ state, announcementPublished: published }), TODAY)).toEqual(
      allowed
    );
  });

  it('covers every state', () => {
    for (const state of CONSULTATION_STATES) {
      expect(() => allowedActions(facts({ state }), TODAY)).not.toThrow();
    }
  });

  it('leads announce, close, draft_summary and submit_summary to their states', () => {
    expect(decide(facts(), 'announce', TODAY)).toEqual({ next: 'announced' });
    expect(
      decide(facts({ state: 'announced', announcementPublished: true }), 'close', TODAY)
    ).toEqual({ next: 'closed' });
    expect(decide(facts({ state: 'closed' }), 'draft_summary', TODAY)).toEqual({
      next: 'summarised',
    });
    expect(decide(facts({ state: 'summarised' }), 'submit_summary', TODAY)).toEqual({
      next: 'summary_submitted',
    });
  });

  it('refuses with sentences the office can act on', () => {
    expect(decide(facts({ closesOn: '2018-05-01' }), 'announce', TODAY)).toEqual({
      refusal: expect.stringContaining('change "closesOn"'),
    });
    expect(decide(facts({ state: 'closed', undecided: 2 }), 'draft_summary', TODAY)).toEqual({
      refusal: expect.stringContaining('2 comment(s)'),
    });
    expect(
      decide(facts({ state: 'summarised', summaryStale: true }), 'submit_summary', TODAY)
    ).toEqual({ refusal: expect.stringContaining('draft it again') });
    expect(decide(facts({ state: 'announced' }), 'close', TODAY)).toEqual({
      refusal: expect.stringContaining('not published yet'),
    });
    expect(decide(facts({ state: 'announced' }), 'edit', TODAY)).toEqual({
      refusal: expect.stringContaining('fixed once announced'),
    });
  });
});
