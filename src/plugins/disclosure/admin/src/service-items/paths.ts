import { PLUGIN_ID } from '../kernel/plugin-id';

/** The service pages (router paths under /admin). */
export const servicePath = (rest = '') => `/plugins/${PLUGIN_ID}/service-cases${rest}`;
export const casePath = (caseNumber: string) => servicePath(`/${encodeURIComponent(caseNumber)}`);
export const itemPath = (documentId: string) => servicePath(`/items/${documentId}`);
