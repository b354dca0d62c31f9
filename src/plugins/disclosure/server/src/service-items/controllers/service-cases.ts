import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CASE_ACTION_CODES, type CaseAction } from '../../../../shared/service-items/cases';
import { getService } from '../../get-service';
import { currentActor, type AdminUser } from '../../kernel/services/actor';
import {
  validateCaseListQuery,
  validateImport,
  validateRegistration,
  validateStep,
} from '../validation';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { caseNumber: string; action: string };
  state: { user: AdminUser };
  status: number;
  body?: unknown;
}

/** Service cases, for staff: each action validates, calls one service and answers the case's page. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => getService(strapi, 'service-cases');
  const viewer = (ctx: Context) => cases().viewerOf(Number(ctx.state.user.id));

  return {
    async list(ctx: Context) {
      const query = validateCaseListQuery(ctx.query);
      ctx.body = await cases().list(query, await viewer(ctx));
    },
    async show(ctx: Context) {
      ctx.body = { data: await cases().show(ctx.params.caseNumber, await viewer(ctx)) };
    },
    async register(ctx: Context) {
      const input = validateRegistration(ctx.request.body);
      ctx.status = 201;
      ctx.body = {
        data: await cases().register(
          { ...input, caseNumber: input.caseNumber ?? undefined, applicant: input.applicant ?? '' },
          await viewer(ctx),
          currentActor(strapi)
        ),
      };
    },
    async step(ctx: Context) {
      const action = ctx.params.action as CaseAction;
      if (!CASE_ACTION_CODES.includes(action)) {
        throw new errors.NotFoundError(
          `No step "${ctx.params.action}": the steps are ${CASE_ACTION_CODES.join(', ')}.`
        );
      }
      const input = validateStep(action)(ctx.request.body) as {
        date: string;
        note?: string | null;
        decision?: 'granted' | 'denied';
      };
      ctx.body = {
        data: await cases().step(
          ctx.params.caseNumber,
          action,
          input,
          await viewer(ctx),
          currentActor(strapi)
        ),
      };
    },
    async import(ctx: Context) {
      const { csv, dryRun } = validateImport(ctx.request.body);
      const report = await cases().import(csv, dryRun, await viewer(ctx), currentActor(strapi));
      ctx.status = dryRun ? 200 : 201;
      ctx.body = { data: report };
    },
  };
};
