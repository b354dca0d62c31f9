import type { Core } from '@strapi/strapi';
import { createDemoSuperAdmin } from './demo-admin';
import { seedDemoConsultations } from './demo-consultations';
import { seedDemoInquiries } from './demo-inquiries';
import { seedDemoProposals } from './demo-proposals';
import { seedDemoRequests } from './demo-requests';
import { seedDemoServiceCases } from './demo-service-cases';
import { seedDemoContent } from './seed-demo';

/**
 * The development demo, each part seeded once: the super admin of the documented first login,
 * the 2018 content and the bureau's staff, disclosure requests dated from today, the 2018 service
 * items and cases, the 2018 suggestions and proposals, consultation and public inquiries.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<void> {
  const email = await createDemoSuperAdmin(strapi, {
    email: process.env.DEMO_ADMIN_EMAIL,
    password: process.env.DEMO_ADMIN_PASSWORD,
  });
  if (email) strapi.log.info(`[demo] super admin ${email} created (password: DEMO_ADMIN_PASSWORD)`);
  const staffPassword = process.env.DEMO_ADMIN_PASSWORD ?? '';
  if (staffPassword && (await seedDemoContent(strapi, staffPassword))) {
    strapi.log.info('[demo] seeded the 2018 demo content and the bureau staff accounts');
  }
  if (await seedDemoRequests(strapi)) {
    strapi.log.info('[demo] seeded disclosure requests dated from today');
  }
  if (await seedDemoServiceCases(strapi)) {
    strapi.log.info('[demo] seeded the 2018 service items and their cases');
  }
  if (await seedDemoProposals(strapi)) {
    strapi.log.info('[demo] seeded the 2018 suggestions and proposals');
  }
  if (await seedDemoConsultations(strapi)) strapi.log.info('[demo] seeded the 2018 consultation');
  if (await seedDemoInquiries(strapi)) strapi.log.info('[demo] seeded the 2018 public inquiries');
}
