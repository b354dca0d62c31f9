import { countsOf, summaryTextOf, summaryTitleOf, type DecidedComment } from './summary';

const comment = (
  number: number,
  anchor: string | null,
  adoption: DecidedComment['adoption'],
  reason: string | null = null,
  moderation: DecidedComment['moderation'] = 'hidden'
): DecidedComment => ({ number, anchor, adoption, adoptionReason: reason, moderation });

const COMMENTS = [
  comment(1, 'art-1', 'adopted', null, 'public'),
  comment(2, 'art-1', 'not_adopted', '与上位法规定不一致'),
  comment(3, 'art-3', 'partly', '已对申报条件作相应调整'),
  comment(4, null, 'adopted'),
  comment(5, 'art-3', null, null, 'rejected'),
];

describe('countsOf', () => {
  it('counts received, public, rejected and each decision; a rejected comment is not decided', () => {
    expect(countsOf(COMMENTS)).toEqual({
      received: 5,
      public: 1,
      rejected: 1,
      adopted: 2,
      partly: 1,
      notAdopted: 1,
      undecided: 0,
    });
    expect(countsOf([comment(1, null, null)]).undecided).toBe(1);
  });
});

describe('summaryTextOf', () => {
  const text = summaryTextOf({
    title: '示范市促进中小企业发展若干措施（征求意见稿）',
    publisher: '示范市工业和信息化局',
    opensOn: '2018-05-02',
    closesOn: '2018-06-01',
    units: [
      { anchor: 'art-1', label: '第一条', text: '第一条 …' },
      { anchor: 'art-2', label: '第二条', text: '第二条 …' },
      { anchor: 'art-3', label: '第三条', text: '第三条 …' },
    ],
    comments: COMMENTS,
  });

  it('states the totals, then each unit commented on in the draft’s order, the whole draft last', () => {
    expect(text.split('\n')).toEqual([
      '2018年5月2日至2018年6月1日，示范市工业和信息化局就《示范市促进中小企业发展若干措施（征求意见稿）》公开征求社会意见，共收到意见5条（其中1条与征求意见稿无关或无实质内容，未作处理）。经认真研究，采纳2条，部分采纳1条，未采纳1条。具体情况如下：',
      '一、关于第一条：收到意见2条，采纳1条，未采纳1条。',
      '意见2未采纳的理由：与上位法规定不一致',
      '二、关于第三条：收到意见1条，部分采纳1条。',
      '意见3部分采纳的理由：已对申报条件作相应调整',
      '三、关于征求意见稿整体：收到意见1条，采纳1条。',
    ]);
  });

  it('has a title naming the draft', () => {
    expect(summaryTitleOf('《示范措施》')).toBe('关于《示范措施》公开征求意见采纳情况的说明');
  });
});
