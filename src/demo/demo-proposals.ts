import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { seedOnce } from '../seed-store';
import { publishThroughReview, staffMember, type StaffMember } from './publish-through-review';
import { beijingMidnight, disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

type Kind = 'deputy' | 'member';

interface DemoProposal {
  kind: Kind;
  number: string;
  title: string;
  proposer: string;
  delegation: string;
  lead: string;
  coHandler?: string;
  resultClass: 'A' | 'B' | 'C';
  /** 全文 or 摘要. */
  mode: 'full' | 'summary';
  answer: string;
}

const SESSIONS: Record<Kind, { term: string; meeting: string }> = {
  deputy: { term: '市十六届人大', meeting: '二次会议' },
  member: { term: '市政协十四届', meeting: '二次会议' },
};

/** The source year's 9 suggestions and 8 proposals (domain.md §6), each with the division of its subject. */
const DEMO_PROPOSALS: readonly DemoProposal[] = [
  [
    'deputy',
    '12',
    '关于加大工业企业技术改造支持力度的建议',
    '王建国',
    '和平区代表团',
    'TZJS',
    undefined,
    'A',
    'full',
    '2018年我局安排技术改造专项资金，重点支持企业智能化、绿色化改造，已有19个项目完成备案。',
  ],
  [
    'deputy',
    '27',
    '关于缓解中小企业融资难融资贵的建议',
    '李淑芬',
    '沈河区代表团',
    'ZXQY',
    'YXJC',
    'B',
    'full',
    '我局会同金融机构建立中小企业融资对接机制，全年举办银企对接活动6场，正在推动设立中小企业应急转贷资金。',
  ],
  [
    'deputy',
    '35',
    '关于推进工业互联网平台建设的建议',
    '张海涛',
    '铁西区代表团',
    'TZJS',
    undefined,
    'B',
    'summary',
    '工业互联网平台建设已列入2019年工作计划，我局将分步推进重点行业平台建设。',
  ],
  [
    'deputy',
    '41',
    '关于保障工业园区用电稳定的建议',
    '赵晓东',
    '浑南区代表团',
    'YXJC',
    undefined,
    'A',
    'full',
    '我局协调供电企业完成园区变电站增容改造，园区供电可靠性明显提高。',
  ],
  [
    'deputy',
    '58',
    '关于优化行政审批流程推行“最多跑一次”的建议',
    '孙丽娟',
    '皇姑区代表团',
    'XZSP',
    undefined,
    'A',
    'full',
    '我局承办的行政许可事项已全部进驻政务服务中心，实现网上申请、一次办结。',
  ],
  [
    'deputy',
    '63',
    '关于建立中小企业公共服务平台的建议',
    '周文斌',
    '大东区代表团',
    'ZXQY',
    undefined,
    'A',
    'full',
    '市中小企业公共服务平台已于2018年6月上线运行，并开通企业服务热线。',
  ],
  [
    'deputy',
    '77',
    '关于推动传统制造业智能化改造的建议',
    '吴志刚',
    '于洪区代表团',
    'TZJS',
    'ZXQY',
    'B',
    'summary',
    '我局正在编制制造业智能化改造行动方案，逐步推动传统制造企业开展智能化改造。',
  ],
  [
    'deputy',
    '86',
    '关于加强工业经济运行监测预警的建议',
    '郑红梅',
    '苏家屯区代表团',
    'YXJC',
    undefined,
    'A',
    'full',
    '我局已建立重点企业运行监测制度，按月发布工业经济运行分析。',
  ],
  [
    'deputy',
    '94',
    '关于规范涉企检查减轻企业负担的建议',
    '冯立新',
    '新民市代表团',
    'ZHFG',
    'XZSP',
    'B',
    'full',
    '我局推行“双随机、一公开”监管，正在制定涉企检查事项清单。',
  ],
  [
    'member',
    '103',
    '关于支持“专精特新”中小企业发展的提案',
    '陈静',
    '民建界别',
    'ZXQY',
    undefined,
    'A',
    'full',
    '我局制定了“专精特新”中小企业培育办法，2018年认定首批企业并给予资金支持。',
  ],
  [
    'member',
    '118',
    '关于推进工业领域节能降耗的提案',
    '刘洋',
    '经济界别',
    'YXJC',
    undefined,
    'B',
    'summary',
    '我局将工业节能纳入年度工作重点，逐步推进重点用能企业能源管控中心建设。',
  ],
  [
    'member',
    '126',
    '关于加快培育智能制造示范企业的提案',
    '杨帆',
    '科技界别',
    'TZJS',
    undefined,
    'B',
    'full',
    '我局已组织开展智能制造示范企业评选，示范企业培育正在推进中。',
  ],
  [
    'member',
    '131',
    '关于完善企业服务热线运行机制的提案',
    '黄敏',
    '工商联界别',
    'ZXQY',
    'BGS',
    'A',
    'full',
    '企业服务热线已实行首问负责和限时办结制度，来电办结情况按月通报。',
  ],
  [
    'member',
    '147',
    '关于加强民用爆炸物品安全监管的提案',
    '何军',
    '农工党界别',
    'XZSP',
    undefined,
    'A',
    'full',
    '我局严格执行民用爆炸物品安全生产许可初审制度，并开展专项安全检查。',
  ],
  [
    'member',
    '152',
    '关于推进工业企业技术创新中心建设的提案',
    '高峰',
    '九三学社界别',
    'TZJS',
    undefined,
    'C',
    'summary',
    '受资金条件限制，技术创新中心建设暂作为今后工作参考，我局将积极争取省级支持。',
  ],
  [
    'member',
    '165',
    '关于加强政务公开提高涉企政策知晓度的提案',
    '林晓',
    '民进界别',
    'BGS',
    'ZHFG',
    'A',
    'full',
    '我局已在门户网站开设政策解读专栏，涉企政策同步推送至企业服务平台。',
  ],
  [
    'member',
    '178',
    '关于促进工业设计产业发展的提案',
    '郭亮',
    '致公党界别',
    'TZJS',
    undefined,
    'C',
    'full',
    '工业设计产业发展的建议我局已留作参考，将在编制相关规划时统筹考虑。',
  ],
].map(
  ([kind, number, title, proposer, delegation, lead, coHandler, resultClass, mode, answer]) =>
    ({
      kind,
      number,
      title,
      proposer,
      delegation,
      lead,
      coHandler,
      resultClass,
      mode,
      answer,
    }) as DemoProposal
);

/** YYYY-MM-DD `days` calendar days after `date`. */
const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The source year's suggestions and proposals (domain.md §6): 9 市人大代表建议 and 8 政协委员提案,
 * each registered and assigned by the coordinator in March 2018 to the division of its subject,
 * the co-handler's opinion, the reply drafted by the lead's editor and cleared by the 保密审查员,
 * sent in May or June, rated 满意, and published (全文 or 摘要) as one item in 建议提案办理 through
 * the whole review — 17 items dated 2018. Seeded once, after the demo staff exist.
 */
export async function seedDemoProposals(strapi: Core.Strapi): Promise<boolean> {
  const userId = async (email: string) =>
    (
      (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as {
        id: number;
      } | null
    )?.id;
  const coordinatorId = await userId('coordinator@demo.gov.cn');
  const secrecyId = await userId('secrecy@demo.gov.cn');
  if (!coordinatorId || !secrecyId) return false;
  return seedOnce(strapi, 'demo-proposals', async () => {
    const proposals = disclosureService(strapi, 'proposals');
    const steps = disclosureService(strapi, 'proposal-steps');
    const calendar = await disclosureService(strapi, 'calendar').current();
    const members = new Map<string, StaffMember>();
    const member = async (email: string) => {
      const known = members.get(email);
      if (known) return known;
      const id = await userId(email);
      if (!id) throw new Error(`demo proposals: no demo user ${email}`);
      const loaded = await staffMember(strapi, id);
      members.set(email, loaded);
      return loaded;
    };
    const viewer = async (email: string) => {
      const { user, ability } = await member(email);
      return proposals.viewerOf(user, ability);
    };
    const editorOf = (code: string) => `editor.${code.toLowerCase()}@demo.gov.cn`;
    const coordinator = await viewer('coordinator@demo.gov.cn');
    const secrecy = await viewer('secrecy@demo.gov.cn');

    for (const [index, entry] of DEMO_PROPOSALS.entries()) {
      const assignedOn = daysAfter('2018-03-12', index % 5);
      const { id } = await steps.register(
        {
          kind: entry.kind,
          ...SESSIONS[entry.kind],
          number: entry.number,
          title: entry.title,
          content: `${entry.title.replace(/^关于|的(建议|提案)$/g, '')}事关全市工业经济高质量发展，建议有关部门加大工作力度。`,
          proposers: [
            {
              name: entry.proposer,
              delegation: entry.delegation,
              phone: `139${String(10000000 + index * 7919).slice(0, 8)}`,
            },
          ],
          lead: entry.lead,
          coHandlers: entry.coHandler ? [entry.coHandler] : [],
          assignedOn,
        },
        coordinator
      );
      if (entry.coHandler) {
        await steps.submitOpinion(
          id,
          { text: `我处同意主办单位的办理意见，并将配合做好相关工作。` },
          await viewer(editorOf(entry.coHandler))
        );
      }
      const lead = await viewer(editorOf(entry.lead));
      await steps.draftReply(id, { resultClass: entry.resultClass, answer: entry.answer }, lead);
      const { reply } = await proposals.find(id);
      await steps.clearReply(id, { hash: reply!.hash }, secrecy);
      const sentOn = calendar.addWorkingDays(assignedOn, 45 + (index % 10));
      await steps.sendReply(id, { date: sentOn }, lead);
      await steps.recordFeedback(
        id,
        { feedback: 'satisfied', date: calendar.addWorkingDays(sentOn, 5) },
        lead
      );
      const publication = await steps.decidePublication(
        id,
        entry.mode === 'full' ? { mode: 'full' } : { mode: 'summary', summary: entry.answer },
        lead
      );
      const publishedOn = calendar.addWorkingDays(sentOn, 3 + (index % 7));
      await publishReply(strapi, publication.item!.documentId, publishedOn, {
        author: await member(editorOf(entry.lead)),
        divisionReviewer: await member(`head.${entry.lead.toLowerCase()}@demo.gov.cn`),
        confidentialityReviewer: await member('secrecy@demo.gov.cn'),
      });
      // Historical import: the decision's date as in the source year (the steps stamp today).
      const row = await proposals.find(id);
      await strapi.db.query(DEMO_PROPOSAL_UID).update({
        where: { id },
        data: {
          publishedOn,
          reply: {
            ...row.reply,
            publication: { ...row.reply!.publication, decidedOn: publishedOn },
          },
        },
      });
    }
  });
}

const DEMO_PROPOSAL_UID = 'plugin::disclosure.proposal';

/**
 * The reply's draft item through the whole review by its division's staff, with its 索引号 of
 * 2018 and its publication dated back to `publishedOn` (the Document Service stamps "now").
 */
async function publishReply(
  strapi: Core.Strapi,
  documentId: string,
  publishedOn: string,
  crew: Parameters<typeof publishThroughReview>[1]
): Promise<void> {
  const [year, month, day] = publishedOn.split('-').map(Number);
  const at = new Date(beijingMidnight(year, month, day).getTime() + 10 * 3600 * 1000);
  await disclosureService(strapi, 'index-numbers').allocate(UID.article, documentId, at);
  await publishThroughReview(strapi, crew, { uid: UID.article, documentId, locale: 'zh-Hans' });
  const rows = strapi.db.query(UID.article);
  await rows.updateMany({ where: { documentId }, data: { firstPublishedAt: at } });
  await rows.updateMany({
    where: { documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: at },
  });
}
