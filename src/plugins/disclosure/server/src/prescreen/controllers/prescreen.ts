import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS } from '../../kernel/constants';
import type { ContentTypeUid } from '../../kernel/config';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type { PrescreenResponse } from '../../../../shared/prescreen/contracts';
import {
  validateConfirmation,
  validateFindingId,
  validateFindingsQuery,
  validateSensitiveWords,
} from '../validation';

/** An admin request as the controller reads it. */
export interface AdminContext {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: Record<string, string>;
  state: { user: AdminUser; userAbility: Ability };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The item when the user may see it (another division's: the 404 of an unknown item). */
  const seen = async (user: AdminUser, uid: string, documentId: string) => {
    const divisions = getService(strapi, 'item-divisions');
    if (!(await divisions.canSeeRecord(user, uid, documentId))) {
      throw divisions.unseen(uid, documentId);
    }
    return uid as ContentTypeUid;
  };

  return {
    /** GET /disclosure/prescreen/:contentType/:documentId?locale= — the findings of the draft. */
    async findings(ctx: AdminContext): Promise<PrescreenResponse> {
      const { locale } = validateFindingsQuery(ctx.query);
      const { contentType, documentId } = ctx.params;
      const uid = await seen(ctx.state.user, contentType, documentId);
      const found = await getService(strapi, 'prescreen').forItem(uid, documentId, locale);
      return {
        data: { ...found, canConfirm: ctx.state.userAbility.can(ACTIONS.approveConfidentiality) },
      };
    },

    /** POST /disclosure/prescreen/findings/:id/confirm — 确认无碍, by the 保密审查员. */
    async confirm(ctx: AdminContext) {
      const { id } = validateFindingId(ctx.params);
      const { note } = validateConfirmation(ctx.request.body ?? {});
      const prescreen = getService(strapi, 'prescreen');
      const row = await prescreen.find(id);
      const divisions = getService(strapi, 'item-divisions');
      if (
        !row ||
        !(await divisions.canSeeRecord(ctx.state.user, row.itemUid, row.itemDocumentId))
      ) {
        throw new errors.NotFoundError(`No finding ${id}.`);
      }
      return { data: await prescreen.confirm(row, ctx.state.user, note?.trim() || null) };
    },

    /** GET /disclosure/prescreen/sensitive-words */
    async sensitiveWords() {
      return { data: { words: await getService(strapi, 'sensitive-words').list() } };
    },

    /** PUT /disclosure/prescreen/sensitive-words — replaces the list. */
    async replaceSensitiveWords(ctx: AdminContext) {
      const { words } = validateSensitiveWords(ctx.request.body ?? {});
      return { data: { words: await getService(strapi, 'sensitive-words').replace(words) } };
    },
  };
};
