import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import request from 'supertest';

export interface AdminLogin {
  id: number;
  email: string;
  token: string;
}

/** Creates an active admin user with the given role codes and logs them in over HTTP. */
export async function createAdminAndLogin(
  strapi: Core.Strapi,
  http: Server,
  { email, roleCodes = ['strapi-super-admin'] }: { email: string; roleCodes?: string[] }
): Promise<AdminLogin> {
  const password = 'Test2018!Password';
  const roles = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: roleCodes } } });
  const user = await strapi.service('admin::user').create({
    email,
    password,
    firstname: email.split('@')[0],
    lastname: 'Test',
    isActive: true,
    roles: roles.map((role: { id: number }) => role.id),
  });
  const response = await request(http).post('/admin/login').send({ email, password }).expect(200);
  return { id: user.id as number, email, token: response.body.data.token as string };
}
