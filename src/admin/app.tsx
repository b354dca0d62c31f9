import type { StrapiApp } from '@strapi/strapi/admin';
import zhHans from './translations/zh-Hans.json';

// The bureau works in Chinese: 简体中文 is the admin's language until a user picks another
// (Strapi keeps the choice in localStorage, and a user's profile language wins at login).
const LANGUAGE_KEY = 'strapi-admin-language';

// Strapi's "Introducing the new Media Library … Read blog post" banner has no config switch: it
// shows until dismissed, and remembers the dismissal in localStorage under a key scoped by the
// project's uuid (`strapi.uuid` in package.json; this app has none, so the scope is `false`, and
// `undefined` until /admin/init answers). We dismiss it for both of its messages in advance.
const MEDIA_LIBRARY_BANNER_KEYS = ['true', 'false'].flatMap((legacy) =>
  ['false', 'undefined'].map(
    (scope) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`
  )
);

if (typeof window !== 'undefined') {
  if (!window.localStorage.getItem(LANGUAGE_KEY)) {
    window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
  }
  for (const key of MEDIA_LIBRARY_BANNER_KEYS) window.localStorage.setItem(key, 'true');
}

export default {
  config: {
    locales: ['zh-Hans'],
    // Keys Strapi's own zh-Hans leaves out (or in English), the content types' bilingual names
    // shortened to their Chinese part: docs/decisions/0032-admin-in-chinese.md.
    translations: { 'zh-Hans': zhHans },
    // No upstream promotions: the "new release" notice (a call to GitHub) and the tutorial links.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
