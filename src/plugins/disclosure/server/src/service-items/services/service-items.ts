import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toDateOnly } from '../../../../shared/kernel/dates';
import type {
  ServiceItemAdminView,
  ServiceItemChoice,
  ServiceItemInput,
} from '../../../../shared/service-items/contracts';
import { coversDivision } from '../../kernel/domain/divisions';
import type { CatalogueEntry } from '../domain/csv-import';
import { guideHash, isPending } from '../domain/review';
import type { ReviewRow } from '../publication-guard';
import {
  adminView,
  authorsOf,
  divisions,
  documents,
  editable,
  locked,
  publishedOf,
  record,
  reviews,
  showItem,
  voidIfEdited,
  type Division,
  type ItemRow,
  type Viewer,
} from './item-records';

export type { ItemRow, Viewer } from './item-records';

/**
 * The service catalogue (政务服务事项): staff keep each item's 办事指南 as a draft and publish it
 * (a guide lacking a required field is refused, naming the fields); publishing again records what
 * changed, and a withdrawal (取消 / 下放 / 上级收回) keeps the item on the website, marked, with
 * its history. The website reads published versions only.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const checkDivision = async (division: string | null | undefined) => {
    if (!division) return;
    if (!(await divisions(strapi)).has(division)) {
      throw new errors.ValidationError(`"division": no published division (处室) ${division}.`, {
        key: 'division',
      });
    }
  };

  return {
    /** Every item, drafts included, for the staff's catalogue page (ordered by name). */
    async list(viewer: Viewer | null = null): Promise<ServiceItemAdminView[]> {
      const drafts = (await documents(strapi).findMany({
        status: 'draft',
        sort: ['name:asc', 'id:asc'],
      })) as unknown as ItemRow[];
      const published = (await documents(strapi).findMany({
        status: 'published',
      })) as unknown as ItemRow[];
      const byId = new Map(published.map((row) => [row.documentId, row]));
      // The latest review of each item (ascending ids: the last one wins).
      const latest = new Map<string, ReviewRow>();
      for (const review of (await reviews(strapi).findMany({
        orderBy: { id: 'asc' },
      })) as ReviewRow[]) {
        latest.set(review.item, review);
      }
      const names = await divisions(strapi);
      // The authors matter only while a review waits (a few items), so only those are read.
      const authors = new Map<string, number[]>();
      for (const [item, review] of latest) {
        if (isPending(review.state)) authors.set(item, await authorsOf(strapi, item));
      }
      return drafts.map((draft) =>
        adminView(
          draft,
          byId.get(draft.documentId) ?? null,
          names,
          latest.get(draft.documentId) ?? null,
          viewer,
          authors.get(draft.documentId) ?? []
        )
      );
    },

    /** The divisions an item may be carried out by (published), by code. */
    async divisionChoices(): Promise<Division[]> {
      return [...(await divisions(strapi)).values()].sort((a, b) => a.code.localeCompare(b.code));
    },

    /** One item as staff see it (with its review and the steps `viewer` may take), or 404. */
    async show(documentId: string, viewer: Viewer | null = null): Promise<ServiceItemAdminView> {
      return showItem(strapi, documentId, viewer);
    },

    /** A new item, as a draft; it belongs to the creator's division unless another is named. */
    async create(input: ServiceItemInput, viewer: Viewer): Promise<ServiceItemAdminView> {
      const { division, actor } = viewer;
      const data = { ...input, division: input.division ?? division };
      if (division && data.division !== division) {
        throw new errors.PolicyError('You can add service items of your own division only.');
      }
      await checkDivision(data.division);
      const created = (await documents(strapi).create({
        data: { ...data, lifecycle: 'in_force', history: [] } as never,
        status: 'draft',
      })) as unknown as ItemRow;
      await record(strapi, created, 'service_item_created', actor);
      return this.show(created.documentId, viewer);
    },

    /**
     * Saves the draft's guide (the website keeps the published version until it is published). A
     * review under way of another text is void: the edited draft must be submitted again.
     */
    async update(
      documentId: string,
      input: ServiceItemInput,
      viewer: Viewer
    ): Promise<ServiceItemAdminView> {
      const { division, actor } = viewer;
      return locked(strapi, documentId, async () => {
        const draft = await editable(strapi, documentId, division);
        if (draft.lifecycle === 'withdrawn') {
          throw new errors.ValidationError(
            'A withdrawn service item is kept as it was withdrawn: it cannot be edited.'
          );
        }
        if (division && input.division && input.division !== division) {
          throw new errors.PolicyError(
            'You cannot hand a service item to another division: ask the coordinator.'
          );
        }
        await checkDivision(input.division);
        await documents(strapi).update({ documentId, status: 'draft', data: input as never });
        await record(strapi, draft, 'service_item_edited', actor, {
          contentHash: guideHash({ ...draft, ...input }),
        });
        await voidIfEdited(strapi, documentId, actor);
        return this.show(documentId, viewer);
      });
    },

    /** Puts the published version back into the draft (drops changes not yet published). */
    async discard(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const draft = await editable(strapi, documentId, viewer.division);
        if (!(await publishedOf(strapi, documentId))) {
          throw new errors.ValidationError(
            'This item was never published: there is nothing to go back to.'
          );
        }
        await documents(strapi).discardDraft({ documentId });
        await record(strapi, draft, 'service_item_discarded', viewer.actor);
        await voidIfEdited(strapi, documentId, viewer.actor);
        return this.show(documentId, viewer);
      });
    },

    /** Deletes an item never published (a published one is withdrawn instead, never deleted). */
    async remove(documentId: string, viewer: Viewer): Promise<void> {
      return locked(strapi, documentId, async () => {
        const draft = await editable(strapi, documentId, viewer.division);
        if (await publishedOf(strapi, documentId)) {
          throw new errors.ValidationError(
            'A published service item is withdrawn, not deleted: its history stays on the website.'
          );
        }
        await documents(strapi).delete({ documentId });
        await record(strapi, draft, 'service_item_deleted', viewer.actor);
      });
    },

    /** The items staff choose from: every item with a published version, by name. */
    async choices(): Promise<ServiceItemChoice[]> {
      const rows = (await documents(strapi).findMany({
        status: 'published',
        fields: ['name', 'itemType', 'lifecycle'],
        sort: ['name:asc'],
      })) as unknown as ItemRow[];
      return rows.map((row) => ({
        documentId: row.documentId,
        name: row.name ?? '',
        itemType: row.itemType,
        isPublished: true,
        lifecycle: row.lifecycle,
      }));
    },

    /** The published version of an item, or null (never published, or deleted). */
    published: (documentId: string): Promise<ItemRow | null> => publishedOf(strapi, documentId),

    /** The published items by name, for the import: whose division the importer's covers. */
    async catalogue(
      division: string | null
    ): Promise<Map<string, CatalogueEntry & { row: ItemRow }>> {
      const rows = (await documents(strapi).findMany({
        status: 'published',
      })) as unknown as ItemRow[];
      return new Map(
        rows.map((row) => [
          row.name ?? '',
          {
            documentId: row.documentId,
            name: row.name ?? '',
            withdrawnOn: row.lifecycle === 'withdrawn' ? toDateOnly(row.withdrawnOn) : null,
            isOwn: coversDivision(division, row.division ?? null),
            row,
          },
        ])
      );
    },
  };
};
