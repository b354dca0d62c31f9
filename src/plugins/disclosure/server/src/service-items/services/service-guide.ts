import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toIso } from '../../../../shared/kernel/dates';
import {
  LIFECYCLES,
  ONLINE_DEPTHS,
  SERVICE_ITEM_TYPES,
  type Lifecycle,
  type ServiceItemType,
} from '../../../../shared/service-items/catalogue';
import type {
  PublicServiceItem,
  PublicServiceItemList,
} from '../../../../shared/service-items/contracts';
import {
  divisions,
  documents,
  publishedOf,
  withdrawalOf,
  type Division,
  type ItemRow,
} from './item-records';

/** An item's published version as the website shows it. */
const publicView = (row: ItemRow, names: Map<string, Division>): PublicServiceItem => {
  const division = row.division ? names.get(row.division) : undefined;
  return {
    documentId: row.documentId,
    name: row.name ?? '',
    itemType: row.itemType,
    itemTypeLabel: SERVICE_ITEM_TYPES[row.itemType],
    division: division ? { name: division.name, code: division.code } : null,
    legalBasis: row.legalBasis ?? '',
    conditions: row.conditions ?? '',
    materials: row.materials ?? '',
    location: row.location ?? '',
    hours: row.hours ?? '',
    phone: row.phone ?? '',
    process: row.process ?? '',
    legalDays: row.legalDays ?? null,
    promisedDays: row.promisedDays ?? null,
    fees: row.fees ?? null,
    onlineUrl: row.onlineUrl ?? null,
    onlineDepth: row.onlineDepth ?? null,
    onlineDepthLabel: row.onlineDepth ? ONLINE_DEPTHS[row.onlineDepth] : null,
    lifecycle: row.lifecycle,
    lifecycleLabel: LIFECYCLES[row.lifecycle],
    isWithdrawn: row.lifecycle === 'withdrawn',
    withdrawal: withdrawalOf(row),
    history: row.history ?? [],
    publishedAt: toIso(row.publishedAt),
  };
};

/**
 * The website's read side of the service catalogue (办事指南): published versions only, never a
 * draft, an item never published or changes not yet published.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The website's service guide: published versions only, so a draft, an item never published
   * and changes not yet published cannot be found, filtered, sorted or counted.
   */
  async publicList(query: {
    type?: ServiceItemType;
    division?: string;
    lifecycle?: Lifecycle;
    q?: string;
    page: number;
    pageSize: number;
  }): Promise<PublicServiceItemList> {
    const names = await divisions(strapi);
    const filters: Record<string, unknown> = {};
    if (query.type) filters.itemType = query.type;
    if (query.lifecycle) filters.lifecycle = query.lifecycle;
    if (query.q) filters.name = { $containsi: query.q };
    const pagination = (total: number) => ({
      pagination: {
        page: query.page,
        pageSize: query.pageSize,
        total,
        pageCount: Math.ceil(total / query.pageSize),
      },
    });
    if (query.division) {
      const division = [...names.values()].find((entry) => entry.code === query.division);
      // An unknown division has no items (the filter must not fall away).
      if (!division) return { data: [], meta: pagination(0) };
      filters.division = division.documentId;
    }
    const [rows, total] = await Promise.all([
      documents(strapi).findMany({
        status: 'published',
        filters: filters as never,
        sort: ['name:asc', 'id:asc'],
        start: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      documents(strapi).count({ status: 'published', filters: filters as never }),
    ]);
    return {
      data: (rows as unknown as ItemRow[]).map((row) => publicView(row, names)),
      meta: pagination(total),
    };
  },

  /** One published item for the website, or 404 (also for drafts and items never published). */
  async publicShow(documentId: string): Promise<PublicServiceItem> {
    const row = await publishedOf(strapi, documentId);
    if (!row) throw new errors.NotFoundError('No such service item.');
    return publicView(row, await divisions(strapi));
  },
});
