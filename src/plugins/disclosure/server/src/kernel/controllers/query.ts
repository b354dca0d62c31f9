import { yup } from '@strapi/utils';
import { pageParameters, queryOf, validateKeyed } from '../validation';

/** The query checks of kernel/validation.ts for controllers that read their query by hand. */

/** Refuses a parameter the endpoint does not take. */
export function acceptOnly(query: Record<string, unknown>, allowed: readonly string[]): void {
  validateKeyed(queryOf(Object.fromEntries(allowed.map((key) => [key, yup.mixed()]))))(query);
}

const validatePage = validateKeyed(yup.object(pageParameters(25)));

/** `page` (from 1) and `pageSize` (1 to 100, default 25); other parameters are not looked at. */
export function pageOf(query: Record<string, unknown>): { page: number; pageSize: number } {
  const { page, pageSize } = validatePage({ page: query.page, pageSize: query.pageSize });
  return { page, pageSize };
}
