import { type ActionDefaults, actionRequest, initialActionValues } from './action-request';

const request: ActionDefaults = { feeByCount: 0, email: null, division: 'GB', reply: null };
const values = initialActionValues(request, '2026-03-02');
const unedited = { subject: false, body: false };

describe('the action forms', () => {
  it('start on today, with 15 days to correct, charging by pages and posting the notice', () => {
    expect(values).toMatchObject({
      date: '2026-03-02',
      dueBy: '2026-03-17',
      basis: 'pages',
      via: 'post',
      division: 'GB',
      column: 'disclosure-on-request',
      outcome: '',
      hash: '',
    });
  });

  it('charge by count and e-mail the notice when the applicant is past the free ones and gave an address', () => {
    const next = initialActionValues(
      { ...request, feeByCount: 10, email: 'a@example.cn' },
      '2026-03-02'
    );
    expect(next).toMatchObject({ basis: 'count', via: 'email' });
  });

  it('start a redraft from the reply as written', () => {
    const reply = { outcome: 'released', subject: 'S', body: 'B', hash: 'h1' };
    expect(initialActionValues({ ...request, reply }, '2026-03-02')).toMatchObject(reply);
  });

  it('send a fee notice by pages with the page count, by count without it', () => {
    expect(actionRequest('fee_notice', { ...values, pages: '12' }, 20, unedited)).toEqual([
      'events',
      { type: 'fee_notice', date: '2026-03-02', basis: 'pages', pages: 12, via: 'post' },
    ]);
    expect(actionRequest('fee_notice', { ...values, basis: 'count' }, 20, unedited)).toEqual([
      'events',
      { type: 'fee_notice', date: '2026-03-02', basis: 'count', via: 'post' },
    ]);
  });

  it('send an extension with its days and reason, and the approver only when given', () => {
    expect(actionRequest('extended', { ...values, reason: 'R' }, 10, unedited)).toEqual([
      'events',
      { type: 'extended', date: '2026-03-02', days: 10, reason: 'R' },
    ]);
    const [, body] = actionRequest('extended', { ...values, approver: ' 王主任 ' }, 10, unedited);
    expect(body.approver).toBe('王主任');
  });

  it('send a draft reply with only the parts of the letter the user edited', () => {
    const draft = { ...values, outcome: 'released', subject: 'S', body: 'B' };
    expect(actionRequest('draft_reply', draft, 20, unedited)).toEqual([
      'reply',
      { outcome: 'released' },
    ]);
    expect(
      actionRequest('draft_reply', { ...draft, reason: 'R' }, 20, { subject: false, body: true })
    ).toEqual(['reply', { outcome: 'released', reason: 'R', body: 'B' }]);
  });

  it('send the rest to their paths', () => {
    expect(actionRequest('assign', { ...values, division: ' BG ' }, 20, unedited)).toEqual([
      'assign',
      { division: 'BG' },
    ]);
    expect(actionRequest('clear_reply', { ...values, hash: 'h' }, 20, unedited)).toEqual([
      'reply/clear',
      { hash: 'h' },
    ]);
    expect(actionRequest('send_reply', values, 20, unedited)).toEqual(['reply/send', {}]);
    expect(actionRequest('record_delivery', values, 20, unedited)).toEqual([
      'reply/delivered',
      { date: '2026-03-02', method: 'post' },
    ]);
    expect(actionRequest('make_proactive', { ...values, column: ' ' }, 20, unedited)).toEqual([
      'proactive',
      { column: 'disclosure-on-request' },
    ]);
    expect(actionRequest('accept', values, 20, unedited)).toEqual(['accept', {}]);
  });
});
