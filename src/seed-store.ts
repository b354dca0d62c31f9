import type { Core } from '@strapi/strapi';

/** Data for `documents(uid).update` where the content-type typings are not generated. */
export type UpdateData = Parameters<ReturnType<Core.Strapi['documents']>['update']>[0]['data'];

const STORE = { type: 'app', name: 'seed' } as const;

/**
 * Runs `create` once per key over the life of the database and remembers that it ran, so seeded
 * data the staff later edit or delete is never recreated. Returns true when it ran now.
 */
export async function seedOnce(
  strapi: Core.Strapi,
  key: string,
  create: () => Promise<void>
): Promise<boolean> {
  const store = strapi.store(STORE);
  if (await store.get({ key })) return false;
  await create();
  await store.set({ key, value: { seededAt: new Date().toISOString() } });
  return true;
}
