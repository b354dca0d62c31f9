import { errors } from '@strapi/utils';

/** Query-string checks the plugin's controllers share: a 400 naming the parameter. */

export const MAX_PAGE_SIZE = 100;

/** Refuses a parameter the endpoint does not take. */
export function acceptOnly(query: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `Unknown query parameter "${unknown[0]}": this endpoint accepts ${allowed.map((key) => `"${key}"`).join(', ')}.`,
      { key: unknown[0] }
    );
  }
}

/** A whole number from the query (or the fallback when absent). */
export function integer(query: Record<string, unknown>, key: string, fallback?: number): number {
  const raw = query[key];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) {
    throw new errors.ValidationError(
      raw === undefined ? `"${key}" is required.` : `"${key}" must be a whole number.`,
      { key }
    );
  }
  return Number(raw);
}

/** `page` (from 1) and `pageSize` (1 to 100, default 25). */
export function pageOf(query: Record<string, unknown>): { page: number; pageSize: number } {
  const page = integer(query, 'page', 1);
  const pageSize = integer(query, 'pageSize', 25);
  if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new errors.ValidationError(
      `"page" starts at 1 and "pageSize" is 1 to ${MAX_PAGE_SIZE}.`,
      { key: page < 1 ? 'page' : 'pageSize' }
    );
  }
  return { page, pageSize };
}
