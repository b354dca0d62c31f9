/** Where the admin's pages are, for links between them. */
import { PLUGIN_ID } from './plugin-id';

/** The Content Manager's edit view of an item (router path, under /admin). */
export const editViewPath = (item: {
  contentType: string;
  documentId: string;
  locale?: string | null;
}) =>
  `/content-manager/collection-types/${item.contentType}/${item.documentId}` +
  (item.locale ? `?plugins[i18n][locale]=${item.locale}` : '');

/**
 * The path of a request's page under 依申请公开 (router path, under /admin): the requests module's
 * lists link there, and so does the statistics drill-down (a request is not in the Content Manager).
 */
export const requestPath = (trackingNumber?: string) =>
  `/plugins/${PLUGIN_ID}/requests${trackingNumber ? `/${encodeURIComponent(trackingNumber)}` : ''}`;
