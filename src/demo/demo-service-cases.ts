import type { Core } from '@strapi/strapi';

/** The demo's the 2018 service items and their cases (domain.md §6): seeded once; true when seeded now. */
export async function seedDemoServiceCases(_strapi: Core.Strapi): Promise<boolean> {
  return false; // SCAFFOLD: filled in by issue #12's module work before it lands.
}
