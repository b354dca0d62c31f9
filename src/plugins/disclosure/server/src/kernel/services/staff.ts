import type { Core } from '@strapi/strapi';
import type { AssignStaffResponse, StaffList } from '../../../../shared/kernel/contracts';
import { errors } from '@strapi/utils';
import { divisionType } from '../config';
import { UID } from '../constants';

interface AdminUserRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  isActive: boolean;
  roles?: Array<{ code: string; name: string }>;
}

/**
 * 处室人员: which division each admin user belongs to. Editors and division reviewers act only on
 * their division's items; a user with no division is not scoped (the coordinator).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every admin user with roles and division, and the divisions to choose from. */
  async list(): Promise<StaffList> {
    const users = (await strapi.db.query('admin::user').findMany({
      select: ['id', 'firstname', 'lastname', 'email', 'isActive'],
      populate: { roles: { select: ['code', 'name'] } },
      orderBy: { id: 'asc' },
    })) as AdminUserRow[];
    const rows = (await strapi.db.query(UID.staff).findMany({})) as Array<{
      adminUserId: number;
      department: string;
    }>;
    const divisionOf = new Map(rows.map((row) => [Number(row.adminUserId), row.department]));
    const divisions = divisionType(strapi);
    const departments = divisions
      ? await strapi.documents(divisions).findMany({
          status: 'draft',
          fields: ['name', 'code'],
          sort: ['sortOrder:asc', 'code:asc'],
        })
      : [];
    return {
      users: users.map((user) => ({
        id: user.id,
        name: [user.firstname, user.lastname].filter(Boolean).join(' '),
        email: user.email,
        isActive: user.isActive,
        roles: (user.roles ?? []).map((role) => role.name),
        department: divisionOf.get(Number(user.id)) ?? null,
      })),
      departments: departments.map((department) => ({
        documentId: department.documentId,
        name: department.name as string,
        code: department.code as string,
      })),
    };
  },

  /** The division (a department's documentId) an admin user belongs to, or null for none. */
  async divisionOf(userId: number): Promise<string | null> {
    const row = (await strapi.db.query(UID.staff).findOne({ where: { adminUserId: userId } })) as {
      department: string;
    } | null;
    return row?.department ?? null;
  },

  /** The division (处室) with this department code, or null (also when the host has no divisions). */
  async divisionByCode(code: string): Promise<{ name: string; code: string } | null> {
    const divisions = divisionType(strapi);
    const department = divisions
      ? await strapi
          .documents(divisions)
          .findFirst({ filters: { code }, status: 'draft', fields: ['name', 'code'] })
      : null;
    return department ? { name: String(department.name), code } : null;
  },

  /** Puts a user in a division (a department's documentId), or takes them out with null. */
  async assign(userId: number, department: string | null): Promise<AssignStaffResponse['data']> {
    const user = await strapi.db.query('admin::user').findOne({ where: { id: userId } });
    if (!user) throw new errors.NotFoundError(`No admin user ${userId}.`);
    if (department !== null) {
      const divisions = divisionType(strapi);
      const exists =
        divisions &&
        (await strapi
          .documents(divisions)
          .findFirst({ filters: { documentId: department }, status: 'draft' }));
      if (!exists)
        throw new errors.ValidationError(`No division (处室) with documentId ${department}.`, {
          key: 'department',
        });
    }
    const staff = strapi.db.query(UID.staff);
    const existing = await staff.findOne({ where: { adminUserId: userId } });
    if (department === null) {
      if (existing) await staff.delete({ where: { id: existing.id } });
    } else if (existing) {
      await staff.update({ where: { id: existing.id }, data: { department } });
    } else {
      await staff.create({ data: { adminUserId: userId, department } });
    }
    return { userId, department };
  },
});
