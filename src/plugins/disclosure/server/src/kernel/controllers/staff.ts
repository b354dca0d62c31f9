import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { getService } from '../../get-service';

const validateAssignment = validateYupSchema(
  yup.object({ department: yup.string().nullable().defined() }).noUnknown().strict()
);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/staff */
  async list() {
    return { data: await getService(strapi, 'staff').list() };
  },

  /** PUT /disclosure/staff/:userId  { department: documentId | null } */
  async assign(ctx: { params: { userId: string }; request: { body?: unknown } }) {
    const userId = Number(ctx.params.userId);
    if (!Number.isInteger(userId) || userId < 1) {
      throw new errors.ValidationError('userId must be a positive whole number.', {
        key: 'userId',
      });
    }
    const { department } = (await validateAssignment(ctx.request.body ?? {})) as {
      department: string | null;
    };
    return { data: await getService(strapi, 'staff').assign(userId, department) };
  },
});
