import type { Core } from '@strapi/strapi';
import type { ContentTypeUid } from '../kernel/config';
import { defaultLocale } from '../kernel/i18n';

interface ContentManagerContext {
  params: Record<string, string>;
  request: { body?: unknown; query: Record<string, unknown> };
  state: { userAbility: unknown };
  body?: unknown;
  notFound(): unknown;
  forbidden(): unknown;
}

type Handler = (ctx: ContentManagerContext) => Promise<unknown>;
type Controller = Record<string, Handler>;

interface PermissionChecker {
  cannot: { read(entity?: unknown): boolean };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<Record<string, unknown>> };
}

type PopulateBuilder = (uid: string) => {
  populateFromQuery(query: unknown): { build(): Promise<unknown> };
};

const COLLECTION_TYPES = 'plugin::content-manager.collection-types';

/** A list of documentIds as a query or body gives it, or null when it is none. */
const asIds = (value: unknown): string[] | null => {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((id) => typeof id === 'string') ? list : null;
};

const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The documents of one model as one user may read them, by the Content Manager's own check. */
class ReadableDocuments {
  private readonly checker: PermissionChecker;

  constructor(
    private readonly strapi: Core.Strapi,
    ctx: ContentManagerContext,
    private readonly model: string
  ) {
    this.checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model });
  }

  /** Whether the user may read the type at all (else the Content Manager answers 403 itself). */
  get mayReadType(): boolean {
    return !this.checker.cannot.read();
  }

  /**
   * The draft versions of the documents among `documentIds` (in `locale`, or in every locale when
   * none is given), with the relations the user's read conditions name populated: what the
   * Content Manager's own findOne loads to check them.
   */
  private async draftVersions(
    documentIds: string[],
    locale: string | undefined
  ): Promise<Array<{ documentId: string }>> {
    const permissionQuery = await this.checker.sanitizedQuery.read({});
    const populateBuilder = this.strapi
      .plugin('content-manager')
      .service('populate-builder') as unknown as PopulateBuilder;
    const populate = await populateBuilder(this.model).populateFromQuery(permissionQuery).build();
    const uid = this.model as ContentTypeUid;
    const schema = this.strapi.getModel(uid);
    const localized = Boolean(
      (schema.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized
    );
    return (await this.strapi.db.query(uid).findMany({
      where: {
        documentId: { $in: documentIds },
        ...(schema.options?.draftAndPublish ? { publishedAt: null } : {}),
        ...(localized && locale && locale !== '*' ? { locale } : {}),
      },
      ...this.strapi.get('query-params').transform(this.model, { populate }),
    })) as Array<{ documentId: string }>;
  }

  /** The documentIds among `documentIds` whose every draft version (as above) the user may read. */
  async readable(documentIds: string[], locale: string | undefined): Promise<Set<string>> {
    const versions = await this.draftVersions(documentIds, locale);
    const refused = new Set(
      versions.filter((version) => this.checker.cannot.read(version)).map((v) => v.documentId)
    );
    return new Set(versions.map((version) => version.documentId).filter((id) => !refused.has(id)));
  }

  /** Whether the document exists but the user may read none of its draft versions. */
  async hidden(documentId: string): Promise<boolean> {
    const versions = await this.draftVersions([documentId], undefined);
    return versions.length > 0 && versions.every((version) => this.checker.cannot.read(version));
  }
}

/** The Content Manager's handlers that take documentIds, each scoped to what the user may read. */
const scopedHandlers = (strapi: Core.Strapi, controller: Controller): Controller => {
  const documentsOf = (ctx: ContentManagerContext) =>
    new ReadableDocuments(strapi, ctx, ctx.params.model);
  return {
    /** Clone: the source must be a draft the user may read, in the locale being cloned. */
    async clone(ctx) {
      const documents = documentsOf(ctx);
      const { sourceId } = ctx.params;
      if (documents.mayReadType) {
        const { locale } = (ctx.request.body ?? {}) as { locale?: unknown };
        const sources = await documents.readable(
          [sourceId],
          textOrUndefined(locale) ?? (await defaultLocale(strapi))
        );
        if (!sources.has(sourceId)) return ctx.notFound();
      }
      return controller.clone(ctx);
    },

    /**
     * One document: for a locale it has no version in, the Content Manager answers 200 with the
     * other versions' status and their non-localized fields (to prefill a new translation), to
     * anyone who may read the type. A document the user may read in no locale is refused as its
     * existing versions are (403), as Strapi's own countDraftRelations does.
     */
    async findOne(ctx) {
      const documents = documentsOf(ctx);
      const { id } = ctx.params;
      if (id && documents.mayReadType && (await documents.hidden(id))) return ctx.forbidden();
      return controller.findOne(ctx);
    },

    /** The draft-relation count over several documents: only those the user may read. */
    async countManyEntriesDraftRelations(ctx) {
      const documents = documentsOf(ctx);
      const ids = asIds(ctx.request.query.documentIds);
      if (ids && documents.mayReadType) {
        const seen = await documents.readable(ids, textOrUndefined(ctx.request.query.locale));
        const kept = ids.filter((id) => seen.has(id));
        // What the Content Manager answers when none of the documents exists.
        if (kept.length === 0) return ctx.notFound();
        ctx.request.query = { ...ctx.request.query, documentIds: kept };
      }
      return controller.countManyEntriesDraftRelations(ctx);
    },

    /** The drafts listed for a bulk action's validation: only those the user may read. */
    async bulkFindForValidation(ctx) {
      const documents = documentsOf(ctx);
      const { documentIds, locale } = (ctx.request.body ?? {}) as Record<string, unknown>;
      const ids = asIds(documentIds);
      const seen =
        ids && documents.mayReadType
          ? await documents.readable(ids, textOrUndefined(locale))
          : null;
      const result = await controller.bulkFindForValidation(ctx);
      const body = ctx.body as { results?: Array<{ documentId: string }> } | undefined;
      if (seen && Array.isArray(body?.results)) {
        ctx.body = { ...body, results: body.results.filter((row) => seen.has(row.documentId)) };
      }
      return result;
    },
  };
};

/**
 * The Content Manager checks a user's RBAC conditions (the 本处室 condition) on the documents it
 * opens, but three of its routes take documentIds and check only the action: clone (and
 * auto-clone, which calls it) copies any document the user may create of its type, and the bulk
 * validation list and the draft-relation count read any. Each now treats a document the user may
 * not read as one that does not exist, so the answer is the Content Manager's own for an unknown
 * document: clone 404 Not Found, the count 404 when nothing is left, the list without it. The
 * findOne route's answer for a locale the document lacks (the other versions' status and shared
 * fields) is refused like the document's existing versions.
 */
export function scopeContentManagerByDocument(strapi: Core.Strapi): void {
  strapi
    .get('controllers')
    .extend(COLLECTION_TYPES, (controller: Controller) =>
      Object.assign(
        Object.create(Object.getPrototypeOf(controller)),
        controller,
        scopedHandlers(strapi, controller)
      )
    );
}
