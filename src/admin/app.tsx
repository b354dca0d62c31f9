import type { StrapiApp } from '@strapi/strapi/admin';

// The bureau works in Chinese: 简体中文 is the admin's language until a user picks another
// (Strapi keeps the choice in localStorage, and a user's profile language wins at login).
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
}

export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap(_app: StrapiApp) {},
};
