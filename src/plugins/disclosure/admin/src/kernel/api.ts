/** What the pages need from failed requests and downloaded files. */
import { isFetchError } from '@strapi/strapi/admin';

/** The server's sentence for a failed request, or the error's own message. */
export const errorMessage = (error: unknown): string => {
  if (isFetchError(error)) return error.response?.data.error.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
};

export const statusOf = (error: unknown): number | undefined =>
  isFetchError(error) ? (error.status ?? error.response?.data.error.status) : undefined;

/** The file name of a Content-Disposition header, or null. */
export const fileNameOf = (disposition: string | null | undefined): string | null => {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
};

/** Hands a downloaded file to the browser as a download. */
export const saveFile = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
