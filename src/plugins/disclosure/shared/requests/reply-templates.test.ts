import { OUTCOMES } from './outcomes';
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  outcomeLabel,
  unknownPlaceholders,
} from './reply-templates';

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

  it('labels （二） and （三）3 with the exact wording of the national table', () => {
    expect(outcomeLabel('partly')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(outcomeLabel('refused.3')).toBe('（三）不予公开 · 3.危及“三安全一稳定”');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'leaves {{%s}} as written instead of filling it from Object.prototype',
    (name) => {
      expect(fillTemplate(`{{${name}}}：{{title}}`, { title: '某文件' })).toBe(
        `{{${name}}}：某文件`
      );
      expect(outcomeLabel(`${name}.1`)).toBe(`${name}.1`);
    }
  );

  it('fills only the known placeholders, even when more values are passed', () => {
    const values = { title: '某文件', extra: 'x' } as Parameters<typeof fillTemplate>[1];
    expect(fillTemplate('{{extra}} {{title}}', values)).toBe('{{extra}} 某文件');
  });

  it('lists the unknown placeholders of a text once each, in order', () => {
    expect(unknownPlaceholders('{{title}} {{constructor}} {{foo}} {{constructor}}')).toEqual([
      'constructor',
      'foo',
    ]);
    for (const template of DEFAULT_TEMPLATES) {
      expect(unknownPlaceholders(`${template.subject}${template.body}`)).toEqual([]);
    }
  });
});
