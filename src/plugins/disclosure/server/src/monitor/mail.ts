/**
 * The monitor's daily digest (the kernel mailer sends it, only when e-mail notifications are on):
 * one mail to the coordinators with every notice of the day, and one to each division's reviewers
 * (处室审核人) with the notices of their division's columns.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { PLUGIN_ID, ROLES, UID } from '../kernel/constants';
import type { DigestNotice } from './domain/timeliness';
import type { MonitorColumn } from '../../../shared/monitor/contracts';
import { UPDATE_CLASS_LABELS } from '../../../shared/monitor/contracts';

export interface ColumnNotice extends DigestNotice {
  column: MonitorColumn;
}

const lineOf = ({ column, threshold, staleOn }: ColumnNotice, today: string) => {
  const since = column.lastPublishedOn ? `最近发布 ${column.lastPublishedOn}` : '从未发布';
  const head = `${column.parent ? `${column.parent} › ` : ''}${column.name}（${UPDATE_CLASS_LABELS[column.updateClass]}，${column.limitDays}天）`;
  return threshold === 'stale'
    ? `${head}：${since}，已于 ${staleOn} 超期未更新。`
    : `${head}：${since}，如不更新将于 ${staleOn} 超期（还有 ${Math.round(
        (Date.parse(staleOn) - Date.parse(today)) / 86_400_000
      )} 天）。`;
};

export const monitorMail = (strapi: Core.Strapi) => {
  const mailer = () => getService(strapi, 'mailer');
  const page = () => {
    const base = String(strapi.config.get('server.url', '') || '').replace(/\/$/, '');
    return `${base}/admin/plugins/${PLUGIN_ID}/monitor`;
  };

  /** The addresses of the division reviewers (处室审核人) of a division (its documentId). */
  const divisionHeads = async (division: string): Promise<string[]> => {
    const staff = (await strapi.db
      .query(UID.staff)
      .findMany({ where: { department: division } })) as Array<{ adminUserId: number }>;
    if (staff.length === 0) return [];
    const heads = (await strapi.db.query('admin::user').findMany({
      where: {
        id: { $in: staff.map((member) => Number(member.adminUserId)) },
        roles: { code: ROLES.divisionReviewer },
        isActive: true,
      },
      select: ['email'],
    })) as Array<{ email: string }>;
    return heads.map((head) => head.email);
  };

  const compose = (to: string[], notices: ColumnNotice[], today: string) => {
    const stale = notices.filter((notice) => notice.threshold === 'stale').length;
    const due = notices.length - stale;
    const counts = [due ? `${due}个栏目即将超期` : '', stale ? `${stale}个栏目已超期未更新` : '']
      .filter(Boolean)
      .join('，');
    return {
      to,
      subject: `【栏目更新提醒】${today} ${counts}`,
      text: [
        '网站检查（国办秘函〔2019〕19号）对栏目不更新实行单项否决，请及时更新以下栏目：',
        ...notices.map((notice) => lineOf(notice, today)),
        page(),
      ].join('\n'),
    };
  };

  return {
    /** The day's digest: the coordinators get every notice, each division its own columns'. */
    async digest(notices: ColumnNotice[], today: string) {
      if (notices.length === 0) return;
      await mailer().notify(
        async () =>
          compose(
            (await mailer().usersWithRole(ROLES.coordinator)).map((user) => user.email),
            notices,
            today
          ),
        { audience: 'staff' }
      );
      const divisions = [
        ...new Set(notices.map((notice) => notice.column.division?.documentId).filter(Boolean)),
      ] as string[];
      for (const division of divisions) {
        const mine = notices.filter((notice) => notice.column.division?.documentId === division);
        await mailer().notify(async () => compose(await divisionHeads(division), mine, today), {
          audience: 'staff',
        });
      }
    },
  };
};
