import type { Core } from '@strapi/strapi';
import { reviewAndPublish } from './review';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

type Data = Record<string, unknown>;
type Uid = Parameters<Core.Strapi['documents']>[0];

/** The documentId of the column with this code. */
export async function columnId(strapi: Core.Strapi, code: string): Promise<string> {
  const column = await strapi
    .documents('api::column.column')
    .findFirst({ filters: { code }, locale: 'zh-Hans' });
  if (!column) throw new Error(`no column ${code}`);
  return column.documentId;
}

/** Creates a draft in `locale` (zh-Hans by default); returns its documentId. */
export async function createDraft(
  strapi: Core.Strapi,
  uid: Uid,
  data: Data,
  locale = 'zh-Hans'
): Promise<string> {
  const created = await strapi.documents(uid).create({ locale, data: data as never });
  return created.documentId;
}

/**
 * Creates and publishes a document — through the whole review for the types under review (with
 * minimal catalogue metadata when none is given); `firstPublishedAt` dates its first publication
 * (as an import of older records would). Returns its documentId.
 */
export async function createPublished(
  strapi: Core.Strapi,
  uid: Uid,
  data: Data,
  { locale = 'zh-Hans', firstPublishedAt }: { locale?: string; firstPublishedAt?: Date } = {}
): Promise<string> {
  const attributes = strapi.contentType(
    uid as Parameters<Core.Strapi['contentType']>[0]
  ).attributes;
  const withMetadata =
    'metadata' in attributes && data.metadata === undefined
      ? { ...data, metadata: { disclosureMode: 'proactive' } }
      : data;
  const documentId = await createDraft(strapi, uid, withMetadata, locale);
  if (disclosureService(strapi, 'review-state').isGated(uid)) {
    await reviewAndPublish(strapi, uid, documentId, locale);
  } else {
    await strapi.documents(uid).publish({ documentId, locale });
  }
  if (firstPublishedAt) {
    await strapi.db
      .query(uid)
      .updateMany({ where: { documentId, locale }, data: { firstPublishedAt } });
  }
  return documentId;
}

/** A content-API token of the given type; returns the secret the caller sends as Bearer. */
export async function createApiToken(
  strapi: Core.Strapi,
  type: 'read-only' | 'full-access'
): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `${type} ${Math.random().toString(36).slice(2)}`,
    description: '',
    type,
    lifespan: null,
  });
  return token.accessKey as string;
}
