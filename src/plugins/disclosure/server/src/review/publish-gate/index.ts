import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../../get-service';
import { workflowContext } from '../workflow-context';
import {
  cloneIntoOwnDivision,
  defaultToOwnDivision,
  inheritDivision,
  refuseOtherDivisions,
  type Data,
} from './divisions';
import { GatedItem, type GateParams } from './item';
import { afterEdit, publish, refuseDeletingPublished, unpublish } from './publication';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Context = Parameters<Middleware>[0];

/** Actions by which an editor changes an item: only the item's own division may take them. */
const CHANGING = new Set(['update', 'delete', 'discardDraft', 'publish', 'unpublish']);

const REVIEW_FIRST =
  'Create it as a draft: an item is published only after the division head approves it and a confidentiality reviewer clears it (先审查、后公开).';

/** The parameters of the action, with the data of a create, clone or update the gate completes. */
type Params = GateParams & { data?: Data };

const paramsOf = (ctx: Context) => (ctx.params ?? {}) as Params;

/** Puts the data the gate completed (with a division) in place of the data given, if it differs. */
const complete = (params: Params, data: Data | undefined) => {
  if (data !== params.data) params.data = data;
};

/**
 * 先审查、后公开, enforced where every publish path meets: a Document Service middleware. The
 * Content Manager's publish and bulk publish, REST create/update (which publish by default), and
 * code calling `strapi.documents(uid).publish()` all pass here. Publishing needs the item cleared
 * (保密审查) in each locale, and what gets published must hash to exactly what was cleared.
 * Unpublishing (撤稿) needs a reason, given through the review API. Saving a draft after
 * submission sends it back to draft. It reads and records review states (service review-state)
 * and calls no review step, so a step that publishes through it makes no cycle.
 */
export const createPublishGate =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    const context = workflowContext.get();
    if (!getService(strapi, 'review-state').isGated(ctx.uid) || context.inGate) return next();
    const params = paramsOf(ctx);
    const item = new GatedItem(strapi, ctx.uid, params);
    const proceed = async () => next();

    if (CHANGING.has(ctx.action)) await refuseOtherDivisions(item, ctx.action);

    switch (ctx.action) {
      case 'create':
        if (params.status === 'published') throw new errors.ValidationError(REVIEW_FIRST);
        complete(params, await defaultToOwnDivision(item, params.data));
        return next();
      case 'clone':
        complete(params, await cloneIntoOwnDivision(item, params.data));
        return next();
      case 'publish':
        return publish(item, proceed);
      case 'update':
        if (params.status === 'published') return publish(item, proceed);
        complete(params, await inheritDivision(item, params.data));
        return afterEdit(item, proceed, context.internal === true);
      case 'discardDraft':
        return afterEdit(item, proceed, false);
      case 'unpublish':
        return unpublish(item, proceed, context.unpublishReason);
      case 'delete':
        await refuseDeletingPublished(item);
        return next();
      default:
        return next();
    }
  };
