import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { createPublished } from './content';

export interface StaffLogin {
  id: number;
  email: string;
  token: string;
}

const PASSWORD = 'Staff2018!Password';

/**
 * An admin user with one of the workflow roles (or super admin), optionally in a division
 * (department documentId), logged in over HTTP.
 */
export async function staffLogin(
  strapi: Core.Strapi,
  http: Server,
  { email, role, division }: { email: string; role: string; division?: string }
): Promise<StaffLogin> {
  const roleRow = await strapi.db.query('admin::role').findOne({ where: { code: role } });
  if (!roleRow) throw new Error(`no role ${role}`);
  const user = await strapi.service('admin::user').create({
    email,
    password: PASSWORD,
    firstname: email.split('@')[0],
    lastname: 'Staff',
    isActive: true,
    roles: [roleRow.id],
  });
  if (division) {
    await strapi.db
      .query('plugin::disclosure.staff')
      .create({ data: { adminUserId: user.id, department: division } });
  }
  const response = await request(http)
    .post('/admin/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  return { id: user.id as number, email, token: response.body.data.token as string };
}

/** Two published divisions for the review tests: 办公室 (BGS) and 投资处 (TZJS); their documentIds. */
export async function createDivisions(
  strapi: Core.Strapi
): Promise<{ office: string; other: string }> {
  const office = await createPublished(strapi, 'api::department.department', {
    name: '办公室',
    code: 'BGS',
  });
  const other = await createPublished(strapi, 'api::department.department', {
    name: '投资处',
    code: 'TZJS',
  });
  return { office, other };
}
