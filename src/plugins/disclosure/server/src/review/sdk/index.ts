/**
 * The review's declared port for other modules (decision 0019): the step hooks a module adds with
 * `getService(strapi, 'reviews').addStepHook(step, hook)` — the pre-screen's scan at submit and
 * its refusal at clear (decision 0030).
 */
import type { ContentTypeUid } from '../../kernel/config';
import type { AdminUser } from '../../kernel/services/actor';
import type { Action, State } from '../../../../shared/review/workflow';
import type { Document } from '../services/review-state';

/** A step a user takes (`edit` happens by saving the draft). */
export type Step = Exclude<Action, 'edit'>;

/** What a step hook is told: the item, the draft the step is taken on and its hash, who takes it. */
export interface StepContext {
  uid: ContentTypeUid;
  documentId: string;
  locale: string;
  action: Step;
  state: State;
  draft: Document;
  hash: string;
  /** The hash of the version under review (its submission), or null before any. */
  submittedHash: string | null;
  user: AdminUser;
}

/**
 * Work a step does on its draft before it is recorded (the pre-screen scans at submit), or a
 * reason it is refused, with details for the client (the pre-screen's open findings at clear).
 */
export type StepHook = (
  context: StepContext
) => Promise<{ message: string; details: Record<string, unknown> } | null>;
