import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingYear } from '../../../../shared/kernel/dates';
import { formatIndexNumber } from '../../kernel/domain/index-number';
import { serialize } from '../../kernel/services/locks';

interface IndexRow {
  value: string;
  serial: number;
}

/**
 * 索引号: one per document (all its locales), assigned at first publication, in the Beijing-time
 * year of that publication, with a serial per publisher per year. Never changes, never reused:
 * the allocation table keeps every number ever given, with unique constraints on the number,
 * the serial and the document, and allocations from all app processes take turns on a lock.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  const rows = () => strapi.db.query(UID.indexNumber);

  const find = async (itemUid: string, documentId: string): Promise<string | null> => {
    const row = (await rows().findOne({
      where: { itemUid, itemDocumentId: documentId },
    })) as IndexRow | null;
    return row?.value ?? null;
  };

  return {
    /** The document's 索引号, or null when it was never published. */
    find,

    /** The document's 索引号, allocated now (dated `publishedAt`) when it has none yet. */
    async allocate(
      itemUid: string,
      documentId: string,
      publishedAt: Date = new Date()
    ): Promise<string> {
      const existing = await find(itemUid, documentId);
      if (existing) return existing;
      const { orgCode, indexPattern } = settings();
      const year = beijingYear(publishedAt);
      return serialize(strapi, `disclosure-index:${orgCode}:${year}`, async () => {
        const raced = await find(itemUid, documentId);
        if (raced) return raced;
        const last = (await rows().findOne({
          where: { orgCode, year },
          orderBy: { serial: 'desc' },
          select: ['serial'],
        })) as IndexRow | null;
        const serial = (last ? Number(last.serial) : 0) + 1;
        const value = formatIndexNumber(indexPattern, { orgCode, year, serial });
        await rows().create({
          data: { itemUid, itemDocumentId: documentId, orgCode, year, serial, value },
        });
        return value;
      });
    },
  };
};
