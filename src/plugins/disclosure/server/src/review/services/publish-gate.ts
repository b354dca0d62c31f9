import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { divisionType, metadataComponent } from '../../kernel/config';
import { STATE_LABELS, modeRefusal, type State } from '../domain/workflow';
import { workflowContext } from '../workflow-context';
import { currentActor } from '../../kernel/services/actor';
import { getService } from '../../get-service';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Params = { documentId?: string; locale?: string; status?: string };
type DocumentsUid = Parameters<Core.Strapi['documents']>[0];

/**
 * 先审查、后公开, enforced where every publish path meets: a Document Service middleware. The
 * Content Manager's publish and bulk publish, REST create/update (which publish by default), and
 * code calling `strapi.documents(uid).publish()` all pass here. Publishing needs the item cleared
 * (保密审查) in each locale, and what gets published must hash to exactly what was cleared.
 * Unpublishing (撤稿) needs a reason, given through the review API. Saving a draft after
 * submission sends it back to draft.
 */
export const createPublishGate =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    const reviews = getService(strapi, 'reviews');
    const context = workflowContext.get();
    if (!reviews.isGated(ctx.uid) || context.inGate) return next();
    const params = (ctx.params ?? {}) as Params;
    const gate = new Gate(strapi, ctx.uid, params);
    const proceed = async () => next();

    if (CHANGING.has(ctx.action)) await gate.refuseOtherDivisions(ctx.action);

    switch (ctx.action) {
      case 'create':
        if (params.status === 'published') throw new errors.ValidationError(REVIEW_FIRST);
        await gate.defaultToOwnDivision(ctx as { params: { data?: Record<string, unknown> } });
        return next();
      case 'clone':
        await gate.cloneIntoOwnDivision(ctx as { params: { data?: Record<string, unknown> } });
        return next();
      case 'publish':
        return gate.publish(proceed);
      case 'update':
        if (params.status === 'published') return gate.publish(proceed);
        await gate.inheritDivision(ctx as { params: { data?: Record<string, unknown> } });
        return gate.afterEdit(proceed, context.internal === true);
      case 'discardDraft':
        return gate.afterEdit(proceed, false);
      case 'unpublish':
        return gate.unpublish(proceed, context.unpublishReason);
      case 'delete':
        await gate.refuseDeletingPublished();
        return next();
      default:
        return next();
    }
  };

/** Actions by which an editor changes an item: only the item's own division may take them. */
const CHANGING = new Set(['update', 'delete', 'discardDraft', 'publish', 'unpublish']);

/** No division given: absent, null, or a relation input that connects nothing. */
const isEmptyRelation = (value: unknown): boolean => {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object' || Array.isArray(value))
    return Array.isArray(value) && !value.length;
  const input = value as {
    connect?: unknown[];
    set?: unknown[];
    documentId?: string;
    id?: unknown;
  };
  if (input.documentId || input.id) return false;
  return !input.connect?.length && !input.set?.length;
};

const REVIEW_FIRST =
  'Create it as a draft: an item is published only after the division head approves it and a confidentiality reviewer clears it (先审查、后公开).';

class Gate {
  private readonly reviews;
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly uid: string,
    private readonly params: Params
  ) {
    this.reviews = getService(strapi, 'reviews');
  }

  private get documentId(): string {
    if (!this.params.documentId) throw new errors.ValidationError('A documentId is required.');
    return this.params.documentId;
  }

  /** The locales an action touches: the one given, all of the document's for '*', else the default. */
  private async locales(): Promise<string[]> {
    if (this.params.locale && this.params.locale !== '*') return [this.params.locale];
    if (this.params.locale === '*') {
      const rows = (await this.strapi.db
        .query(this.uid as DocumentsUid)
        .findMany({ where: { documentId: this.documentId }, select: ['locale'] })) as Array<{
        locale: string;
      }>;
      return [...new Set(rows.map((row) => row.locale))];
    }
    const i18n = this.strapi.plugin('i18n').service('locales') as {
      getDefaultLocale(): Promise<string>;
    };
    return [await i18n.getDefaultLocale()];
  }

  private async title(locale: string): Promise<string> {
    const draft = (await this.strapi
      .documents(this.uid as DocumentsUid)
      .findOne({ documentId: this.documentId, locale, status: 'draft' })) as Record<
      string,
      unknown
    > | null;
    return String(draft?.title ?? draft?.name ?? this.documentId);
  }

  /** The 公开方式 of the draft in `locale`, or undefined for a type without catalogue metadata. */
  private async disclosureMode(locale: string): Promise<unknown> {
    const attributes = this.strapi.contentType(
      this.uid as Parameters<Core.Strapi['contentType']>[0]
    ).attributes;
    if (!('metadata' in attributes)) return undefined;
    const draft = (await this.strapi.documents(this.uid as DocumentsUid).findOne({
      documentId: this.documentId,
      locale,
      status: 'draft',
      populate: { metadata: true },
    })) as { metadata?: { disclosureMode?: string } | null } | null;
    return draft?.metadata?.disclosureMode;
  }

  async publish<T>(next: () => Promise<T>): Promise<T> {
    const locales = await this.locales();
    return this.strapi.db.transaction(async () => {
      for (const locale of locales) {
        const problem = modeRefusal(await this.disclosureMode(locale), 'publish');
        if (problem) {
          throw new errors.ValidationError(
            `"${await this.title(locale)}" (${locale}) cannot be published: ${problem}`
          );
        }
        const state: State = await this.reviews.stateOf(this.uid, this.documentId, locale);
        if (state !== 'cleared') {
          throw new errors.ValidationError(
            `"${await this.title(locale)}" (${locale}) cannot be published: it is ${STATE_LABELS[state]} (${state}). ` +
              'Publishing needs the division head’s approval (发布审核) and confidentiality clearance (保密审查) first.'
          );
        }
      }
      const indexNumber = await this.assignIndexNumber(locales);
      const result = await workflowContext.run({ inGate: true }, next);
      for (const locale of locales) {
        const review = await this.reviews.find(this.uid, this.documentId, locale);
        const publishedHash = await this.reviews.hashOf(
          this.uid,
          this.documentId,
          locale,
          'published'
        );
        if (!review || publishedHash !== review.clearedHash) {
          throw new errors.ValidationError(
            `"${await this.title(locale)}" (${locale}) cannot be published: it differs from the version that was cleared (保密审查). Submit it for review again.`
          );
        }
        await this.reviews.record({
          uid: this.uid,
          documentId: this.documentId,
          locale,
          action: 'publish',
          from: 'cleared',
          to: 'published',
          actor: currentActor(this.strapi),
          reason: indexNumber ? `索引号 ${indexNumber}` : null,
          hash: publishedHash,
          patch: { publishedHash, publishedAt: new Date().toISOString() },
        });
      }
      return result;
    });
  }

  /**
   * Types with catalogue metadata get their 索引号 at first publication, written into the draft's
   * metadata just before publishing so the published copy carries it. Returns it, or null.
   */
  private async assignIndexNumber(locales: string[]): Promise<string | null> {
    const attributes = this.strapi.contentType(
      this.uid as Parameters<Core.Strapi['contentType']>[0]
    ).attributes;
    if (!('metadata' in attributes)) return null;
    const value: string = await getService(this.strapi, 'index-numbers').allocate(
      this.uid,
      this.documentId
    );
    for (const locale of locales) {
      const draft = (await this.strapi.documents(this.uid as DocumentsUid).findOne({
        documentId: this.documentId,
        locale,
        status: 'draft',
        populate: { metadata: true },
      })) as { metadata?: { id: number } | null } | null;
      // Strapi itself refuses to publish without the required metadata; nothing to write then.
      if (draft?.metadata?.id) {
        await this.strapi.db
          .query(metadataComponent(this.strapi) as DocumentsUid)
          .update({ where: { id: draft.metadata.id }, data: { indexNumber: value } });
      }
    }
    return value;
  }

  async afterEdit<T>(next: () => Promise<T>, internal: boolean): Promise<T> {
    const result = await next();
    if (internal || !this.params.documentId) return result;
    const rows = await this.strapi.db.query('plugin::disclosure.review').findMany({
      where: { itemUid: this.uid, itemDocumentId: this.documentId },
    });
    for (const review of rows as Array<{
      itemLocale: string;
      state: State;
      submittedHash: string | null;
      publishedHash: string | null;
    }>) {
      const locale = review.itemLocale;
      const hash = await this.reviews.hashOf(this.uid, this.documentId, locale, 'draft');
      const approvedHash =
        review.state === 'published' || review.state === 'draft'
          ? review.publishedHash
          : review.submittedHash;
      if (review.state === 'draft') {
        // Discarding the draft brings back exactly the published version.
        const published = await this.reviews.hashOf(this.uid, this.documentId, locale, 'published');
        if (published && hash === published && hash === review.publishedHash) {
          await this.reviews.record({
            uid: this.uid,
            documentId: this.documentId,
            locale,
            action: 'discard',
            from: 'draft',
            to: 'published',
            actor: currentActor(this.strapi),
            hash,
          });
        }
        continue;
      }
      if (hash !== approvedHash) {
        await this.reviews.record({
          uid: this.uid,
          documentId: this.documentId,
          locale,
          action: 'edit',
          from: review.state,
          to: 'draft',
          actor: currentActor(this.strapi),
          hash,
          patch: { submittedHash: null, clearedHash: null },
        });
      }
    }
    return result;
  }

  async unpublish<T>(next: () => Promise<T>, reason: string | undefined): Promise<T> {
    if (!reason) {
      throw new errors.ValidationError(
        'Unpublishing (撤稿) needs a reason and is recorded: use 撤稿 in the review panel, or POST /disclosure/reviews/unpublish with a reason.'
      );
    }
    const locales = await this.locales();
    return this.strapi.db.transaction(async () => {
      const result = await next();
      for (const locale of locales) {
        const from: State = await this.reviews.stateOf(this.uid, this.documentId, locale);
        await this.reviews.record({
          uid: this.uid,
          documentId: this.documentId,
          locale,
          action: 'unpublish',
          from,
          to: 'draft',
          actor: currentActor(this.strapi),
          reason,
          patch: { lastReason: reason, publishedHash: null },
        });
      }
      return result;
    });
  }

  /**
   * Editors and division reviewers change only their own division's items (and items of no
   * division). The coordinator and super admins have no division and are not limited.
   */
  async refuseOtherDivisions(action: string): Promise<void> {
    const actor = currentActor(this.strapi);
    if (actor.id === null || !this.params.documentId) return;
    const division: string | null = await this.reviews.divisionOf(actor.id);
    if (!division) return;
    const owner = await this.reviews.divisionOfItem(this.uid, this.params.documentId);
    if (owner && owner.documentId !== division) {
      throw new errors.PolicyError(
        `This item belongs to ${owner.name}: only that division's staff can ${action === 'update' ? 'edit' : action} it.`
      );
    }
  }

  /**
   * A new language version belongs to its document's division: when it is created without one, it
   * links that division's published version in the same locale, where the division has one (a
   * relation joins rows of one locale; a link to a never-published version would be dropped on
   * publication). Where it has none, the division still applies: it is the document's.
   */
  async inheritDivision(ctx: { params: { data?: Record<string, unknown> } }): Promise<void> {
    const { locale, documentId } = this.params;
    const data = ctx.params.data;
    if (!data || !documentId || !locale || locale === '*' || !isEmptyRelation(data.department)) {
      return;
    }
    const attributes = this.strapi.contentType(
      this.uid as Parameters<Core.Strapi['contentType']>[0]
    ).attributes;
    const divisions = divisionType(this.strapi);
    if (!divisions || !('department' in attributes)) return;
    const existing = await this.strapi.db
      .query(this.uid as DocumentsUid)
      .count({ where: { documentId, locale, publishedAt: null } });
    if (existing) return;
    const owner = await this.reviews.divisionOfItem(this.uid, documentId);
    if (!owner) return;
    const inLocale = await this.strapi.db
      .query(divisions)
      .count({ where: { documentId: owner.documentId, locale, publishedAt: { $notNull: true } } });
    if (inLocale) ctx.params.data = { ...data, department: owner.documentId };
  }

  /** An item an editor creates belongs to the editor's division unless they choose another. */
  async defaultToOwnDivision(ctx: { params: { data?: Record<string, unknown> } }): Promise<void> {
    const attributes = this.strapi.contentType(
      this.uid as Parameters<Core.Strapi['contentType']>[0]
    ).attributes;
    const data = ctx.params.data;
    if (!data || !('department' in attributes) || data.department) return;
    const actor = currentActor(this.strapi);
    if (actor.id === null) return;
    const division: string | null = await this.reviews.divisionOf(actor.id);
    if (division) ctx.params.data = { ...data, department: division };
  }

  /**
   * A copy is a new item of the division of whoever makes it: an editor never creates items in
   * another division, not even by cloning one of its own and naming the other division.
   */
  async cloneIntoOwnDivision(ctx: { params: { data?: Record<string, unknown> } }): Promise<void> {
    const attributes = this.strapi.contentType(
      this.uid as Parameters<Core.Strapi['contentType']>[0]
    ).attributes;
    const divisions = divisionType(this.strapi);
    if (!divisions || !('department' in attributes)) return;
    const actor = currentActor(this.strapi);
    if (actor.id === null) return;
    const division: string | null = await this.reviews.divisionOf(actor.id);
    if (!division) return;
    const locale = (await this.locales())[0];
    const inLocale = await this.strapi.db
      .query(divisions)
      .findOne({ where: { documentId: division, locale }, select: ['id'] });
    if (!inLocale) {
      const name = (await this.strapi.db
        .query(divisions)
        .findOne({ where: { documentId: division }, select: ['name'] })) as {
        name?: string;
      } | null;
      throw new errors.ValidationError(
        `A copy belongs to your division (${name?.name ?? division}), which has no ${locale} version yet: copy another language version, or ask the coordinator to add the division in ${locale}.`
      );
    }
    ctx.params.data = { ...ctx.params.data, department: division };
  }

  async refuseDeletingPublished(): Promise<void> {
    for (const locale of await this.locales()) {
      if (await this.reviews.hashOf(this.uid, this.documentId, locale, 'published')) {
        throw new errors.ValidationError(
          `"${await this.title(locale)}" (${locale}) is published: unpublish it (撤稿, with a reason) before deleting it.`
        );
      }
    }
  }
}
