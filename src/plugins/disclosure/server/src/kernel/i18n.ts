import type { Core } from '@strapi/strapi';

/** The content locale Strapi's i18n treats as the default (zh-Hans in this app). */
export const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();
