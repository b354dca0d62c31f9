import type { Core } from '@strapi/strapi';
import { seedOnce } from '../seed-store';
import { staffMember, type StaffMember } from './publish-through-review';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

type Category =
  | 'policy'
  | 'funding'
  | 'technical_upgrade'
  | 'licensing'
  | 'informatization'
  | 'energy'
  | 'enterprise_burden'
  | 'disclosure';

/** A question the phone desk hears, the answer it gives, and the division whose matter it is. */
const PHONE_QUESTIONS: ReadonlyArray<[Category, string, string, string]> = [
  [
    'technical_upgrade',
    '工业企业技术改造投资项目备案在哪里办理？',
    '在市政务服务中心工信窗口办理，也可通过投资项目在线审批监管平台网上申报。',
    'TZJS',
  ],
  [
    'technical_upgrade',
    '技术改造项目备案需要提交哪些材料？',
    '需提交项目备案申请表、企业营业执照、项目基本情况说明，材料齐全的当场办结。',
    'TZJS',
  ],
  [
    'funding',
    '今年技术改造专项资金什么时候开始申报？',
    '申报通知将在我局门户网站“通知公告”栏目发布，请留意。',
    'TZJS',
  ],
  [
    'funding',
    '中小企业发展专项资金的支持方向有哪些？',
    '重点支持中小企业公共服务平台、“专精特新”企业培育和融资服务，详见申报指南。',
    'ZXQY',
  ],
  [
    'licensing',
    '废旧电力设施器材收购许可需要什么条件？',
    '需有固定经营场所、相应的安全保卫措施和管理制度，具体条件见办事指南。',
    'XZSP',
  ],
  [
    'licensing',
    '民用爆炸物品安全生产许可初审的办理时限是多少？',
    '材料齐全后20个工作日内完成初审并报省工业和信息化厅。',
    'XZSP',
  ],
  [
    'policy',
    '我市支持工业企业上云有哪些政策？',
    '我局发布了推动企业上云实施方案，对上云企业给予服务券补贴，文件可在“政策法规”栏目查阅。',
    'TZJS',
  ],
  [
    'policy',
    '“专精特新”中小企业如何认定？',
    '按照认定办法由企业自愿申报，经区县推荐、专家评审后公示认定。',
    'ZXQY',
  ],
  [
    'informatization',
    '软件企业认定现在由哪个部门负责？',
    '软件企业认定已改为企业自行评估，可咨询市软件行业协会。',
    'TZJS',
  ],
  [
    'energy',
    '企业用电增容应该找哪个部门？',
    '用电增容由供电企业受理，我局可协助协调重点项目用电问题。',
    'YXJC',
  ],
  [
    'energy',
    '重点用能企业能源审计有什么要求？',
    '重点用能单位应每三年开展一次能源审计，审计报告报送节能主管部门。',
    'YXJC',
  ],
  [
    'enterprise_burden',
    '企业遇到乱收费问题可以向哪里反映？',
    '可向我局减轻企业负担工作机构反映，也可拨打企业服务热线。',
    'ZXQY',
  ],
  [
    'enterprise_burden',
    '企业服务热线的工作时间是什么？',
    '企业服务热线工作日8:30至17:00有人接听，其他时间可留言。',
    'ZXQY',
  ],
  [
    'disclosure',
    '如何向贵局申请政府信息公开？',
    '可通过门户网站“依申请公开”栏目在线申请，也可书面申请。',
    'BGS',
  ],
  [
    'disclosure',
    '贵局的政府信息公开年报在哪里查看？',
    '在门户网站“政务公开—政府信息公开年报”栏目查看。',
    'BGS',
  ],
  [
    'policy',
    '工业经济运行监测数据在哪里发布？',
    '我局按月在门户网站发布工业经济运行情况。',
    'YXJC',
  ],
];

interface WrittenCase {
  category: Category;
  kind: 'consultation' | 'complaint' | 'suggestion' | 'help';
  subject: string;
  message: string;
  reply: string;
  division: string;
}

/** The source year's 12 民心网 cases, one a month. */
const MINXIN_CASES: readonly WrittenCase[] = [
  {
    category: 'funding',
    kind: 'consultation',
    subject: '技术改造补助资金拨付进度',
    message: '我公司2017年技术改造项目已验收，请问补助资金何时拨付？',
    reply: '经核实，该项目补助资金已列入第一批拨付计划，预计3月底前拨付到位。',
    division: 'TZJS',
  },
  {
    category: 'enterprise_burden',
    kind: 'complaint',
    subject: '反映涉企检查过多',
    message: '本企业一个月内接到多个部门检查，影响正常生产，希望规范。',
    reply: '我局已将反映的情况转有关部门，正推行“双随机、一公开”监管，减少重复检查。',
    division: 'ZHFG',
  },
  {
    category: 'licensing',
    kind: 'consultation',
    subject: '废旧电力设施器材收购许可办理',
    message: '想开办废旧电力设施器材收购站，需要办理什么手续？',
    reply: '需向我局申请废旧电力设施器材收购许可，办事指南已在门户网站公布，可网上申请。',
    division: 'XZSP',
  },
  {
    category: 'policy',
    kind: 'consultation',
    subject: '中小企业公共服务平台申报条件',
    message: '我单位拟申报市级中小企业公共服务示范平台，请问需要满足哪些条件？',
    reply:
      '申报条件见《示范市中小企业公共服务示范平台认定管理办法》，申报通知发布后可按要求提交材料。',
    division: 'ZXQY',
  },
  {
    category: 'energy',
    kind: 'help',
    subject: '工业园区停电影响生产',
    message: '园区近期频繁停电，企业生产受到影响，请协调解决。',
    reply: '我局已协调供电企业对园区线路进行检修，并完成变电站增容改造，供电已恢复稳定。',
    division: 'YXJC',
  },
  {
    category: 'informatization',
    kind: 'suggestion',
    subject: '建议加快工业互联网平台建设',
    message: '建议政府支持建设面向中小企业的工业互联网平台。',
    reply: '感谢您的建议，工业互联网平台建设已列入我局明年工作计划。',
    division: 'TZJS',
  },
  {
    category: 'funding',
    kind: 'consultation',
    subject: '“专精特新”企业奖励政策',
    message: '被认定为“专精特新”企业后有哪些奖励？',
    reply: '对新认定的“专精特新”中小企业给予一次性奖励，具体标准见认定办法。',
    division: 'ZXQY',
  },
  {
    category: 'disclosure',
    kind: 'consultation',
    subject: '查询政府信息公开申请办理进度',
    message: '上月提交的政府信息公开申请何时答复？',
    reply: '您的申请已于本月答复，答复书已按您选择的方式寄送。',
    division: 'BGS',
  },
  {
    category: 'enterprise_burden',
    kind: 'complaint',
    subject: '反映行业协会强制收费',
    message: '某行业协会要求企业必须入会并缴纳会费。',
    reply: '经调查，已责令该协会停止强制入会收费行为并退还相关费用。',
    division: 'ZXQY',
  },
  {
    category: 'technical_upgrade',
    kind: 'consultation',
    subject: '技术改造项目备案变更',
    message: '已备案的技术改造项目投资额有变化，是否需要变更备案？',
    reply: '项目投资额等主要内容发生变化的，应通过在线平台办理备案变更。',
    division: 'TZJS',
  },
  {
    category: 'licensing',
    kind: 'consultation',
    subject: '民爆生产许可初审材料',
    message: '民用爆炸物品安全生产许可初审需要哪些材料？',
    reply: '需提交申请表、安全评价报告、安全生产管理制度等材料，详见办事指南。',
    division: 'XZSP',
  },
  {
    category: 'policy',
    kind: 'consultation',
    subject: '工业企业上云补贴申领',
    message: '企业上云服务券如何申领？',
    reply: '企业可通过市企业上云服务平台注册申领服务券，使用后由服务商申请兑付。',
    division: 'TZJS',
  },
];

/** The source year's two transfers from 政府公开电话. */
const HOTLINE_CASES: readonly WrittenCase[] = [
  {
    category: 'enterprise_burden',
    kind: 'help',
    subject: '企业反映原材料运输受限',
    message: '来电企业反映原材料运输车辆进城受限，影响生产，请求协调。',
    reply: '我局已会同交通管理部门研究，为重点工业企业办理货车通行证，问题已解决。',
    division: 'YXJC',
  },
  {
    category: 'funding',
    kind: 'consultation',
    subject: '咨询中小企业融资担保政策',
    message: '来电人咨询中小企业融资担保贴息政策。',
    reply: '已电话告知来电人融资担保贴息申报条件和办理流程，来电人表示满意。',
    division: 'ZXQY',
  },
];

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];

/**
 * The source year's public inquiries (domain.md §6): 103 phone consultations answered by the
 * phone desk on the call, spread over the working days of 2018; 12 民心网 cases, one a month, and
 * 2 transfers from 政府公开电话, each assigned to the division of its subject, answered in writing
 * through the 保密审查员 within its deadline and rated 满意 — 答复率 100%. Seeded once, after the
 * demo staff exist.
 */
export async function seedDemoInquiries(strapi: Core.Strapi): Promise<boolean> {
  const userId = async (email: string) =>
    (
      (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as {
        id: number;
      } | null
    )?.id;
  const coordinatorId = await userId('coordinator@demo.gov.cn');
  const secrecyId = await userId('secrecy@demo.gov.cn');
  if (!coordinatorId || !secrecyId) return false;
  return seedOnce(strapi, 'demo-inquiries', async () => {
    const inquiries = disclosureService(strapi, 'inquiries');
    const intake = disclosureService(strapi, 'inquiry-intake');
    const steps = disclosureService(strapi, 'inquiry-steps');
    const calendar = await disclosureService(strapi, 'calendar').current();
    const members = new Map<string, StaffMember>();
    const viewer = async (email: string) => {
      let member = members.get(email);
      if (!member) {
        const id = await userId(email);
        if (!id) throw new Error(`demo inquiries: no demo user ${email}`);
        member = await staffMember(strapi, id);
        members.set(email, member);
      }
      return inquiries.viewerOf(member.user, member.ability);
    };
    const coordinator = await viewer('coordinator@demo.gov.cn');
    const secrecy = await viewer('secrecy@demo.gov.cn');

    // 103 calls over the year's ~245 working days, every second or third working day.
    for (let index = 0; index < 103; index++) {
      const [category, question, answer, division] =
        PHONE_QUESTIONS[index % PHONE_QUESTIONS.length];
      await intake.logCall(
        {
          category,
          question,
          answer,
          kind: 'consultation',
          division,
          receivedOn: calendar.addWorkingDays('2018-01-01', 1 + Math.floor(index * 2.35)),
          callerName: index % 4 === 0 ? `${SURNAMES[index % SURNAMES.length]}先生` : null,
        },
        coordinator
      );
    }

    const written = async (
      entry: WrittenCase,
      index: number,
      receivedOn: string,
      origin: { channel: 'minxin' | 'hotline'; externalNumber: string }
    ) => {
      const { id } = await intake.register(
        {
          channel: origin.channel,
          kind: entry.kind,
          category: entry.category,
          subject: entry.subject,
          message: entry.message,
          externalNumber: origin.externalNumber,
          transferredBy: origin.channel === 'hotline' ? 'government_hotline' : null,
          receivedOn,
          division: entry.division,
          name: `${SURNAMES[index % SURNAMES.length]}女士`,
          phone: `138${String(24000000 + index * 7919).slice(0, 8)}`,
        },
        coordinator
      );
      const editor = await viewer(`editor.${entry.division.toLowerCase()}@demo.gov.cn`);
      await steps.draftReply(id, { text: entry.reply }, editor);
      const { reply } = await inquiries.find(id);
      await steps.clearReply(id, { hash: reply!.hash }, secrecy);
      const sentOn = calendar.addWorkingDays(receivedOn, 2 + (index % 3));
      await steps.sendReply(id, { date: sentOn }, editor);
      await steps.recordSatisfaction(
        id,
        { satisfaction: 'satisfied', date: calendar.addWorkingDays(sentOn, 1) },
        editor
      );
    };

    for (const [index, entry] of MINXIN_CASES.entries()) {
      const month = String(index + 1).padStart(2, '0');
      const receivedOn = calendar.addWorkingDays(`2018-${month}-05`, index % 4);
      await written(entry, index, receivedOn, {
        channel: 'minxin',
        externalNumber: `MXW2018${month}${String(100 + index * 37).padStart(4, '0')}`,
      });
    }
    for (const [index, entry] of HOTLINE_CASES.entries()) {
      const receivedOn = calendar.addWorkingDays(index === 0 ? '2018-03-19' : '2018-09-17', 0);
      await written(entry, index + 12, receivedOn, {
        channel: 'hotline',
        externalNumber: `ZFGKDH-2018-${String(31 + index * 140).padStart(4, '0')}`,
      });
    }
  });
}
