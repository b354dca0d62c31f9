import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { coversDivision } from '../../kernel/domain/divisions';
import type { AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type { ContentTypeUid } from '../../kernel/config';
import type { ReviewRow } from './review-state';
import { defaultLocale } from '../../kernel/i18n';

/** The division (处室) an item belongs to. */
export interface ItemDivision {
  documentId: string;
  name: string;
}

/**
 * Which division (处室) each item under review belongs to, and which staff see it. A division
 * belongs to the document, not to one language version (Strapi keeps a relation per locale, and
 * an English version cannot even link a division that exists only in Chinese).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Whether items of the type belong to divisions: it has a `department` relation. */
  const hasDivisions = (uid: string): uid is ContentTypeUid =>
    'department' in
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {});

  /**
   * The division of each document, taken from the default locale's draft when it has one, else
   * from the first other locale's that does. Documents of no division are absent from the map.
   */
  const divisionsOf = async (
    uid: string,
    documentIds: string[]
  ): Promise<Map<string, ItemDivision>> => {
    const divisions = new Map<string, ItemDivision>();
    if (!hasDivisions(uid) || documentIds.length === 0) return divisions;
    const mainLocale = await defaultLocale(strapi);
    const rows = (await strapi.db.query(uid).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: null },
      select: ['documentId', 'locale'],
      populate: { department: { select: ['documentId', 'name'] } },
    })) as Array<{ documentId: string; locale: string | null; department?: ItemDivision | null }>;
    const rank = (locale: string | null) => (locale === mainLocale ? '' : (locale ?? '~'));
    rows.sort((a, b) => rank(a.locale).localeCompare(rank(b.locale)));
    for (const row of rows) {
      if (row.department && !divisions.has(row.documentId)) {
        divisions.set(row.documentId, {
          documentId: row.department.documentId,
          name: row.department.name,
        });
      }
    }
    return divisions;
  };

  /** The division an item belongs to, in whichever of its locales it was set, or null. */
  const divisionOfItem = async (uid: string, documentId: string) =>
    (await divisionsOf(uid, [documentId])).get(documentId) ?? null;

  return {
    divisionsOf,
    divisionOfItem,

    /**
     * Whether the user may see the item's review at all: a user with a division sees the items
     * that division covers (coversDivision), and only items that exist; a user with no division
     * sees every item of a type under review.
     */
    async canSeeRecord(user: AdminUser, uid: string, documentId: string): Promise<boolean> {
      if (!getService(strapi, 'review-state').isGated(uid)) return false;
      const division = await getService(strapi, 'staff').divisionOf(user.id);
      if (division === null) return true;
      const exists = await strapi.db.query(uid).count({ where: { documentId } });
      if (!exists) return false;
      const owner = await divisionOfItem(uid, documentId);
      return coversDivision(division, owner?.documentId ?? null);
    },

    /**
     * The one answer for an item the user may not see and for an item that does not exist: a 403
     * would confirm that it exists and belongs to another division, and its state would tell more.
     */
    unseen(uid: string, documentId: string) {
      return new errors.NotFoundError(
        `No item ${documentId} of ${uid} under review that you can see.`
      );
    },

    /**
     * The documents of this type that belong to `division` but have a language version carrying
     * no division of its own: what the Content Manager's 本处室 condition adds to the rows that
     * name the division themselves.
     */
    async documentsOfDivisionWithoutOwn(uid: string, division: string): Promise<string[]> {
      if (!hasDivisions(uid)) return [];
      const bare = (await strapi.db.query(uid).findMany({
        where: { publishedAt: null, department: { id: { $null: true } } },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      const divisions = await divisionsOf(uid, [...new Set(bare.map((row) => row.documentId))]);
      return [...divisions]
        .filter(([, owner]) => owner.documentId === division)
        .map(([documentId]) => documentId);
    },

    /**
     * Gives review rows recorded without a division (language versions reviewed before divisions
     * belonged to the document) their document's division, so division queues list them right.
     */
    async assignDocumentDivisions(): Promise<number> {
      const rows = strapi.db.query(UID.review);
      const orphans = (await rows.findMany({
        where: { department: null },
        select: ['id', 'itemUid', 'itemDocumentId'],
      })) as Array<Pick<ReviewRow, 'id' | 'itemUid' | 'itemDocumentId'>>;
      let assigned = 0;
      for (const uid of new Set(orphans.map((row) => row.itemUid))) {
        const ofType = orphans.filter((row) => row.itemUid === uid);
        const divisions = await divisionsOf(
          uid,
          ofType.map((row) => row.itemDocumentId)
        );
        for (const row of ofType) {
          const division = divisions.get(row.itemDocumentId);
          if (!division) continue;
          await rows.update({ where: { id: row.id }, data: { department: division.documentId } });
          assigned += 1;
        }
      }
      return assigned;
    },
  };
};
