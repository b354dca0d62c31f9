/**
 * The publish gate's steps for publishing, editing, unpublishing and deleting: each records the
 * change of review state it makes, in the transaction of the Document Service's action.
 */
import { errors } from '@strapi/utils';
import { metadataComponent } from '../../kernel/config';
import { currentActor } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import {
  TRANSITIONS,
  modeRefusal,
  publishRefusal,
  type State,
} from '../../../../shared/review/workflow';
import { workflowContext } from '../workflow-context';
import type { GatedItem } from './item';

const refusedPublication = async (item: GatedItem, locale: string, problem: string) =>
  new errors.ValidationError(
    `"${await item.title(locale)}" (${locale}) cannot be published: ${problem}`
  );

/**
 * Publishing needs the item cleared (保密审查) in each locale and proactively disclosed, and what
 * gets published must hash to exactly what was cleared. The first publication assigns the 索引号.
 */
export async function publish<T>(item: GatedItem, next: () => Promise<T>): Promise<T> {
  const reviewState = getService(item.strapi, 'review-state');
  const locales = await item.locales();
  return item.strapi.db.transaction(async () => {
    for (const locale of locales) {
      const problem =
        modeRefusal((await item.metadata(locale))?.disclosureMode, 'publish') ??
        publishRefusal(await reviewState.stateOf(item.uid, item.documentId, locale));
      if (problem) throw await refusedPublication(item, locale, problem);
    }
    const indexNumber = await assignIndexNumber(item, locales);
    const result = await workflowContext.run({ inGate: true }, next);
    for (const locale of locales) {
      const review = await reviewState.find(item.uid, item.documentId, locale);
      const publishedHash = await reviewState.hashOf(
        item.uid,
        item.documentId,
        locale,
        'published'
      );
      if (!review || publishedHash !== review.clearedHash) {
        throw await refusedPublication(
          item,
          locale,
          'it differs from the version that was cleared (保密审查). Submit it for review again.'
        );
      }
      await reviewState.record({
        uid: item.uid,
        documentId: item.documentId,
        locale,
        action: 'publish',
        from: review.state,
        to: TRANSITIONS.publish.to,
        actor: currentActor(item.strapi),
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
async function assignIndexNumber(item: GatedItem, locales: string[]): Promise<string | null> {
  if (!item.has('metadata')) return null;
  const value = await getService(item.strapi, 'index-numbers').allocate(item.uid, item.documentId);
  for (const locale of locales) {
    const metadata = await item.metadata(locale);
    // Strapi itself refuses to publish without the required metadata; nothing to write then.
    if (metadata?.id) {
      await item.strapi.db
        .query(metadataComponent(item.strapi))
        .update({ where: { id: metadata.id }, data: { indexNumber: value } });
    }
  }
  return value;
}

/**
 * Saving a draft that differs from what was submitted (or published) sends it back to draft; a
 * discarded draft that brings back exactly the published version is published again.
 */
export async function afterEdit<T>(
  item: GatedItem,
  next: () => Promise<T>,
  internal: boolean
): Promise<T> {
  const result = await next();
  if (internal || !item.params.documentId) return result;
  const reviewState = getService(item.strapi, 'review-state');
  const { uid, documentId } = item;
  for (const review of await reviewState.findAll(uid, documentId)) {
    const locale = review.itemLocale;
    const hash = await reviewState.hashOf(uid, documentId, locale, 'draft');
    const record = (action: string, from: State, to: State, patch = {}) =>
      reviewState.record({
        uid,
        documentId,
        locale,
        action,
        from,
        to,
        actor: currentActor(item.strapi),
        hash,
        patch,
      });
    if (review.state === 'draft') {
      const published = await reviewState.hashOf(uid, documentId, locale, 'published');
      if (published && hash === published && hash === review.publishedHash) {
        await record('discard', 'draft', 'published');
      }
    } else {
      const approvedHash =
        review.state === 'published' ? review.publishedHash : review.submittedHash;
      if (hash !== approvedHash) {
        await record('edit', review.state, TRANSITIONS.edit.to, {
          submittedHash: null,
          clearedHash: null,
        });
      }
    }
  }
  return result;
}

/** Unpublishing (撤稿) needs a reason, given through the review API, and is recorded. */
export async function unpublish<T>(
  item: GatedItem,
  next: () => Promise<T>,
  reason: string | undefined
): Promise<T> {
  if (!reason) {
    throw new errors.ValidationError(
      'Unpublishing (撤稿) needs a reason and is recorded: use 撤稿 in the review panel, or POST /disclosure/reviews/unpublish with a reason.'
    );
  }
  const reviewState = getService(item.strapi, 'review-state');
  const locales = await item.locales();
  return item.strapi.db.transaction(async () => {
    const result = await next();
    for (const locale of locales) {
      await reviewState.record({
        uid: item.uid,
        documentId: item.documentId,
        locale,
        action: 'unpublish',
        from: await reviewState.stateOf(item.uid, item.documentId, locale),
        to: TRANSITIONS.unpublish.to,
        actor: currentActor(item.strapi),
        reason,
        patch: { lastReason: reason, publishedHash: null },
      });
    }
    return result;
  });
}

/** A published item is unpublished (撤稿, with a reason) before it is deleted. */
export async function refuseDeletingPublished(item: GatedItem): Promise<void> {
  const reviewState = getService(item.strapi, 'review-state');
  for (const locale of await item.locales()) {
    if (await reviewState.hashOf(item.uid, item.documentId, locale, 'published')) {
      throw new errors.ValidationError(
        `"${await item.title(locale)}" (${locale}) is published: unpublish it (撤稿, with a reason) before deleting it.`
      );
    }
  }
}
