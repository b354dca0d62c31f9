import { consultationFigures, entriesOf, type ConsultationFigureFacts } from './figures';

const FACTS: ConsultationFigureFacts[] = [
  {
    id: 1,
    documentId: 'doc1',
    title: '示范措施',
    opensOn: '2018-05-02',
    announcementPublishedOn: '2018-04-28',
    summaryPublishedOn: '2018-06-15',
    commentDates: ['2018-05-04', '2018-05-07', '2018-05-31'],
  },
  {
    id: 2,
    documentId: 'doc2',
    title: '跨年征集',
    opensOn: '2018-12-20',
    announcementPublishedOn: '2018-12-18',
    summaryPublishedOn: '2019-02-01',
    commentDates: ['2018-12-25', '2019-01-05'],
  },
  {
    id: 3,
    documentId: 'doc3',
    title: '未公布的征集',
    opensOn: '2018-07-01',
    announcementPublishedOn: null,
    summaryPublishedOn: null,
    commentDates: [],
  },
];

describe('the figures of 调查征集', () => {
  it('counts consultations held, comments received and summaries published in the year', () => {
    expect(consultationFigures(FACTS, 2018)).toEqual({
      held: { key: 'consultations.held', label: '调查征集期数', value: 2 },
      comments: { key: 'consultations.comments', label: '收到意见数量', value: 4 },
      resultsPublished: {
        key: 'consultations.resultsPublished',
        label: '公布调查结果期数',
        value: 1,
      },
    });
    expect(consultationFigures(FACTS, 2019)).toMatchObject({
      held: { value: 0 },
      comments: { value: 1 },
      resultsPublished: { value: 1 },
    });
  });

  it('lists each comment counted by its consultation and number', () => {
    expect(
      entriesOf(FACTS, 'consultations.comments', 2018).map((entry) => [
        entry.facts.id,
        entry.number,
      ])
    ).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
    ]);
  });
});
