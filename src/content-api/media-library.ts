import type { Core } from '@strapi/strapi';

interface Route {
  config?: { policies?: unknown[] } & Record<string, unknown>;
}

export const MEDIA_LIBRARY_REFUSED =
  'The media library is not public: files reach the website through the published items that use them.';

/**
 * The upload plugin's content-API routes (`/api/upload/files…`, `POST /api/upload`) list every
 * file of the media library with the entries each is attached to — drafts and never-published
 * items included — and a read-only token gets them (Strapi gives it every `find`). The website
 * never needs them: a file reaches it through the published item that uses it. Only a full-access
 * token (a trusted integration) may call them; everyone else gets 403 with the reason.
 */
export function closeMediaLibraryApi(strapi: Core.Strapi): void {
  const routes = (strapi.plugin('upload').routes as unknown as Record<string, { routes: Route[] }>)[
    'content-api'
  ].routes;
  for (const route of routes) {
    route.config = {
      ...route.config,
      policies: [
        ...(route.config?.policies ?? []),
        { name: 'global::trusted-integration-only', config: { reason: MEDIA_LIBRARY_REFUSED } },
      ],
    };
  }
}
