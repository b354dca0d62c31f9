import type { Core } from '@strapi/strapi';
import { columnId, createPublished } from './content';

const ARTICLE = 'api::article.article';

/** The source year's website items (domain.md §6): 165 + 60 + 289 = 514, not the stated 519. */
export const SOURCE_YEAR = {
  year: 2018,
  workNews: 165,
  notices: 60,
  /** Items of the 政务公开 sub-columns, which the city disclosure platform aggregates. */
  platform: { 'department-documents': 120, 'law-enforcement': 100, plans: 40, budgets: 29 },
} as const;

export const PLATFORM_TOTAL = Object.values(SOURCE_YEAR.platform).reduce((a, b) => a + b, 0);

/** `count` instants spread over the Beijing year at 10:00 +08:00, month by month. */
export const spreadOverYear = (year: number, count: number): Date[] =>
  Array.from({ length: count }, (_, index) => {
    const month = Math.floor((index * 12) / count) + 1;
    const day = (index % 28) + 1;
    return new Date(
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00+08:00`
    );
  });

/**
 * Publishes the source year through the real review (as three super admins), dated across 2018;
 * returns the documentIds per column code. `divisions` are assigned round-robin.
 */
export async function replaySourceYear(
  strapi: Core.Strapi,
  divisions: string[]
): Promise<Record<string, string[]>> {
  const plan: Array<[string, number]> = [
    ['work-news', SOURCE_YEAR.workNews],
    ['notices', SOURCE_YEAR.notices],
    ...Object.entries(SOURCE_YEAR.platform),
  ];
  const created: Record<string, string[]> = {};
  let counter = 0;
  for (const [code, count] of plan) {
    const column = await columnId(strapi, code);
    created[code] = [];
    for (const [index, at] of spreadOverYear(SOURCE_YEAR.year, count).entries()) {
      const department = divisions[counter++ % divisions.length];
      created[code].push(
        await createPublished(
          strapi,
          ARTICLE,
          {
            title: `${code} ${index + 1}`,
            column,
            department,
            metadata: { disclosureMode: 'proactive', genre: index % 3 === 0 ? 'notice' : 'report' },
          },
          { firstPublishedAt: at }
        )
      );
    }
  }
  return created;
}
