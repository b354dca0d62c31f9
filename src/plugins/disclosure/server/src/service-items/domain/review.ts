/**
 * The review of a service guide before publication (先审查、后公开), pure: what text a review is
 * bound to (a hash of the guide's public fields, and of the withdrawal when it withdraws the item),
 * and who may take which step. Four eyes: the submitter and whoever wrote the version since its last
 * publication neither approve, return nor clear it; the division approver does not also clear. The division reviewer approves only items of their own
 * division (the coordinator has none and approves for no division).
 */
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { GUIDE_FIELD_NAMES } from '../../../../shared/service-items/catalogue';
import type { WithdrawInput } from '../../../../shared/service-items/contracts';
import type { ReviewAction, ReviewState } from '../../../../shared/service-items/review';

const normalised = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    ? null
    : typeof value === 'string'
      ? value.trim()
      : value;

/**
 * The hash of the public text a publication puts out: every guide field, and the withdrawal (kind,
 * date, authority, reason) when it withdraws the item. Bookkeeping (history, dates of publication)
 * is not part of it: it is written by the publication itself.
 */
export function guideHash(guide: object, withdrawal: WithdrawInput | null = null): string {
  const row = guide as Record<string, unknown>;
  return sha256(
    canonicalJson({
      guide: Object.fromEntries(GUIDE_FIELD_NAMES.map((field) => [field, normalised(row[field])])),
      withdrawal: withdrawal
        ? {
            kind: withdrawal.kind,
            date: withdrawal.date,
            authority: normalised(withdrawal.authority),
            reason: normalised(withdrawal.reason),
          }
        : null,
    })
  );
}

/** The review as the rules need it. */
export interface ReviewFacts {
  state: ReviewState;
  contentHash: string;
  submittedById: number | null;
  approvedById: number | null;
}

/** The acting staff member. */
export interface Reviewer {
  id: number | null;
  /** Their division (documentId), null for the coordinator and the 保密审查员. */
  division: string | null;
  canManage: boolean;
  canApproveDivision: boolean;
  canClear: boolean;
}

/** The item as the rules need it. */
export interface ItemFacts {
  division: string | null;
  /** The hash of the draft (with the review's withdrawal, if it withdraws). */
  currentHash: string;
  withdrawn: boolean;
  /** Published, and the draft is what the website shows: nothing to submit. */
  unchanged: boolean;
  /** Who wrote the draft since its last publication (created, edited, discarded it). */
  authorIds: number[];
}

const coversItem = (reviewer: Reviewer, item: ItemFacts) =>
  reviewer.division === null || reviewer.division === item.division;

/** A review still waiting for a step (the draft's text under review). */
export const isPending = (state: ReviewState | undefined) =>
  state === 'submitted' || state === 'approved' || state === 'cleared';

/**
 * Why `reviewer` may not take `action` on the item now (a sentence), or null when they may.
 * `status` says which HTTP error fits: 403 for who acts, 400 for the item's state. Submission's
 * own checks (the guide complete, something to publish) are the service's.
 */
export function refusal(
  action: ReviewAction,
  review: ReviewFacts | null,
  item: ItemFacts,
  reviewer: Reviewer
): { status: 400 | 403; message: string } | null {
  const forbidden = (message: string) => ({ status: 403 as const, message });
  const invalid = (message: string) => ({ status: 400 as const, message });
  const current = review && isPending(review.state) ? review : null;
  if (current && current.contentHash !== item.currentHash) {
    if (action !== 'submit') {
      return invalid(
        'The draft was edited after it was submitted: the review is void. Submit the draft again.'
      );
    }
  }
  switch (action) {
    case 'submit':
      if (!reviewer.canManage) return forbidden('Only the item’s editors submit it for review.');
      if (!coversItem(reviewer, item)) {
        return forbidden('This service item is carried out by another division.');
      }
      if (item.withdrawn) return invalid('This service item has been withdrawn.');
      if (item.unchanged) {
        return invalid('Nothing to publish: the draft is what the website already shows.');
      }
      if (current && current.contentHash === item.currentHash) {
        return invalid('This version is already under review.');
      }
      return null;
    case 'approve':
    case 'return': {
      const stage =
        current?.state === 'submitted'
          ? 'division'
          : current?.state === 'approved'
            ? 'confidentiality'
            : null;
      if (!stage || !current) {
        return invalid(
          action === 'approve'
            ? 'Nothing waits for the division’s approval (发布审核) on this item.'
            : 'Nothing waits for a review on this item.'
        );
      }
      if (action === 'approve' && stage !== 'division') {
        return invalid('The division has already approved this version: it waits for 保密审查.');
      }
      if (stage === 'division') {
        if (!reviewer.canApproveDivision || reviewer.division === null) {
          return forbidden(
            'Only the reviewer (处室审核人) of the item’s division approves or returns it.'
          );
        }
        if (reviewer.division !== item.division) {
          return forbidden(
            'This service item belongs to another division: its own reviewer approves it.'
          );
        }
      } else {
        if (!reviewer.canClear) {
          return forbidden('Only the 保密审查员 returns an item at the confidentiality review.');
        }
        if (reviewer.id !== null && reviewer.id === current.approvedById) {
          return forbidden(
            'Four eyes: you approved this version for the division; another person reviews its confidentiality.'
          );
        }
      }
      if (reviewer.id !== null && reviewer.id === current.submittedById) {
        return forbidden('Four eyes: you submitted this version; another person reviews it.');
      }
      if (reviewer.id !== null && item.authorIds.includes(reviewer.id)) {
        return forbidden('Four eyes: you wrote part of this version; another person reviews it.');
      }
      return null;
    }
    case 'clear':
      if (!current || current.state !== 'approved') {
        return invalid(
          current?.state === 'submitted'
            ? 'The division has not approved this version yet (发布审核 comes before 保密审查).'
            : 'Nothing waits for 保密审查 on this item.'
        );
      }
      if (!reviewer.canClear) return forbidden('Only the 保密审查员 clears an item (保密审查).');
      if (reviewer.id !== null && reviewer.id === current.submittedById) {
        return forbidden('Four eyes: you submitted this version; another person clears it.');
      }
      if (reviewer.id !== null && reviewer.id === current.approvedById) {
        return forbidden(
          'Four eyes: you approved this version for the division; another person clears it.'
        );
      }
      if (reviewer.id !== null && item.authorIds.includes(reviewer.id)) {
        return forbidden('Four eyes: you wrote part of this version; another person clears it.');
      }
      return null;
    case 'publish':
      if (!reviewer.canManage) return forbidden('Only the item’s editors publish it.');
      if (!coversItem(reviewer, item)) {
        return forbidden('This service item is carried out by another division.');
      }
      if (!current || current.state !== 'cleared') {
        return invalid(
          '先审查、后公开: this version has not been through 发布审核 and 保密审查. Submit it for review; it is published once the division has approved it and the 保密审查员 has cleared it.'
        );
      }
      return null;
  }
}

/** The steps `reviewer` may take now: the page's buttons. */
export const allowedReviewActions = (
  review: ReviewFacts | null,
  item: ItemFacts,
  reviewer: Reviewer
): ReviewAction[] =>
  (['submit', 'approve', 'return', 'clear', 'publish'] as const).filter(
    (action) => refusal(action, review, item, reviewer) === null
  );
