import type { Core } from '@strapi/strapi';
import { seedOnce } from '../seed-store';
import { staffMember } from './publish-through-review';
import {
  disclosureService,
  nextDate,
  WorkingDayCalendar,
  type Services,
} from 'strapi-plugin-gov-disclosure/sdk';

const SYSTEM = { id: null, name: 'demo', roles: [] };

/** A demo staff member as the service items' review sees them: who, in which division, may what. */
async function viewerOf(strapi: Core.Strapi, email: string) {
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { email }, populate: ['roles'] });
  if (!user) return null;
  const { ability } = await staffMember(strapi, user.id);
  return {
    actor: {
      id: Number(user.id),
      name: [user.firstname, user.lastname].filter(Boolean).join(' '),
      roles: (user.roles ?? []).map((role: { code: string }) => role.code),
    },
    division: await disclosureService(strapi, 'staff').divisionOf(Number(user.id)),
    ability,
  };
}

type Viewer = NonNullable<Awaited<ReturnType<typeof viewerOf>>>;

/** The division's editor, its head (处室审核人) and the 保密审查员 of the demo bureau. */
async function crewOf(strapi: Core.Strapi, division: string) {
  const code = division.toLowerCase();
  const [editor, head, secrecy] = await Promise.all([
    viewerOf(strapi, `editor.${code}@demo.gov.cn`),
    viewerOf(strapi, `head.${code}@demo.gov.cn`),
    viewerOf(strapi, 'secrecy@demo.gov.cn'),
  ]);
  return editor && head && secrecy ? { editor, head, secrecy } : null;
}

/** The 2018 catalogue (domain.md §4, §6). The time limits and guide texts are illustrative. */
const ITEMS = [
  {
    name: '工业企业技术改造投资项目备案',
    itemType: 'filing',
    division: 'TZJS',
    legalBasis: '《企业投资项目核准和备案管理条例》（国务院令第673号）',
    legalDays: 5,
    promisedDays: 3,
    onlineDepth: 'full',
    closed2018: 19,
  },
  {
    name: '废旧电力设施器材收购的许可',
    itemType: 'licensing',
    division: 'XZSP',
    legalBasis: '《电力设施保护条例》及本省电力设施保护有关规定',
    legalDays: 20,
    promisedDays: 10,
    onlineDepth: 'partial',
    closed2018: 13,
  },
  {
    name: '民用爆炸物品安全生产许可初审',
    itemType: 'licensing',
    division: 'XZSP',
    legalBasis: '《民用爆炸物品安全管理条例》（国务院令第466号）',
    legalDays: 20,
    promisedDays: 15,
    onlineDepth: 'partial',
    closed2018: 2,
  },
  {
    name: '无线电频率台（站）许可',
    itemType: 'licensing',
    division: 'XZSP',
    legalBasis: '《中华人民共和国无线电管理条例》',
    legalDays: 20,
    promisedDays: 20,
    onlineDepth: 'offline',
    closed2018: 0,
  },
] as const;

/** Taken back by the province in 2018 (the source report); the date and wording are illustrative. */
const RADIO_WITHDRAWAL = {
  kind: 'taken_back' as const,
  date: '2018-07-02',
  authority: '省无线电管理机构',
  reason: '根据省级行政职权事项调整，该事项由省级收回实施。',
};

const HEADER =
  '办件编号,事项名称,申请人类型,申请人,证件号码,联系电话,申请日期,受理日期,决定日期,办结日期,办理结果';

/** Submits (by `submit`), then the division's head approves and the 保密审查员 clears. */
async function review(
  reviews: Services['service-item-reviews'],
  documentId: string,
  crew: { head: Viewer; secrecy: Viewer },
  submit: () => Promise<unknown>
) {
  await submit();
  await reviews.approve(documentId, crew.head);
  await reviews.clear(documentId, crew.secrecy);
}

/** The first working day on or after `date`. */
const workingDayFrom = (calendar: WorkingDayCalendar, date: string) => {
  let current = date;
  while (!calendar.isWorkingDay(current)) current = nextDate(current);
  return current;
};

/**
 * The closed 2018 cases as the provincial export would give them: `count` per item, spread over
 * the year on working days, each accepted the next working day, decided within the promised time
 * (准予) and delivered the day after. 19 + 13 + 2 = 34 (the source report's "36" does not add up).
 */
function casesCsv(calendar: WorkingDayCalendar): string {
  const lines = [HEADER];
  let serial = 0;
  for (const item of ITEMS) {
    for (let i = 0; i < item.closed2018; i++) {
      serial++;
      // Spread over January to early December.
      const dayOfYear = Math.floor((i * 330) / item.closed2018) + 8;
      const start = new Date(Date.UTC(2018, 0, 1) + dayOfYear * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const applied = workingDayFrom(calendar, start);
      const accepted = calendar.addWorkingDays(applied, 1);
      const decided = calendar.addWorkingDays(accepted, Math.max(1, item.promisedDays - 1));
      const delivered = calendar.addWorkingDays(decided, 1);
      const number = `FW2018-${String(serial).padStart(5, '0')}`;
      const company = `示范${['机械', '化工', '电子', '冶金', '建材'][serial % 5]}企业${serial}号有限公司`;
      lines.push(
        [
          number,
          item.name,
          '法人',
          company,
          `91210100MA${String(100000 + serial)}X`,
          `024-2${String(1000000 + serial).slice(1)}`,
          applied,
          accepted,
          decided,
          delivered,
          '准予',
        ].join(',')
      );
    }
  }
  return lines.join('\n');
}

/** The demo's 2018 service items and their cases (domain.md §6): seeded once; true when seeded now. */
export async function seedDemoServiceCases(strapi: Core.Strapi): Promise<boolean> {
  if (!strapi.config.get<{ personalDataKey?: string }>('plugin::disclosure').personalDataKey) {
    strapi.log.warn(
      '[demo] no DISCLOSURE_PERSONAL_DATA_KEY: the 2018 service cases are not seeded'
    );
    return false;
  }
  return seedOnce(strapi, 'demo-service-cases', async () => {
    const started = Date.now();
    const items = disclosureService(strapi, 'service-items');
    const reviews = disclosureService(strapi, 'service-item-reviews');
    for (const item of ITEMS) {
      // The demo bureau's divisions come with the demo content; without them, no division.
      const department = await strapi.documents('api::department.department').findFirst({
        filters: { code: item.division },
        status: 'published',
        fields: ['code'],
      });
      // Each guide goes out as the rules say (先审查、后公开): its division's editor submits it,
      // the division's head approves it, the 保密审查员 clears it, then the editor publishes it.
      const crew = await crewOf(strapi, item.division);
      if (!department || !crew) {
        strapi.log.warn(`[demo] no staff of ${item.division}: ${item.name} is not seeded`);
        continue;
      }
      const created = await items.create(
        {
          name: item.name,
          itemType: item.itemType,
          division: department.documentId,
          legalBasis: item.legalBasis,
          conditions: '申请人依法设立，符合相关法律法规和产业政策规定的条件。',
          materials: '申请表；营业执照复印件；项目或场所相关证明材料。',
          location: '示范市政务服务中心工业和信息化局窗口',
          hours: '法定工作日 上午9:00-12:00，下午13:30-17:00',
          phone: '024-12345606',
          process: '申请 → 受理 → 审查 → 决定 → 送达',
          legalDays: item.legalDays,
          promisedDays: item.promisedDays,
          fees: '不收费',
          onlineUrl: null,
          onlineDepth: item.onlineDepth,
        },
        crew.editor
      );
      await review(reviews, created.documentId, crew, () =>
        reviews.submit(created.documentId, crew.editor)
      );
      await reviews.publish(created.documentId, crew.editor, '2018-01-02');
      if (item.name === '无线电频率台（站）许可') {
        await review(reviews, created.documentId, crew, () =>
          reviews.withdraw(created.documentId, RADIO_WITHDRAWAL, crew.editor)
        );
        await reviews.publish(created.documentId, crew.editor);
      }
    }
    const calendar = await disclosureService(strapi, 'calendar').current();
    const report = await disclosureService(strapi, 'service-cases').import(
      casesCsv(calendar),
      false,
      { division: null },
      SYSTEM
    );
    strapi.log.info(
      `[demo] ${ITEMS.length} service items and ${report.imported} cases in ${Date.now() - started} ms`
    );
  });
}
