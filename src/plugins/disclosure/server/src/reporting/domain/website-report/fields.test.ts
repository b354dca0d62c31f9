import {
  WEBSITE_REPORT_FIELDS,
  missingFields,
} from '../../../../../shared/reporting/website-report/format';
import { figureValuesFor, websiteEntryProblem, websiteReportCells } from './fields';

const computed = (figure: string) => figure.startsWith('items.');

describe('the values of the figures a 报表 is computed from', () => {
  it('takes { key, value } figures anywhere in a section, and a measure given by its name', () => {
    const sections = {
      items: { total: { key: 'items.total', label: '总数', value: 12 }, byColumn: [] },
      inquiries: {
        received: { key: 'inquiries.received', label: '收到', value: 4 },
        averageWorkingDays: 2.5,
      },
      consultations: { averageDays: null },
    };
    expect(
      figureValuesFor(sections, [
        'items.total',
        'inquiries.averageWorkingDays',
        'consultations.averageDays',
        'inquiries.publicAnswers',
      ])
    ).toEqual(
      new Map<string, number | null>([
        ['items.total', 12],
        ['inquiries.averageWorkingDays', 2.5],
        ['consultations.averageDays', null],
        ['inquiries.publicAnswers', 0],
      ])
    );
  });
});

describe('the fields of a 报表', () => {
  it('are the computed value where there is one, else entered now, else stored', () => {
    const cells = websiteReportCells(
      new Map([['publishing.total', { value: 7, source: 'computed', figure: 'items.total' }]]),
      {
        'topics.opened': { value: 2, source: 'entered' },
        'publishing.total': { value: 99, source: 'entered' },
      },
      { 'site.name': '示范市工业和信息化局网站' }
    );
    expect(cells['publishing.total']).toEqual({
      value: 7,
      source: 'computed',
      figure: 'items.total',
    });
    expect(cells['topics.opened']).toEqual({ value: 2, source: 'entered' });
    expect(cells['site.name']).toEqual({ value: '示范市工业和信息化局网站', source: 'entered' });
    expect(cells['security.drills']).toEqual({ value: null, source: 'entered' });
    expect(Object.keys(cells)).toHaveLength(WEBSITE_REPORT_FIELDS.length);
  });

  it('are missing while a required entered field is empty, never a computed one', () => {
    const cells = websiteReportCells(
      new Map([
        [
          'interaction.averageDays',
          { value: null, source: 'computed', figure: 'inquiries.averageWorkingDays' },
        ],
      ]),
      {},
      { 'site.name': '  ' }
    );
    const missing = missingFields(cells).map((field) => field.key);
    expect(missing).toContain('site.name');
    expect(missing).toContain('security.drills');
    expect(missing).not.toContain('interaction.averageDays');
    // Optional: a site may have no 微博 account.
    expect(missing).not.toContain('media.weiboPosts');
  });
});

describe('what the coordinator may enter', () => {
  it.each([
    [{ 'topics.opened': 3, 'security.drills': true, 'site.siteType': '部门网站' }, null],
    [{ 'topics.opened': null, 'signoff.date': '2025-01-20' }, null],
    [{ 'publishing.total': 5 }, 'publishing.total'],
    [{ 'topics.opened': 'three' }, 'topics.opened'],
    [{ 'topics.opened': -1 }, 'topics.opened'],
    [{ 'topics.opened': 1.5 }, 'topics.opened'],
    [{ 'interaction.averageDays': 2.5 }, null],
    [{ 'interaction.averageDays': -0.5 }, 'interaction.averageDays'],
    [{ 'security.drills': 'yes' }, 'security.drills'],
    [{ 'security.drills': 1 }, 'security.drills'],
    [{ 'site.siteType': '门户' }, 'site.siteType'],
    [{ 'site.name': 42 }, 'site.name'],
    [{ 'signoff.date': '2025-02-30' }, 'signoff.date'],
    [{ 'media.other': 'x'.repeat(2001) }, 'media.other'],
    [{ 'nope.field': 1 }, 'nope.field'],
  ])('%j → refused at %s', (entries, field) => {
    const problem = websiteEntryProblem(entries, computed);
    expect(problem?.field ?? null).toBe(field);
    if (problem) expect(problem.message).toContain(`"${field}"`);
  });

  it('names the figure when a computed field is entered', () => {
    expect(websiteEntryProblem({ 'publishing.news': 1 }, computed)?.message).toBe(
      'Field "publishing.news" (政务动态信息更新量) is computed from records (items.websiteCategory:news) and cannot be entered.'
    );
  });

  it('lets a field be entered while its provider is not registered', () => {
    expect(websiteEntryProblem({ 'interaction.messagesReceived': 12 }, computed)).toBeNull();
  });
});
