import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { validateStaffAssignment, validateStaffUser } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/staff */
  async list() {
    return { data: await getService(strapi, 'staff').list() };
  },

  /** PUT /disclosure/staff/:userId  { department: documentId | null } */
  async assign(ctx: { params: { userId: string }; request: { body?: unknown } }) {
    const { userId } = validateStaffUser(ctx.params);
    const { department } = await validateStaffAssignment(ctx.request.body ?? {});
    return { data: await getService(strapi, 'staff').assign(userId, department) };
  },
});
