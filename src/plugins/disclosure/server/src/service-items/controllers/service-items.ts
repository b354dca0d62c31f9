import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { currentActor } from '../../kernel/services/actor';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import type { Viewer } from '../services/service-items';
import {
  validateDocumentId,
  validateItemInput,
  validateItemListQuery,
  validateReturn,
  validateWithdrawal,
} from '../validation';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { documentId: string };
  state: { user: AdminUser; userAbility: Ability };
  status: number;
  body?: unknown;
}

/** The service catalogue, for staff: each action validates, calls one service and answers. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const items = () => getService(strapi, 'service-items');
  const reviews = () => getService(strapi, 'service-item-reviews');
  const viewer = async (ctx: Context): Promise<Viewer> => ({
    actor: currentActor(strapi),
    division: await getService(strapi, 'staff').divisionOf(Number(ctx.state.user.id)),
    ability: ctx.state.userAbility,
  });
  const documentId = (ctx: Context) => validateDocumentId(ctx.params).documentId ?? '';

  return {
    async list(ctx: Context) {
      validateItemListQuery(ctx.query);
      ctx.body = {
        data: await items().list(await viewer(ctx)),
        meta: { divisions: await items().divisionChoices() },
      };
    },
    async choices(ctx: Context) {
      validateItemListQuery(ctx.query);
      ctx.body = { data: await items().choices() };
    },
    async show(ctx: Context) {
      ctx.body = { data: await items().show(documentId(ctx), await viewer(ctx)) };
    },
    async create(ctx: Context) {
      const input = validateItemInput(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await items().create(input, await viewer(ctx)) };
    },
    async update(ctx: Context) {
      const id = documentId(ctx);
      const input = validateItemInput(ctx.request.body);
      ctx.body = { data: await items().update(id, input, await viewer(ctx)) };
    },
    async submit(ctx: Context) {
      ctx.body = { data: await reviews().submit(documentId(ctx), await viewer(ctx)) };
    },
    async approve(ctx: Context) {
      ctx.body = { data: await reviews().approve(documentId(ctx), await viewer(ctx)) };
    },
    async clear(ctx: Context) {
      ctx.body = { data: await reviews().clear(documentId(ctx), await viewer(ctx)) };
    },
    async returnItem(ctx: Context) {
      const id = documentId(ctx);
      const { reason } = validateReturn(ctx.request.body);
      ctx.body = { data: await reviews().returnItem(id, reason ?? '', await viewer(ctx)) };
    },
    async publish(ctx: Context) {
      ctx.body = { data: await reviews().publish(documentId(ctx), await viewer(ctx)) };
    },
    async withdraw(ctx: Context) {
      const id = documentId(ctx);
      const input = validateWithdrawal(ctx.request.body);
      ctx.body = { data: await reviews().withdraw(id, input, await viewer(ctx)) };
    },
    async discard(ctx: Context) {
      ctx.body = { data: await items().discard(documentId(ctx), await viewer(ctx)) };
    },
    async remove(ctx: Context) {
      await items().remove(documentId(ctx), await viewer(ctx));
      ctx.status = 204;
    },
  };
};
