import type { Core } from '@strapi/strapi';
import { DISCLOSURE_ROLES, DISCLOSURE_UID } from 'strapi-plugin-gov-disclosure/sdk';
import { DEMO_DEPARTMENTS } from './demo-content';
import { staffMember, type ReviewCrew, type StaffMember } from './publish-through-review';

export interface DemoStaff {
  /** The crew that reviews an item of this division (by department code). */
  crewFor(departmentCode: string): ReviewCrew;
}

const account = (email: string, firstname: string, lastname: string) => ({
  email,
  firstname,
  lastname,
});

/**
 * The bureau's staff for the demo, one person per role and division: an editor (编辑) and the
 * division head (处室审核人) of every division, a confidentiality reviewer (保密审查员) and the
 * coordinator (政务公开协调员) of 综合法规处. All log in with DEMO_ADMIN_PASSWORD.
 */
export async function createDemoStaff(
  strapi: Core.Strapi,
  password: string,
  departmentIds: ReadonlyMap<string, string>
): Promise<DemoStaff> {
  const roleId = async (code: string) =>
    ((await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number }).id;
  const create = async (
    { email, firstname, lastname }: ReturnType<typeof account>,
    roleCode: string,
    departmentCode: string | null
  ): Promise<StaffMember> => {
    const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
    const user =
      existing ??
      (await strapi.service('admin::user').create({
        email,
        password,
        firstname,
        lastname,
        isActive: true,
        preferedLanguage: 'zh-Hans',
        roles: [await roleId(roleCode)],
      }));
    if (departmentCode) {
      const staff = strapi.db.query(DISCLOSURE_UID.staff);
      if (!(await staff.findOne({ where: { adminUserId: user.id } }))) {
        await staff.create({
          data: { adminUserId: user.id, department: departmentIds.get(departmentCode) },
        });
      }
    }
    return staffMember(strapi, user.id);
  };

  const secrecy = await create(
    account('secrecy@demo.gov.cn', '保密', '审查员'),
    DISCLOSURE_ROLES.confidentialityReviewer,
    null
  );
  await create(
    account('coordinator@demo.gov.cn', '公开', '协调员'),
    DISCLOSURE_ROLES.coordinator,
    null
  );
  const crews = new Map<string, ReviewCrew>();
  for (const department of DEMO_DEPARTMENTS) {
    const code = department.code.toLowerCase();
    crews.set(department.code, {
      author: await create(
        account(`editor.${code}@demo.gov.cn`, department.name, '编辑'),
        DISCLOSURE_ROLES.editor,
        department.code
      ),
      divisionReviewer: await create(
        account(`head.${code}@demo.gov.cn`, department.name, '处长'),
        DISCLOSURE_ROLES.divisionReviewer,
        department.code
      ),
      confidentialityReviewer: secrecy,
    });
  }
  return {
    crewFor(departmentCode: string): ReviewCrew {
      const crew = crews.get(departmentCode);
      if (!crew) throw new Error(`demo content names unknown department ${departmentCode}`);
      return crew;
    },
  };
}
