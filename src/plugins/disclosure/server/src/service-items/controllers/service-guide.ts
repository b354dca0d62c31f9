import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { validateDocumentId, validatePublicListQuery } from '../validation';

export interface Context {
  query: Record<string, unknown>;
  params: { documentId: string };
  body?: unknown;
}

/** The website's service guide (办事指南): published items only. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'service-guide').publicList(
      validatePublicListQuery(ctx.query)
    );
  },
  async findOne(ctx: Context) {
    const { documentId } = validateDocumentId(ctx.params);
    ctx.body = { data: await getService(strapi, 'service-guide').publicShow(documentId ?? '') };
  },
});
