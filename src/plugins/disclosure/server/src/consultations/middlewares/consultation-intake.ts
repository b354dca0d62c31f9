/**
 * Puts a consultation's comment path under the kernel's intake guard before the guard runs on
 * the route. The guard knows intakes by exact path (POST /api/disclosure/consultations/7/comments),
 * registered at bootstrap for the consultations then stored and when one is created; a
 * consultation another app node created since this one started is registered here, on its first
 * comment. Only an existing consultation's path is registered, so unknown ids do not grow the
 * guard's table (they answer 404 and store nothing).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import { registerIntake } from '../../kernel/middlewares/intake-guard';
import { commentsPath } from '../routes';

interface Context {
  params?: { id?: string };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const id = ctx.params?.id;
    if (id && /^\d{1,9}$/.test(id)) {
      const exists = await strapi.db
        .query(UID.consultation)
        .findOne({ where: { id: Number(id) }, select: ['id'] });
      if (exists)
        registerIntake(strapi, { path: commentsPath(Number(id)), maxFiles: 0, maxBytes: 0 });
    }
    await next();
  };
