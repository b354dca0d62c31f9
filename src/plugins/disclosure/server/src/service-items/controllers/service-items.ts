import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { currentActor } from '../../kernel/services/actor';
import type { AdminUser } from '../../kernel/services/actor';
import {
  validateDocumentId,
  validateItemInput,
  validateItemListQuery,
  validateWithdrawal,
} from '../validation';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { documentId: string };
  state: { user: AdminUser };
  status: number;
  body?: unknown;
}

/** The service catalogue, for staff: each action validates, calls one service and answers. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const items = () => getService(strapi, 'service-items');
  const divisionOf = (ctx: Context) =>
    getService(strapi, 'staff').divisionOf(Number(ctx.state.user.id));
  const documentId = (ctx: Context) => validateDocumentId(ctx.params).documentId ?? '';

  return {
    async list(ctx: Context) {
      validateItemListQuery(ctx.query);
      ctx.body = {
        data: await items().list(),
        meta: { divisions: await items().divisionChoices() },
      };
    },
    async choices(ctx: Context) {
      validateItemListQuery(ctx.query);
      ctx.body = { data: await items().choices() };
    },
    async show(ctx: Context) {
      ctx.body = { data: await items().show(documentId(ctx)) };
    },
    async create(ctx: Context) {
      const input = validateItemInput(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await items().create(input, await divisionOf(ctx), currentActor(strapi)) };
    },
    async update(ctx: Context) {
      const id = documentId(ctx);
      const input = validateItemInput(ctx.request.body);
      ctx.body = {
        data: await items().update(id, input, await divisionOf(ctx), currentActor(strapi)),
      };
    },
    async publish(ctx: Context) {
      const id = documentId(ctx);
      ctx.body = { data: await items().publish(id, await divisionOf(ctx), currentActor(strapi)) };
    },
    async withdraw(ctx: Context) {
      const id = documentId(ctx);
      const input = validateWithdrawal(ctx.request.body);
      ctx.body = {
        data: await items().withdraw(id, input, await divisionOf(ctx), currentActor(strapi)),
      };
    },
    async discard(ctx: Context) {
      const id = documentId(ctx);
      ctx.body = { data: await items().discard(id, await divisionOf(ctx), currentActor(strapi)) };
    },
    async remove(ctx: Context) {
      const id = documentId(ctx);
      await items().remove(id, await divisionOf(ctx), currentActor(strapi));
      ctx.status = 204;
    },
  };
};
