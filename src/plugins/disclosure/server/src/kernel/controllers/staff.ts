import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { validateStaffAssignment, validateStaffUser } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/staff */
  async list() {
    return { data: await getService(strapi, 'staff').list() };
  },

  /**
   * GET /disclosure/staff/unmatched — 导入后缺少的工作人员: e-mails the plugin's records name that
   * no admin user has (where, how often). Reads only.
   */
  async unmatched() {
    return { data: await getService(strapi, 'staffIdentity').reconcile({ dryRun: true }) };
  },

  /** POST /disclosure/staff/reconcile — points stored ids at the users with the stored e-mails. */
  async reconcile() {
    return { data: await getService(strapi, 'staffIdentity').reconcile() };
  },

  /** PUT /disclosure/staff/:userId  { department: documentId | null } */
  async assign(ctx: { params: { userId: string }; request: { body?: unknown } }) {
    const { userId } = validateStaffUser(ctx.params);
    const { department } = await validateStaffAssignment(ctx.request.body ?? {});
    return { data: await getService(strapi, 'staff').assign(userId, department) };
  },
});
