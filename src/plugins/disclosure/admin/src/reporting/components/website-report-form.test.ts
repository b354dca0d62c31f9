import { websiteReportField } from '../../../../shared/reporting/website-report/format';
import { enteredOf, unreadableFields, valueOf } from './website-report-form';

const field = (key: string) => websiteReportField(key)!;

describe('what the coordinator types into the 报表', () => {
  it.each([
    ['topics.opened', '3', 3],
    ['topics.opened', ' ', null],
    ['topics.opened', '2.5', undefined],
    ['topics.opened', '-1', undefined],
    ['interaction.averageDays', '2.5', 2.5],
    ['security.drills', 'true', true],
    ['security.drills', 'false', false],
    ['security.drills', 'yes', undefined],
    ['site.siteType', '部门网站', '部门网站'],
    ['site.siteType', '门户', undefined],
    ['signoff.date', '2025-01-20', '2025-01-20'],
    ['site.name', '示范网站', '示范网站'],
  ])('%s ← %j is %j', (key, text, value) => {
    expect(valueOf(field(key), text)).toEqual(value);
  });

  it('saves the readable fields and lists the others', () => {
    const form = { 'topics.opened': '3', 'topics.maintained': 'x', 'security.drills': '' };
    expect(enteredOf(form)).toEqual({ 'topics.opened': 3, 'security.drills': null });
    expect(unreadableFields(form)).toEqual(['topics.maintained']);
  });
});

describe('the English labels of the 报表', () => {
  it('name every field and section', async () => {
    const en = (await import('../translations/en.json')).default as Record<string, string>;
    const { WEBSITE_REPORT_FIELDS, WEBSITE_REPORT_SECTIONS } =
      await import('../../../../shared/reporting/website-report/format');
    const unnamed = [
      ...WEBSITE_REPORT_FIELDS.map((f) => `website.field.${f.key}`),
      ...WEBSITE_REPORT_SECTIONS.map((s) => `website.section.${s.key}`),
      ...WEBSITE_REPORT_FIELDS.flatMap((f) => (f.group ? [`website.group.${f.group}`] : [])),
    ].filter((key) => !en[key]);
    expect(unnamed).toEqual([]);
  });
});
