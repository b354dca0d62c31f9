import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import type { ContentTypeUid, DisclosureConfig } from '../../kernel/config';
import type { Actor } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import { contentHash, type Attributes } from '../domain/content-hash';
import type { ReviewRow } from '../../../../shared/review/contracts';
import type { State } from '../../../../shared/review/workflow';

export type { ReviewRow };

export interface RecordInput {
  uid: string;
  documentId: string;
  locale: string;
  action: string;
  from: State;
  to: State;
  actor: Actor;
  reason?: string | null;
  category?: string | null;
  hash?: string | null;
  patch?: Partial<ReviewRow>;
}

/** A version of a document under review, as the Document Service returns it. */
export type Document = Record<string, unknown> & { documentId: string };

/**
 * The review state per document and locale (documentId + locale: Strapi gives a republished row a
 * new id), and its record in the audit trail. The review steps, the publish gate, the file guard
 * and the annual report read and write it here; it calls none of them, so the gate can use it
 * while a step publishes through the Document Service.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  const rows = () => strapi.db.query(UID.review);

  const attributesOf = (uid: ContentTypeUid): Attributes =>
    strapi.contentType(uid).attributes as Attributes;

  const find = async (uid: string, documentId: string, locale: string) =>
    (await rows().findOne({
      where: { itemUid: uid, itemDocumentId: documentId, itemLocale: locale },
    })) as ReviewRow | null;

  /** A version of the document with every relation and component, or null when it has none. */
  const load = async (
    uid: ContentTypeUid,
    documentId: string,
    locale: string,
    status: 'draft' | 'published'
  ): Promise<Document | null> =>
    (await strapi
      .documents(uid)
      .findOne({ documentId, locale, status, populate: '*' })) as Document | null;

  /** The hash of a version's reviewable content, or null when that version does not exist. */
  const hashOf = async (
    uid: ContentTypeUid,
    documentId: string,
    locale: string,
    status: 'draft' | 'published'
  ) => {
    const version = await load(uid, documentId, locale, status);
    return version ? contentHash(version, attributesOf(uid)) : null;
  };

  return {
    /** Whether the content type is under review (plugin setting disclosure.contentTypes). */
    isGated(uid: string): uid is ContentTypeUid {
      return settings().contentTypes.some((gated) => gated === uid);
    },

    /** The review row of a document in one locale, or null when it was never reviewed. */
    find,

    /** The review rows of a document, one per reviewed locale, by locale. */
    async findAll(uid: string, documentId: string): Promise<ReviewRow[]> {
      return (await rows().findMany({
        where: { itemUid: uid, itemDocumentId: documentId },
        orderBy: { itemLocale: 'asc' },
      })) as ReviewRow[];
    },

    load,

    /** The hash of the draft as the review sees it (what a step records and compares). */
    hashOfVersion(uid: ContentTypeUid, version: Document): string {
      return contentHash(version, attributesOf(uid));
    },

    hashOf,

    /**
     * The state of a document in one locale. Without a review row it is `published` when its
     * draft equals its published version (e.g. published before the plugin was enabled), else
     * `draft`. `known` is the row when the caller has read it already.
     */
    async stateOf(
      uid: ContentTypeUid,
      documentId: string,
      locale: string,
      known?: ReviewRow | null
    ): Promise<State> {
      const review = known === undefined ? await find(uid, documentId, locale) : known;
      if (review) return review.state;
      const published = await hashOf(uid, documentId, locale, 'published');
      return published && published === (await hashOf(uid, documentId, locale, 'draft'))
        ? 'published'
        : 'draft';
    },

    /**
     * Writes the new state and its audit entry together, in the caller's transaction if any; the
     * step's mail goes out after the commit.
     */
    async record(input: RecordInput): Promise<void> {
      await strapi.db.transaction(async ({ onCommit }) => {
        const existing = await find(input.uid, input.documentId, input.locale);
        const data = { ...input.patch, state: input.to };
        if (existing) await rows().update({ where: { id: existing.id }, data });
        else {
          await rows().create({
            data: {
              itemUid: input.uid,
              itemDocumentId: input.documentId,
              itemLocale: input.locale,
              ...data,
            },
          });
        }
        await getService(strapi, 'audit').append({
          contentType: input.uid,
          documentId: input.documentId,
          locale: input.locale,
          action: input.action,
          fromState: input.from,
          toState: input.to,
          actorId: input.actor.id,
          actorName: input.actor.name,
          actorRoles: input.actor.roles,
          reason: input.reason ?? null,
          category: input.category ?? null,
          contentHash: input.hash ?? null,
        });
        const review = await find(input.uid, input.documentId, input.locale);
        onCommit(() => {
          // After the commit, outside the request: a slow or failing mail server never holds it up.
          if (review) {
            void getService(strapi, 'notifications').afterStep(
              input.action,
              review,
              input.reason ?? null
            );
          }
        });
      });
    },
  };
};
