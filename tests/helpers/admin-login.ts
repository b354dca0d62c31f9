import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import request from 'supertest';

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
