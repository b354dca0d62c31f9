/**
 * The review of a guide version before it is published (先审查、后公开): submitted by its editor,
 * approved by the division reviewer (发布审核), cleared by the 保密审查员 (保密审查), then published.
 * Shared by the server and the admin.
 */
import type { WithdrawInput } from './contracts';

export const REVIEW_STATES = {
  submitted: '待处室审核',
  approved: '待保密审查',
  cleared: '已审查，待发布',
  returned: '已退回',
  voided: '已失效（送审后又修改）',
  published: '已发布',
} as const;
export type ReviewState = keyof typeof REVIEW_STATES;

/** What a review decides: a new guide version, or a withdrawal (取消 / 下放 / 上级收回). */
export type ReviewKind = 'publish' | 'withdraw';

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'clear', 'publish'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The current (latest) review of an item, as staff see it. */
export interface ServiceItemReviewView {
  state: ReviewState;
  stateLabel: string;
  kind: ReviewKind;
  withdrawal: WithdrawInput | null;
  /** The hash of the public text under review (sha256 of the guide's public fields). */
  contentHash: string;
  /** The draft still is what was submitted (an edit since voids the review). */
  matchesDraft: boolean;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  clearedBy: string | null;
  clearedAt: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
  returnStage: 'division' | 'confidentiality' | null;
  returnReason: string | null;
}

export interface ReturnInput {
  reason: string;
}
