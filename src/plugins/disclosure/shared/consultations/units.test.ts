import { numberOf, splitDraft } from './units';

describe('numberOf', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零三', 103],
    ['一百一十', 110],
    ['12', 12],
  ])('%s is %d', (numeral, value) => expect(numberOf(numeral)).toBe(value));

  it('is null for what is no number', () => {
    expect(numberOf('甲')).toBeNull();
    expect(numberOf('零')).toBeNull();
  });
});

describe('splitDraft', () => {
  it('splits a draft with articles by article, multi-paragraph articles kept whole', () => {
    const result = splitDraft(
      [
        '为促进中小企业发展，制定本措施。',
        '第一章 总则',
        '第一条 本措施适用于本市中小企业。',
        '第二条　市工业和信息化局负责组织实施。',
        '各区县应当配合。',
        '第二章 支持措施',
        '第十条 设立专项资金。',
      ].join('\n')
    );
    expect(result).toEqual({
      ok: true,
      units: [
        { anchor: 'preamble', label: '序言', text: '为促进中小企业发展，制定本措施。' },
        {
          anchor: 'art-1',
          label: '第一条',
          text: '第一条 本措施适用于本市中小企业。',
          heading: '第一章 总则',
        },
        {
          anchor: 'art-2',
          label: '第二条',
          text: '第二条　市工业和信息化局负责组织实施。\n各区县应当配合。',
        },
        {
          anchor: 'art-10',
          label: '第十条',
          text: '第十条 设立专项资金。',
          heading: '第二章 支持措施',
        },
      ],
    });
  });

  it('splits a draft without articles by paragraph', () => {
    const result = splitDraft('一、总体要求\n\n二、主要任务\r\n三、保障措施');
    expect(result.ok && result.units.map((unit) => [unit.anchor, unit.label])).toEqual([
      ['p-1', '第1段'],
      ['p-2', '第2段'],
      ['p-3', '第3段'],
    ]);
  });

  it('refuses an empty draft, a draft of headings and two articles with one number', () => {
    expect(splitDraft(' \n ')).toMatchObject({ ok: false });
    expect(splitDraft('第一章 总则')).toMatchObject({ ok: false });
    expect(splitDraft('第一条 甲\n第1条 乙')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('two articles numbered 1'),
    });
  });
});
