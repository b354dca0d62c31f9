/** Labels the request screens share: outcome rows of table 三, today's date in Beijing. */
import { REQUEST_ROWS } from '../../../../server/src/domain/annual-report/format-2021';
import { beijingDate } from '../../../../server/src/domain/beijing-time';

const ROW_LABELS = new Map(REQUEST_ROWS.map((row) => [row.key, row.label]));

/**
 * The table 三 row of an outcome key, as the annual report names it: `refused.4` →
 * "（三）不予公开 · 4.保护第三方合法权益". The national table's wording, in every admin language.
 */
export const outcomeLabel = (outcome: string | null | undefined): string => {
  if (!outcome) return '—';
  const [group, number] = outcome.split('.');
  const groupLabel = ROW_LABELS.get(group) ?? group;
  return number ? `${groupLabel} · ${ROW_LABELS.get(outcome) ?? number}` : groupLabel;
};

/** Today in Beijing, YYYY-MM-DD: the default of every date in the action forms. */
export const todayInBeijing = (): string => beijingDate(new Date());

/** The path of a request's page inside the admin (router path, under /admin). */
export const requestPath = (trackingNumber?: string) =>
  `/plugins/disclosure/requests${trackingNumber ? `/${encodeURIComponent(trackingNumber)}` : ''}`;

/** A calendar date some days later (YYYY-MM-DD). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A reply template with the placeholders given filled in; others (`{{bureau}}`) stay for the server. */
export const fillTemplate = (text: string, values: Record<string, string>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in values ? values[name] : placeholder
  );

/** A date as the reply letter writes it: 2026-11-24 → 2026年11月24日 (as the server fills it). */
export const chineseDate = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** The Content Manager's edit view of an item (router path, under /admin). */
export const editViewPath = (item: { contentType: string; documentId: string; locale: string }) =>
  `/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;
