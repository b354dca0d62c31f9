/**
 * The service guide's own publication rule, where every publish path meets (a Document Service
 * middleware, as the review module's publish gate): a 办事指南 lacking a required field is never
 * published, and service items are published only through this module's publish and withdraw
 * steps, which keep the item's history — not by a create or update with status 'published', nor
 * by code calling publish() directly.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../kernel/constants';
import { guideRefusal, missingGuideFields } from './domain/guide';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Set while this module's own publish or withdraw step runs. */
export const serviceItemContext = new AsyncLocalStorage<{ publishing: boolean }>();

const ELSEWHERE =
  'Service items are published through POST /disclosure/service-items/:documentId/publish, which checks the guide and keeps its history.';

export const createPublicationGuard =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.serviceItem) return next();
    const params = (ctx.params ?? {}) as { documentId?: string; status?: string };
    const publishing =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing) return next();
    if (!serviceItemContext.getStore()?.publishing) throw new errors.ValidationError(ELSEWHERE);
    if (ctx.action === 'publish' && params.documentId) {
      const draft = (await strapi
        .documents(UID.serviceItem)
        .findOne({ documentId: params.documentId, status: 'draft' })) as Record<
        string,
        unknown
      > | null;
      const refusal = draft && guideRefusal(draft);
      if (refusal && draft) {
        throw new errors.ValidationError(refusal, {
          key: 'guide',
          missing: missingGuideFields(draft),
        });
      }
    }
    return next();
  };
