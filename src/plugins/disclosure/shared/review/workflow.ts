/**
 * The publishing workflow (先审查、后公开) as one transition table, per document and locale.
 * Pure: no Strapi, no I/O. Every refusal is a sentence the user can act on. In shared/ because
 * the admin reads its states, steps and withhold reasons too (and GET /disclosure/workflow
 * answers the table itself).
 *
 *   draft ──submit──▶ submitted ──approve──▶ division_approved ──clear──▶ cleared ──publish──▶ published
 *     ▲                  │                        │      │                  │                   │
 *     └──── return ──────┘◀──────── return ───────┘      └──withhold──▶ withheld                │
 *     ▲                                                                                          │
 *     └──────────────── edit (any state after submission) / unpublish (with a reason) ◀──────────┘
 */

export const STATES = [
  'draft',
  'submitted',
  'division_approved',
  'cleared',
  'published',
  'withheld',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'submit',
  'approve',
  'return',
  'clear',
  'withhold',
  'publish',
  'unpublish',
  'edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the acting user may do, as decided by RBAC and division scoping (not by this module). */
export type Capability =
  'author' | 'divisionReview' | 'confidentialityReview' | 'publish' | 'unpublish';

export const WITHHOLD_REASONS = [
  'state_secret',
  'commercial_secret',
  'personal_privacy',
  'internal_affairs',
  'process_information',
  'security_stability',
  'other',
] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];

/** Chinese labels of the withhold reason categories. */
export const WITHHOLD_LABELS: Readonly<Record<string, string>> = {
  state_secret: '国家秘密',
  commercial_secret: '商业秘密',
  personal_privacy: '个人隐私',
  internal_affairs: '内部事务',
  process_information: '过程性信息',
  security_stability: '危及“三安全一稳定”',
  other: '其他',
} satisfies Record<WithholdReason, string>;

/** 公开方式 (disclosure mode) of an item's catalogue metadata (公开属性). */
export const DISCLOSURE_MODES = ['proactive', 'on_request', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];

const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/**
 * Why an item with this 公开方式 may not be cleared for publication or published, as the end of a
 * sentence, or null when it may (主动公开, or a type without catalogue metadata). Only proactively
 * disclosed information goes on the website: 不予公开 is decided through the review's withhold
 * step, and 依申请公开 information is given to applicants (decision 0013).
 */
export function modeRefusal(mode: unknown, step: 'clear' | 'publish'): string | null {
  if (mode !== 'withheld' && mode !== 'on_request') return null;
  const says = `its 公开属性 says ${DISCLOSURE_MODE_LABELS[mode]} (${mode}).`;
  if (step === 'clear') {
    return mode === 'withheld'
      ? `${says} Withhold it (不予公开) with a reason category, or return it so the editor changes 公开方式.`
      : `${says} Return it so the editor changes 公开方式 to 主动公开, or withhold it (不予公开).`;
  }
  return mode === 'withheld'
    ? `${says} Information that is not disclosed is recorded through the review’s 不予公开 step (withhold), not published.`
    : `${says} It is provided to applicants on request (依申请公开), not published; to publish it, change 公开方式 to 主动公开 and submit it again.`;
}

/** Chinese labels of the states, as the review panel and the queue show them. */
export const STATE_LABELS: Record<State, string> = {
  draft: '草稿',
  submitted: '待审核',
  division_approved: '待保密审查',
  cleared: '可发布',
  published: '已发布',
  withheld: '不予公开',
};

export interface Rule {
  from: readonly State[];
  to: State;
  needs: Capability;
  /** The submitter may not take this step (four eyes). */
  notBySubmitter?: boolean;
  /** A written reason is required. */
  needsReason?: boolean;
  /** A withhold reason category is required. */
  needsCategory?: boolean;
}

export const TRANSITIONS: Record<Action, Rule> = {
  submit: { from: ['draft'], to: 'submitted', needs: 'author' },
  approve: {
    from: ['submitted'],
    to: 'division_approved',
    needs: 'divisionReview',
    notBySubmitter: true,
  },
  return: {
    from: ['submitted', 'division_approved'],
    to: 'draft',
    needs: 'divisionReview',
    needsReason: true,
  },
  clear: {
    from: ['division_approved'],
    to: 'cleared',
    needs: 'confidentialityReview',
    notBySubmitter: true,
  },
  withhold: {
    from: ['division_approved'],
    to: 'withheld',
    needs: 'confidentialityReview',
    notBySubmitter: true,
    needsReason: true,
    needsCategory: true,
  },
  publish: { from: ['cleared'], to: 'published', needs: 'publish' },
  unpublish: { from: ['published'], to: 'draft', needs: 'unpublish', needsReason: true },
  edit: {
    from: ['submitted', 'division_approved', 'cleared', 'published', 'withheld'],
    to: 'draft',
    needs: 'author',
  },
};

/**
 * Why an item in `state` may not be published by any path (the publish gate), as the end of a
 * sentence, or null when the table's `publish` row lets it through (cleared).
 */
export function publishRefusal(state: State): string | null {
  if (TRANSITIONS.publish.from.includes(state)) return null;
  return `it is ${STATE_LABELS[state]} (${state}). Publishing needs the division head’s approval (发布审核) and confidentiality clearance (保密审查) first.`;
}

export interface TransitionRequest {
  state: State;
  action: Action;
  actorId: number;
  capabilities: ReadonlySet<Capability>;
  /** Who submitted the version under review, or null when nothing is submitted. */
  submitterId: number | null;
  reason?: string;
  category?: string;
}

/** Why a transition was refused: the item's state, the user's rights, four eyes, or missing input. */
export type Refusal = 'state' | 'permission' | 'four_eyes' | 'input';

export type TransitionResult =
  { ok: true; to: State } | { ok: false; refusal: Refusal; reason: string };

const ACTION_LABELS: Record<Action, string> = {
  submit: 'submit it for review',
  approve: 'approve it for the division',
  return: 'return it for changes',
  clear: 'clear it for publication',
  withhold: 'withhold it',
  publish: 'publish it',
  unpublish: 'unpublish it',
  edit: 'edit it',
};

const CAPABILITY_LABELS: Record<Capability, string> = {
  author: 'an editor of its division',
  divisionReview: 'a reviewer of its division (处室审核人)',
  confidentialityReview: 'a confidentiality reviewer (保密审查员)',
  publish: 'allowed to publish',
  unpublish: 'the coordinator, who holds the 撤稿 permission,',
};

/**
 * Decides one transition. A refusal says what blocks it: the item's state, a missing permission,
 * four eyes, or a missing reason. `return` needs the reviewer of the step the item waits at.
 */
export function decide(request: TransitionRequest): TransitionResult {
  const rule = TRANSITIONS[request.action];
  const what = ACTION_LABELS[request.action];
  if (!rule.from.includes(request.state)) {
    return {
      ok: false,
      refusal: 'state',
      reason: `You cannot ${what}: it is ${STATE_LABELS[request.state]} (${request.state}), and only an item that is ${rule.from.map((s) => `${STATE_LABELS[s]} (${s})`).join(' or ')} can be.`,
    };
  }
  const needs =
    request.action === 'return' && request.state === 'division_approved'
      ? 'confidentialityReview'
      : rule.needs;
  if (!request.capabilities.has(needs)) {
    return {
      ok: false,
      refusal: 'permission',
      reason: `You cannot ${what}: only ${CAPABILITY_LABELS[needs]} can.`,
    };
  }
  if (rule.notBySubmitter && request.submitterId === request.actorId) {
    return {
      ok: false,
      refusal: 'four_eyes',
      reason: `You cannot ${what}: you submitted this version, and nobody reviews their own item (four eyes).`,
    };
  }
  if (rule.needsReason && !request.reason?.trim()) {
    return {
      ok: false,
      refusal: 'input',
      reason: `You cannot ${what} without a reason: write why.`,
    };
  }
  if (rule.needsCategory && !WITHHOLD_REASONS.includes(request.category as WithholdReason)) {
    return {
      ok: false,
      refusal: 'input',
      reason: `You cannot ${what} without a reason category: one of ${WITHHOLD_REASONS.join(', ')}.`,
    };
  }
  return { ok: true, to: rule.to };
}
