import type { Core } from '@strapi/strapi';

type Uid = Parameters<Core.Strapi['documents']>[0];

interface ContentManagerContext {
  params: Record<string, string>;
  request: { body?: unknown; query: Record<string, unknown> };
  state: { userAbility: unknown };
  body?: unknown;
  notFound(): unknown;
  forbidden(): unknown;
}

type Handler = (ctx: ContentManagerContext) => Promise<unknown>;

interface PermissionChecker {
  cannot: { read(entity?: unknown): boolean };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<Record<string, unknown>> };
}

const COLLECTION_TYPES = 'plugin::content-manager.collection-types';

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
  const contentManager = () => strapi.plugin('content-manager');

  const checkerFor = (ctx: ContentManagerContext, model: string): PermissionChecker =>
    contentManager()
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model });

  /**
   * The draft versions of the documents among `documentIds` (in `locale`, or in every locale when
   * none is given), with the relations the user's read conditions name populated: what the
   * Content Manager's own findOne loads to check them.
   */
  const draftVersions = async (
    checker: PermissionChecker,
    model: string,
    documentIds: string[],
    locale: string | undefined
  ): Promise<Array<{ documentId: string }>> => {
    const permissionQuery = await checker.sanitizedQuery.read({});
    const populateBuilder = contentManager().service('populate-builder') as unknown as (
      uid: string
    ) => { populateFromQuery(query: unknown): { build(): Promise<unknown> } };
    const populate = await populateBuilder(model).populateFromQuery(permissionQuery).build();
    const schema = strapi.getModel(model as Uid);
    const localized = Boolean(
      (schema.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized
    );
    return (await strapi.db.query(model as Uid).findMany({
      where: {
        documentId: { $in: documentIds },
        ...(schema.options?.draftAndPublish ? { publishedAt: null } : {}),
        ...(localized && locale && locale !== '*' ? { locale } : {}),
      },
      ...strapi.get('query-params').transform(model, { populate }),
    })) as Array<{ documentId: string }>;
  };

  /** The documentIds among `documentIds` whose every draft version (as above) the user may read. */
  const readable = async (
    checker: PermissionChecker,
    model: string,
    documentIds: string[],
    locale: string | undefined
  ): Promise<Set<string>> => {
    const versions = await draftVersions(checker, model, documentIds, locale);
    const refused = new Set(
      versions.filter((version) => checker.cannot.read(version)).map((v) => v.documentId)
    );
    return new Set(versions.map((version) => version.documentId).filter((id) => !refused.has(id)));
  };

  /** Whether the document exists but the user may read none of its draft versions. */
  const hiddenDocument = async (checker: PermissionChecker, model: string, documentId: string) => {
    const versions = await draftVersions(checker, model, [documentId], undefined);
    return versions.length > 0 && versions.every((version) => checker.cannot.read(version));
  };

  const asIds = (value: unknown): string[] | null => {
    const list = Array.isArray(value) ? value : [value];
    return list.length > 0 && list.every((id) => typeof id === 'string') ? list : null;
  };

  strapi.get('controllers').extend(COLLECTION_TYPES, (controller: Record<string, Handler>) => {
    const scoped: Record<string, Handler> = {
      /** Clone: the source must be a draft the user may read, in the locale being cloned. */
      async clone(ctx) {
        const { model, sourceId } = ctx.params;
        const checker = checkerFor(ctx, model);
        // Without read or create rights the Content Manager answers itself (403).
        if (!checker.cannot.read()) {
          const { locale } = (ctx.request.body ?? {}) as { locale?: unknown };
          const sources = await readable(
            checker,
            model,
            [sourceId],
            typeof locale === 'string' ? locale : await defaultLocale()
          );
          if (!sources.has(sourceId)) return ctx.notFound();
        }
        return controller.clone(ctx);
      },

      /**
       * One document: for a locale it has no version in, the Content Manager answers 200 with the
       * other versions' status and their non-localized fields (to prefill a new translation), to
       * anyone who may read the type. A document the user may read in no locale is refused as
       * its existing versions are (403), as Strapi's own countDraftRelations does.
       */
      async findOne(ctx) {
        const { model, id } = ctx.params;
        const checker = checkerFor(ctx, model);
        if (id && !checker.cannot.read() && (await hiddenDocument(checker, model, id))) {
          return ctx.forbidden();
        }
        return controller.findOne(ctx);
      },

      /** The draft-relation count over several documents: only those the user may read. */
      async countManyEntriesDraftRelations(ctx) {
        const { model } = ctx.params;
        const checker = checkerFor(ctx, model);
        const ids = asIds(ctx.request.query.documentIds);
        if (ids && !checker.cannot.read()) {
          const { locale } = ctx.request.query;
          const seen = await readable(
            checker,
            model,
            ids,
            typeof locale === 'string' ? locale : undefined
          );
          const kept = ids.filter((id) => seen.has(id));
          // What the Content Manager answers when none of the documents exists.
          if (kept.length === 0) return ctx.notFound();
          ctx.request.query = { ...ctx.request.query, documentIds: kept };
        }
        return controller.countManyEntriesDraftRelations(ctx);
      },

      /** The drafts listed for a bulk action's validation: only those the user may read. */
      async bulkFindForValidation(ctx) {
        const { model } = ctx.params;
        const checker = checkerFor(ctx, model);
        const { documentIds, locale } = (ctx.request.body ?? {}) as Record<string, unknown>;
        const ids = asIds(documentIds);
        const seen =
          ids && !checker.cannot.read()
            ? await readable(checker, model, ids, typeof locale === 'string' ? locale : undefined)
            : null;
        const result = await controller.bulkFindForValidation(ctx);
        const body = ctx.body as { results?: Array<{ documentId: string }> } | undefined;
        if (seen && Array.isArray(body?.results)) {
          ctx.body = { ...body, results: body.results.filter((row) => seen.has(row.documentId)) };
        }
        return result;
      },
    };
    return Object.assign(Object.create(Object.getPrototypeOf(controller)), controller, scoped);
  });

  const defaultLocale = async (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();
}
