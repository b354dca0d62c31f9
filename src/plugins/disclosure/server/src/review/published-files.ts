/**
 * Files of reviewed material stay as they were reviewed (decision 0018). A file that a published
 * item of a type under review uses — or an item in review, cleared or withheld — is not replaced,
 * renamed, re-captioned or deleted, by anyone: the editor uploads a new file and attaches it to a
 * new version, which goes through the review. A file only drafts use may be changed by whoever may
 * change all those drafts (their division, or staff without a division).
 *
 * Enforced in the upload service (every route and script replacing, editing or deleting a file
 * passes there), and before the media library's bulk delete, so that a refused batch deletes
 * nothing. The media library's `related` (which items use a file) is refused to staff of a
 * division: it lists other divisions' drafts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { asksForUses } from './domain/file-uses';
import { STATE_LABELS, type State } from '../../../shared/review/workflow';
import { coversDivision } from '../kernel/domain/divisions';
import { currentActor } from '../kernel/services/actor';
import { getService } from '../get-service';

type Change = 'replace' | 'edit' | 'delete';

const FILE = 'plugin::upload.file';

/** Review states in which the version under review is bound to its files. */
const REVIEWED_STATES: readonly State[] = ['submitted', 'division_approved', 'cleared', 'withheld'];

interface Use {
  /** The document (uid and documentId) the version belongs to. */
  item: string;
  title: string;
  locale: string;
  /** Why the file is bound to this version; null for a draft nobody reviews. */
  binding: string | null;
  division: string | null;
  published: boolean;
}

interface RelatedRow {
  __type?: string;
  documentId?: string;
  locale?: string | null;
  publishedAt?: string | Date | null;
  title?: string;
  name?: string;
}

const WHAT: Record<Change, (name: string) => string> = {
  replace: (name) => `File "${name}" cannot be replaced`,
  edit: (name) => `The name, caption and alternative text of file "${name}" cannot be changed`,
  delete: (name) => `File "${name}" cannot be deleted`,
};

const THROUGH_REVIEW =
  'Reviewed material changes only through the review: upload a new file, attach it to a new version of the item and submit that version (先审查、后公开).';

const OTHER_DIVISION = 'it belongs to items of another division';

class PublishedFiles {
  constructor(private readonly strapi: Core.Strapi) {}

  private get reviewState() {
    return getService(this.strapi, 'review-state');
  }

  /** The versions of items under review that use the file. */
  private async usesOf(fileId: number): Promise<{ name: string; uses: Use[] } | null> {
    const file = (await this.strapi.db
      .query(FILE)
      .findOne({ where: { id: fileId }, populate: { related: true } })) as {
      name: string;
      related?: RelatedRow[];
    } | null;
    if (!file) return null;
    const uses: Use[] = [];
    for (const row of file.related ?? []) {
      const uid = row.__type;
      if (!uid || !row.documentId || !this.reviewState.isGated(uid)) continue;
      const locale = row.locale ?? '';
      const published = Boolean(row.publishedAt);
      const state: State | undefined = published
        ? undefined
        : (await this.reviewState.find(uid, row.documentId, locale))?.state;
      const binding = published
        ? `${STATE_LABELS.published}, published`
        : state && REVIEWED_STATES.includes(state)
          ? `${STATE_LABELS[state]}, ${state}`
          : null;
      const division = await getService(this.strapi, 'item-divisions').divisionOfItem(
        uid,
        row.documentId
      );
      uses.push({
        item: `${uid}/${row.documentId}`,
        title: String(row.title ?? row.name ?? row.documentId),
        locale,
        binding,
        division: division?.documentId ?? null,
        published,
      });
    }
    return { name: file.name, uses };
  }

  /** The refusal of `change` to the file for the current caller, or null when it may proceed. */
  async refusal(fileId: number, change: Change): Promise<string | null> {
    const found = await this.usesOf(fileId);
    if (!found) return null;
    const actor = currentActor(this.strapi);
    const ownDivision =
      actor.id === null ? null : await getService(this.strapi, 'staff').divisionOf(actor.id);
    const mine = (use: Use) => coversDivision(ownDivision, use.division);
    const blocking = found.uses.filter((use) => use.binding !== null || !mine(use));
    if (!blocking.length) return null;
    // Published items are public; others are named only to staff who may see them.
    const named = blocking.filter((use) => use.binding !== null && (use.published || mine(use)));
    // The draft of a published item is that item, not another one.
    const hidden = blocking.some((use) => !named.some((shown) => shown.item === use.item));
    const what = WHAT[change](found.name);
    if (!named.length) return `${what}: ${OTHER_DIVISION}.`;
    const list = unique(named.map((use) => `"${use.title}" (${use.locale}, ${use.binding})`));
    return `${what}: it is part of ${list.join(', ')}${hidden ? ' and of items of another division' : ''}. ${THROUGH_REVIEW}`;
  }

  async refuse(fileIds: unknown[], change: Change): Promise<void> {
    // An id that is no number is no file: the upload plugin answers it (404).
    for (const id of fileIds.map(Number).filter(Number.isInteger)) {
      const message = await this.refusal(id, change);
      if (message) throw new errors.PolicyError(message);
    }
  }

  /** The files a bulk delete removes: those listed and those in the listed folders. */
  async filesOfBulkDelete(body: { fileIds?: unknown; folderIds?: unknown }): Promise<number[]> {
    const ids = (value: unknown) =>
      Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : [];
    const folders = (await this.strapi.db
      .query('plugin::upload.folder')
      .findMany({ where: { id: { $in: ids(body.folderIds) } }, select: ['path'] })) as Array<{
      path: string;
    }>;
    const inFolders = folders.length
      ? ((await this.strapi.db.query(FILE).findMany({
          where: {
            $or: folders.flatMap(({ path }) => [
              { folderPath: path },
              { folderPath: { $startsWith: `${path}/` } },
            ]),
          },
          select: ['id'],
        })) as Array<{ id: number }>)
      : [];
    return [...ids(body.fileIds), ...inFolders.map((file) => file.id)];
  }
}

const unique = (values: string[]) => [...new Set(values)];

interface FileInfo {
  name?: string | null;
  alternativeText?: string | null;
  caption?: string | null;
  focalPoint?: unknown;
}

/** Whether the file info changes what the public sees (moving to another folder does not). */
async function changesText(strapi: Core.Strapi, id: number, info: FileInfo | undefined) {
  if (!info || !Number.isInteger(id)) return false;
  const current = (await strapi.db.query(FILE).findOne({ where: { id } })) as FileInfo | null;
  if (!current) return false;
  const keys = ['name', 'alternativeText', 'caption', 'focalPoint'] as const;
  return keys.some(
    (key) =>
      info[key] !== undefined &&
      info[key] !== null &&
      JSON.stringify(info[key]) !== JSON.stringify(current[key])
  );
}

type UploadService = {
  replace(id: unknown, input: { data?: { fileInfo?: FileInfo } }, opts?: unknown): unknown;
  updateFileInfo(id: unknown, info: FileInfo, opts?: unknown): unknown;
  remove(file: { id: unknown }): unknown;
};

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } };
type Context = {
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  state: Record<string, unknown>;
};

export const RELATED_REFUSED =
  'Which items use a file (related) is not shown to staff of a division: it lists other divisions’ items. Open the item in the Content Manager instead.';

/**
 * Registered from the plugin's register(): guards the upload service and the media library's
 * admin routes before the routes are mounted.
 */
export function guardPublishedFiles(strapi: Core.Strapi): void {
  const files = new PublishedFiles(strapi);
  strapi.get('services').extend('plugin::upload.upload', (service: UploadService) => {
    const { replace, updateFileInfo, remove } = service;
    return Object.assign(service, {
      async replace(id: unknown, input: { data?: { fileInfo?: FileInfo } }, opts?: unknown) {
        await files.refuse([id], 'replace');
        return replace.call(service, id, input, opts);
      },
      async updateFileInfo(id: unknown, info: FileInfo, opts?: unknown) {
        if (await changesText(strapi, Number(id), info)) await files.refuse([id], 'edit');
        return updateFileInfo.call(service, id, info, opts);
      },
      async remove(file: { id: unknown }) {
        await files.refuse([file.id], 'delete');
        return remove.call(service, file);
      },
    });
  });

  const routes = (strapi.plugin('upload').routes as unknown as { admin: { routes: Route[] } }).admin
    .routes;
  const use = (method: string, path: string, middleware: (ctx: Context) => Promise<void>) => {
    for (const route of routes.filter((r) => r.method === method && r.path === path)) {
      route.config = {
        ...route.config,
        middlewares: [
          ...(route.config?.middlewares ?? []),
          async (ctx: Context, next: () => Promise<unknown>) => {
            await middleware(ctx);
            return next();
          },
        ],
      };
    }
  };
  // A refused bulk delete deletes nothing (the service alone would stop midway).
  use('POST', '/actions/bulk-delete', async (ctx) => {
    await files.refuse(await files.filesOfBulkDelete(ctx.request.body ?? {}), 'delete');
  });
  const refuseUses = (filesLevel: boolean) => async (ctx: Context) => {
    const actor = currentActor(strapi);
    if (actor.id === null) return;
    const division = await getService(strapi, 'staff').divisionOf(actor.id);
    if (division && asksForUses(ctx.query, filesLevel)) {
      throw new errors.PolicyError(RELATED_REFUSED);
    }
  };
  use('GET', '/files', refuseUses(true));
  use('GET', '/files/:id', refuseUses(true));
  use('GET', '/folders', refuseUses(false));
  use('GET', '/folders/:id', refuseUses(false));
}
