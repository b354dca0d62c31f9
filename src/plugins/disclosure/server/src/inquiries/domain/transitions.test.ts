import {
  INQUIRY_ACTIONS,
  INQUIRY_STATES,
  type InquiryAction,
} from '../../../../shared/inquiries/contracts';
import { allowedActions, decide, type InquiryFacts } from './transitions';

const facts = (over: Partial<InquiryFacts> = {}): InquiryFacts => ({
  label: '民心网留言 LY20180305-000001',
  channel: 'minxin',
  state: 'open',
  division: 'BGS',
  publicConsent: false,
  satisfaction: null,
  published: false,
  reply: null,
  ...over,
});

const allowed = (f: InquiryFacts, action: InquiryAction, actor = 2) =>
  'next' in decide(f, action, actor);

describe('the transition table of an inquiry', () => {
  it('refuses every step but satisfaction and publication on a case no longer open', () => {
    for (const state of INQUIRY_STATES.filter((s) => s !== 'open')) {
      const done = facts({ state, reply: { state: 'sent', draftedById: 1 } });
      for (const action of INQUIRY_ACTIONS) {
        // A dismissed case takes nothing; an answered one its rating (no consent: no Q&A).
        const expected = state === 'closed' && action === 'record_satisfaction';
        expect([state, action, allowed(done, action)]).toEqual([state, action, expected]);
      }
    }
  });

  it('answers a phone call directly, a written message through the review', () => {
    expect(decide(facts({ channel: 'phone' }), 'answer')).toEqual({ next: 'closed' });
    expect(allowed(facts({ channel: 'phone' }), 'draft_reply')).toBe(false);
    expect(allowed(facts(), 'answer')).toBe(false);
    expect(allowed(facts({ division: null }), 'draft_reply')).toBe(false);
    expect(allowed(facts(), 'send_reply')).toBe(false);
    expect(decide(facts({ reply: { state: 'cleared', draftedById: 1 } }), 'send_reply')).toEqual({
      next: 'closed',
    });
  });

  it('keeps four eyes on the review: the drafter may not clear (403)', () => {
    const drafted = facts({ reply: { state: 'draft', draftedById: 7 } });
    expect(decide(drafted, 'clear_reply', 7)).toMatchObject({ forbidden: true });
    expect(decide(drafted, 'clear_reply', 8)).toEqual({ next: 'open' });
  });

  it('publishes a Q&A only with consent, once; satisfaction only where the channel reports it', () => {
    const answered = facts({ state: 'closed', reply: { state: 'sent', draftedById: 1 } });
    expect(allowed({ ...answered, publicConsent: true }, 'prepare_publication')).toBe(true);
    expect(
      allowed({ ...answered, publicConsent: true, published: true }, 'prepare_publication')
    ).toBe(false);
    expect(allowed({ ...answered, channel: 'website' }, 'record_satisfaction')).toBe(false);
    expect(allowed({ ...answered, satisfaction: 'satisfied' }, 'record_satisfaction')).toBe(false);
  });

  it('shows each part its own buttons', () => {
    const f = facts({ reply: { state: 'draft', draftedById: 1 } });
    expect(allowedActions(f, { parts: ['coordinator'], userId: 2 })).toEqual(['assign', 'dismiss']);
    expect(allowedActions(f, { parts: ['handler'], userId: 2 })).toEqual(['draft_reply']);
    expect(allowedActions(f, { parts: ['reviewer'], userId: 2 })).toEqual([
      'clear_reply',
      'return_reply',
    ]);
  });
});
