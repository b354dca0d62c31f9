/**
 * The 保密审查 of a case's written reply, as the case modules store it: the reviewer names the
 * version they read (its hash), then clears it (signed, bound to that hash) or returns it with a
 * reason. Used by proposals and inquiries.
 */
import { errors } from '@strapi/utils';
import type { Actor } from './services/actor';

interface ReviewedReply {
  hash: string;
}

/** A reply redrafted since the reviewer opened it is not cleared or returned unseen (400 on `hash`). */
export function checkReviewed(reply: ReviewedReply, hash: string): void {
  if (hash === reply.hash) return;
  const message = 'The reply changed since you opened it: reload it and review it again.';
  throw new errors.ValidationError(message, {
    key: 'hash',
    errors: [{ field: 'hash', message }],
  });
}

/** The reply cleared by `actor` now, bound to the text they read. */
export const clearedReply = <R extends ReviewedReply>(reply: R, actor: Actor) => ({
  ...reply,
  state: 'cleared' as const,
  clearedBy: { id: actor.id, name: actor.name },
  clearedAt: new Date().toISOString(),
  clearedHash: reply.hash,
});

/** The reply sent back to its drafter with `reason`. */
export const returnedReply = <R extends ReviewedReply>(reply: R, reason: string) => ({
  ...reply,
  state: 'returned' as const,
  returnedReason: reason,
});
