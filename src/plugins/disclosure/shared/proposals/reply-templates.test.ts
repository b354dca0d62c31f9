import {
  DEFAULT_PROPOSAL_TEMPLATES,
  chineseDate,
  fillProposalTemplate,
  unknownProposalPlaceholders,
} from './reply-templates';

describe('the reply letters to suggestions and proposals', () => {
  it('use only known placeholders in the default wording', () => {
    for (const template of Object.values(DEFAULT_PROPOSAL_TEMPLATES)) {
      expect(unknownProposalPlaceholders(template.subject + template.body)).toEqual([]);
    }
  });

  it('address deputies as 代表 and members as 委员, filled from the case', () => {
    const values = {
      proposers: '王建国',
      term: '市十六届人大',
      meeting: '二次会议',
      number: '12',
      title: '关于加大技术改造支持力度的建议',
      answer: '已安排专项资金。',
      resultClass: 'A类',
      replyDate: chineseDate('2018-06-05'),
      bureau: '示范市工业和信息化局',
    };
    const deputy = fillProposalTemplate(DEFAULT_PROPOSAL_TEMPLATES.deputy.body, values);
    expect(deputy.startsWith('王建国代表：')).toBe(true);
    expect(deputy).toContain('第12号建议《关于加大技术改造支持力度的建议》');
    expect(deputy).toContain('2018年6月5日');
    expect(deputy).not.toMatch(/\{\{/);
    const member = fillProposalTemplate(DEFAULT_PROPOSAL_TEMPLATES.member.body, values);
    expect(member.startsWith('王建国委员：')).toBe(true);
    expect(fillProposalTemplate('{{kindLabel}} {{nope}}', {})).toBe('{{kindLabel}} {{nope}}');
  });
});
