import type { Core } from '@strapi/strapi';
import { labelFieldsInChinese } from './catalogue/field-labels';
import { seedCatalogue } from './catalogue/seed-catalogue';
import { closeMediaLibraryApi } from './content-api/media-library';
import { publishedOnlyForContentApi } from './content-api/published-only';
import { setUpResponseCache, stopResponseCache } from './content-api/response-cache';
import { setUpPublicRole } from './content-api/public-permissions';
import { setUpColdReads } from './database/cold-reads';
import { replaceFirstPublishedAtBackfill } from './database/first-published-at-backfill';
import { tuneSqlite } from './database/sqlite-pragmas';
import { registerConsultationArticles } from './consultations/consultation-articles';
import { seedDemo } from './demo';
import { nameStrapiRolesInChinese, staffWorkInChinese } from './i18n/admin-language';
import { setUpContentLocales } from './i18n/locales';
import { registerAnswerPublication } from './inquiries/answer-article';
import { registerReplyPublication } from './proposals/reply-article';
import { registerProactiveConversion } from './requests/proactive-article';
import { registerCatalogueStatistics } from './statistics';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Strapi's firstPublishedAt backfill reads every row on every boot: ours updates what lacks it.
    replaceFirstPublishedAtBackfill(strapi);
    // Drafts never leave the content API, whatever the query says.
    strapi.documents.use(publishedOnlyForContentApi(strapi));
    // … and the media library, which lists drafts' files and entries, is not public either.
    closeMediaLibraryApi(strapi);
    // Staff added later work in 简体中文 from their first login.
    staffWorkInChinese(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // SQLite: write-ahead log, synced at checkpoints (before the seeds below write).
    await tuneSqlite(strapi);
    // The website's published reads from memory, invalidated by every committed write (RESPONSE_CACHE).
    setUpResponseCache(strapi);
    // Website lists: the default order from an index, locales cached, ?column= in the same SQL.
    await setUpColdReads(strapi);
    // 0. The catalogue's figures for the yearly statistics (items, policy documents, interpretations).
    registerCatalogueStatistics(strapi);
    // … and how information released on request becomes a draft proactive item (Art. 44).
    registerProactiveConversion(strapi);
    // … and how a reply to a deputy's suggestion or member's proposal becomes a draft item.
    registerReplyPublication(strapi);
    // … and how a consultation's announcement and feedback summary become draft items (调查征集).
    registerConsultationArticles(strapi);
    // … and how the public Q&A of an answered inquiry becomes a draft item in 监督投诉.
    registerAnswerPublication(strapi);
    // 1. Content locales: zh-Hans (default) and en.
    await setUpContentLocales(strapi);
    // 2. The disclosure catalogue, seeded once.
    const created = await seedCatalogue(strapi);
    if (created.length > 0) strapi.log.info(`[catalogue] seeded ${created.length} columns`);
    // 3. The website's Public role: read the public types, nothing else.
    await setUpPublicRole(strapi);
    // 4. The admin roles of the publishing workflow (编辑, 处室审核人, 保密审查员, 政务公开协调员).
    await disclosureService(strapi, 'roles').ensureWorkflowRoles();
    // 5. The Content Manager labels fields in Chinese; Strapi's roles and tokens get Chinese names.
    await labelFieldsInChinese(strapi);
    await nameStrapiRolesInChinese(strapi);
    // 6. Development demo: the source year from records and a documented first login, seeded
    //    without mailing the staff for each of its hundreds of past steps.
    if (process.env.NODE_ENV !== 'production' && process.env.DEMO_SEED === 'true') {
      await disclosureService(strapi, 'mailer').withoutStaffNotifications(() => seedDemo(strapi));
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopResponseCache(strapi);
  },
};
