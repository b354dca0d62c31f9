/** The Content Manager's edit view of an item (router path, under /admin). */
export const editViewPath = (item: {
  contentType: string;
  documentId: string;
  locale?: string | null;
}) =>
  `/content-manager/collection-types/${item.contentType}/${item.documentId}` +
  (item.locale ? `?plugins[i18n][locale]=${item.locale}` : '');
