import { draftOverview, formatCount, formatPercent, type Sections } from './overview-draft';

const figure = (key: string, label: string, value: number) => ({ key, label, value });

/** The source year (domain.md §6) as the three providers report it. */
const SOURCE_YEAR: Sections = {
  items: {
    total: figure('items.total', '本年首次发布信息总数', 514),
    byColumn: [
      {
        ...figure('items.columnTree:government-disclosure', '政务公开', 289),
        own: figure('items.column:government-disclosure', '政务公开（本栏目）', 0),
        children: [figure('items.column:plans', '规划计划', 289)],
      },
      figure('items.column:work-news', '工作动态', 165),
      figure('items.column:notices', '通知公告', 60),
      figure('items.column:meetings', '政府会议', 0),
    ],
    byMonth: [figure('items.month:1', '1月', 514)],
  },
  serviceCases: {
    closed: figure('serviceCases.closed', '办结', 34),
    byItem: [
      figure('serviceCases.item:a1', '工业企业技术改造投资项目备案', 19),
      figure('serviceCases.item:a2', '废旧电力设施器材收购许可', 13),
      figure('serviceCases.item:a3', '民用爆炸物品安全生产许可初审', 2),
      figure('serviceCases.item:a4', '无线电台设置许可', 0),
    ],
    completionRate: 100,
    licensingDecisions: figure('serviceCases.licensingDecisions', '行政许可决定', 15),
  },
  proposals: {
    received: figure('proposals.received', '收到', 17),
    byType: {
      deputy: figure('proposals.type:deputy', '人大代表建议', 9),
      member: figure('proposals.type:member', '政协提案', 8),
    },
    closed: figure('proposals.closed', '办结', 17),
    satisfactionRate: 100,
  },
  inquiries: {
    received: figure('inquiries.received', '收到留言', 117),
    byChannel: {
      phone: figure('inquiries.channel:phone', '电话咨询', 103),
      minxin: figure('inquiries.channel:minxin', '民心网', 12),
      hotline: figure('inquiries.channel:hotline', '热线转办', 2),
      website: figure('inquiries.channel:website', '网站监督投诉', 0),
      enterprise: figure('inquiries.channel:enterprise', '企业服务热线', 0),
    },
    replyRate: 100,
  },
  consultations: {
    held: figure('consultations.held', '调查征集期数', 1),
    comments: figure('consultations.comments', '收到意见数量', 8),
    resultsPublished: figure('consultations.resultsPublished', '公布调查结果期数', 1),
  },
};

describe('the 总体情况 drafted from records', () => {
  it('reads like the bureau’s report, every count from a figure', () => {
    const draft = draftOverview(SOURCE_YEAR);
    expect(draft.text).toBe(
      '一年来机关网站共公开信息514条，其中政务公开289条，工作动态165条，通知公告60条；' +
        '年内共办结34项行政服务事项，其中工业企业技术改造投资项目备案19件、废旧电力设施器材收购许可13件、民用爆炸物品安全生产许可初审2件，办结率100%；' +
        '全年办理市人大代表建议、政协委员提案共17件，其中人大代表建议9件，政协提案8件，满意率100%；' +
        '全年受理群众咨询、投诉和反映问题117件，其中电话咨询103件、民心网反映问题12件、政府公开电话转办问题2件，答复率100%；' +
        '开展调查征集1期，收到意见8条，公布调查结果1期。'
    );
    expect(draft.figures).toEqual([
      'items.total',
      'items.columnTree:government-disclosure',
      'items.column:work-news',
      'items.column:notices',
      'serviceCases.closed',
      'serviceCases.item:a1',
      'serviceCases.item:a2',
      'serviceCases.item:a3',
      'proposals.received',
      'proposals.type:deputy',
      'proposals.type:member',
      'inquiries.received',
      'inquiries.channel:phone',
      'inquiries.channel:minxin',
      'inquiries.channel:hotline',
      'consultations.held',
      'consultations.comments',
      'consultations.resultsPublished',
    ]);
  });

  it('links each number to its figure and each rate to its measure, the parts making the text', () => {
    const draft = draftOverview(SOURCE_YEAR);
    expect(draft.parts.map((part) => part.text).join('')).toBe(draft.text);
    expect(draft.parts.slice(0, 4)).toEqual([
      { text: '一年来机关网站共公开信息' },
      { text: '514', figure: 'items.total' },
      { text: '条，其中政务公开' },
      { text: '289', figure: 'items.columnTree:government-disclosure' },
    ]);
    expect(draft.parts).toContainEqual({ text: '100%', measure: 'serviceCases.completionRate' });
    expect(draft.parts).toContainEqual({ text: '100%', measure: 'proposals.satisfactionRate' });
    expect(draft.parts).toContainEqual({ text: '100%', measure: 'inquiries.replyRate' });
    // Every digit in the text is inside a quoted part.
    const words = draft.parts.filter((part) => !part.figure && !part.measure);
    for (const part of words) expect(part.text).not.toMatch(/\d/);
  });

  it('leaves out the clause of a provider that is absent or has nothing to count', () => {
    const { serviceCases: _cases, consultations: _consultations, ...withoutCases } = SOURCE_YEAR;
    const draft = draftOverview({
      ...withoutCases,
      proposals: { ...SOURCE_YEAR.proposals, received: figure('proposals.received', '收到', 0) },
      inquiries: { ...SOURCE_YEAR.inquiries, received: figure('inquiries.received', '收到', 0) },
    });
    expect(draft.text).toBe(
      '一年来机关网站共公开信息514条，其中政务公开289条，工作动态165条，通知公告60条。'
    );
    expect(draftOverview({ items: SOURCE_YEAR.items, serviceCases: {} }).text).not.toContain(
      '办结'
    );
  });

  it('starts with the first clause there is and joins the others with semicolons', () => {
    const { items: _items, ...withoutItems } = SOURCE_YEAR;
    const draft = draftOverview(withoutItems);
    expect(draft.text.startsWith('年内共办结34项行政服务事项')).toBe(true);
    expect(draft.text.split('；')).toHaveLength(4);
    expect(draft.text.endsWith('公布调查结果1期。')).toBe(true);
  });

  it('leaves out a rate that could not be measured and a type with no proposals', () => {
    const draft = draftOverview({
      serviceCases: { ...SOURCE_YEAR.serviceCases, completionRate: null, byItem: [] },
      proposals: {
        received: figure('proposals.received', '收到', 3),
        byType: {
          deputy: figure('proposals.type:deputy', '人大代表建议', 3),
          member: figure('proposals.type:member', '政协提案', 0),
        },
        satisfactionRate: null,
      },
    });
    expect(draft.text).toBe(
      '年内共办结34项行政服务事项；全年办理市人大代表建议、政协委员提案共3件，其中人大代表建议3件。'
    );
  });

  it('ignores what is not a figure rather than quoting it', () => {
    const draft = draftOverview({
      items: { total: { key: 'items.total', label: '总数', value: 'many' } as never },
      serviceCases: {
        closed: figure('serviceCases.closed', '办结', 2),
        byItem: [null, { key: 'x' }, figure('serviceCases.item:b', '备案', 2)] as never,
        completionRate: Number.NaN,
      },
    });
    expect(draft.text).toBe('年内共办结2项行政服务事项，其中备案2件。');
  });

  it('is empty when no provider has anything to report', () => {
    expect(draftOverview({})).toEqual({ text: '', parts: [], figures: [] });
    expect(
      draftOverview({ items: { total: figure('items.total', '总数', 0), byColumn: [] } })
    ).toEqual({ text: '', parts: [], figures: [] });
  });
});

describe('numbers in the report', () => {
  it('writes counts in Arabic digits without separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1289)).toBe('1289');
  });

  it('writes percentages with one decimal at most, none when whole', () => {
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(97.14)).toBe('97.1%');
    expect(formatPercent(99.96)).toBe('100%');
    expect(formatPercent(33.333)).toBe('33.3%');
    expect(formatPercent(50.05)).toBe('50.1%');
  });
});
