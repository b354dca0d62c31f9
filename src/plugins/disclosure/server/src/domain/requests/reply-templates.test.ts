import { OUTCOMES } from './outcomes';
import { DEFAULT_TEMPLATES, fillTemplate, outcomeLabel } from './reply-templates';

describe('reply templates', () => {
  it('has one template per outcome of table 三, each citing an article of the 条例', () => {
    expect(DEFAULT_TEMPLATES.map((template) => template.outcome)).toEqual(OUTCOMES);
    for (const template of DEFAULT_TEMPLATES) {
      expect(template.article).toMatch(
        /^《中华人民共和国政府信息公开条例》第[一二三四五六七八九十]+条/
      );
      expect(template.body).toContain('{{trackingNumber}}');
    }
    expect(DEFAULT_TEMPLATES.find((t) => t.outcome === 'refused.4')!.article).toContain('第十五条');
    expect(DEFAULT_TEMPLATES.find((t) => t.outcome === 'partly')!.article).toContain('第三十七条');
  });

  it('labels outcomes as table 三 does', () => {
    expect(outcomeLabel('disclosed')).toBe('（一）予以公开');
    expect(outcomeLabel('refused.4')).toBe('（三）不予公开 · 4.保护第三方合法权益');
    expect(outcomeLabel('otherHandling.1')).toMatch(
      /^（六）其他处理 · 1\.申请人无正当理由逾期不补正/
    );
  });

  it('fills placeholders and leaves unknown ones for the editor to see', () => {
    const template = DEFAULT_TEMPLATES.find((t) => t.outcome === 'refused.4')!;
    const body = fillTemplate(template.body, {
      applicantName: '张三',
      trackingNumber: 'YSQ20261102-000001',
      title: '某企业环评报告',
      receivedOn: '2026年11月2日',
      reason: '涉及企业商业秘密',
      article: template.article,
      bureau: '示范市工业和信息化局',
      replyDate: '2026年11月27日',
    });
    expect(body).toContain('张三：');
    expect(body).toContain('根据《中华人民共和国政府信息公开条例》第十五条的规定，不予公开');
    expect(body).not.toContain('{{');
    expect(fillTemplate('{{unknown}} {{title}}', { title: 'x' })).toBe('{{unknown}} x');
  });
});
