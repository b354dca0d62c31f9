import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { seedOnce } from '../seed-store';
import { publishThroughReview, staffMember, type ReviewCrew } from './publish-through-review';
import { beijingMidnight, disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const CONSULTATION_UID = 'plugin::disclosure.consultation';
const COMMENT_UID = 'plugin::disclosure.consultation-comment';

/** The demo's draft: a preamble and six articles under two chapters. */
const DRAFT = [
  '为贯彻落实《中华人民共和国中小企业促进法》，进一步优化中小企业发展环境，结合本市实际，制定本措施。',
  '第一章 总则',
  '第一条 本措施适用于在本市依法登记注册、符合国家中小企业划型标准的企业。',
  '第二条 市工业和信息化局负责本措施的组织实施，各区县工业和信息化主管部门负责本辖区内的具体工作。',
  '第二章 支持措施',
  '第三条 设立市中小企业发展专项资金，每年安排不少于5000万元，用于支持中小企业创新发展。',
  '第四条 对首次认定为省级“专精特新”中小企业的，给予一次性奖励20万元。',
  '第五条 支持中小企业实施技术改造，按照设备投资额的10%给予补助，单个项目最高不超过200万元。',
  '第六条 本措施自发布之日起施行，有效期三年。',
].join('\n');

type Adoption = 'adopted' | 'partly' | 'not_adopted';

/** The comments of the source year: the article, the text, the decision, shown publicly or not. */
const COMMENTS: ReadonlyArray<{
  anchor: string | null;
  text: string;
  name: string;
  adoption: Adoption;
  reason?: string;
  public: boolean;
  on: string;
}> = [
  {
    anchor: 'art-1',
    text: '建议将在本市有经营场所的外地中小企业分支机构纳入适用范围。',
    name: '赵刚',
    adoption: 'not_adopted',
    reason: '分支机构不具有独立法人资格，按照国家中小企业划型标准，不宜单独纳入。',
    public: true,
    on: '2018-05-04',
  },
  {
    anchor: 'art-2',
    text: '建议明确各区县主管部门的具体职责和工作时限。',
    name: '钱丽',
    adoption: 'adopted',
    public: true,
    on: '2018-05-07',
  },
  {
    anchor: 'art-3',
    text: '专项资金规模偏小，建议提高到每年1亿元。',
    name: '孙伟',
    adoption: 'partly',
    reason: '资金规模将结合市级财力逐年增加，首年安排不少于5000万元。',
    public: true,
    on: '2018-05-09',
  },
  {
    anchor: 'art-3',
    text: '建议专项资金向小微企业倾斜，单列小微企业支持额度。',
    name: '李娜',
    adoption: 'adopted',
    public: false,
    on: '2018-05-11',
  },
  {
    anchor: 'art-4',
    text: '建议对国家级“专精特新”小巨人企业另行给予更高奖励。',
    name: '周杰',
    adoption: 'adopted',
    public: true,
    on: '2018-05-15',
  },
  {
    anchor: 'art-5',
    text: '建议将软件和信息化投入纳入技术改造补助范围。',
    name: '吴敏',
    adoption: 'adopted',
    public: true,
    on: '2018-05-18',
  },
  {
    anchor: 'art-5',
    text: '建议取消单个项目200万元的补助上限。',
    name: '郑强',
    adoption: 'not_adopted',
    reason: '设置补助上限是为了扩大政策受益面，使更多中小企业得到支持。',
    public: false,
    on: '2018-05-23',
  },
  {
    anchor: 'art-6',
    text: '建议有效期届满前开展政策实施效果评估。',
    name: '王静',
    adoption: 'adopted',
    public: true,
    on: '2018-05-28',
  },
];

const OPENS_ON = '2018-05-02';
const CLOSES_ON = '2018-05-31';

/** A Beijing date at 10:00, as an instant. */
const at = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(beijingMidnight(year, month, day).getTime() + 10 * 3600 * 1000);
};

/**
 * The source year's consultation (调查征集): 《示范市促进中小企业发展若干措施（征求意见稿）》 of
 * 中小企业处, announced through the whole review on 2018-04-28, open 2018-05-02 to 05-31, eight
 * comments from the website anchored to its articles, moderated and decided, closed, and its
 * feedback summary (意见采纳情况) published through the review on 2018-06-15. Figures of 2018:
 * held 1, comments 8, resultsPublished 1. Seeded once, after the demo staff exist; the steps run
 * today and are then dated back to the source year (the services stamp "now").
 */
export async function seedDemoConsultations(strapi: Core.Strapi): Promise<boolean> {
  const userId = async (email: string) =>
    (
      (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as {
        id: number;
      } | null
    )?.id;
  const ids = {
    editor: await userId('editor.zxqy@demo.gov.cn'),
    head: await userId('head.zxqy@demo.gov.cn'),
    secrecy: await userId('secrecy@demo.gov.cn'),
  };
  if (!ids.editor || !ids.head || !ids.secrecy) return false;
  return seedOnce(strapi, 'demo-consultations', async () => {
    const consultations = disclosureService(strapi, 'consultations');
    const steps = disclosureService(strapi, 'consultation-steps');
    const website = disclosureService(strapi, 'consultation-public');
    const crew: ReviewCrew = {
      author: await staffMember(strapi, ids.editor!),
      divisionReviewer: await staffMember(strapi, ids.head!),
      confidentialityReviewer: await staffMember(strapi, ids.secrecy!),
    };
    const editor = await consultations.viewerOf(crew.author.user);
    // The review is taken below with the 2018 dates; the step itself only makes the draft.
    const withoutSubmitting = { can: () => false };
    const rows = strapi.db.query(CONSULTATION_UID);
    const today = new Date();
    const inThirtyDays = new Date(today.getTime() + 29 * 86_400_000);
    const date = (instant: Date) =>
      new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

    const { id, documentId } = await steps.create(
      {
        title: '示范市促进中小企业发展若干措施（征求意见稿）',
        purpose:
          '为进一步优化中小企业发展环境，促进中小企业健康发展，我局起草了《示范市促进中小企业发展若干措施（征求意见稿）》，现向社会公开征求意见。',
        draftText: DRAFT,
        opensOn: date(today),
        closesOn: date(inThirtyDays),
        isMajorDecision: true,
      },
      editor
    );
    await steps.announce(id, editor, withoutSubmitting);
    const { announcement } = await consultations.find(id);
    await publishOn(strapi, announcement!.documentId, '2018-04-28', crew);

    for (const comment of COMMENTS) {
      await website.comment(documentId, {
        anchor: comment.anchor,
        text: comment.text,
        name: comment.name,
        phone: `1390000${String(COMMENTS.indexOf(comment)).padStart(4, '0')}`,
      });
    }
    // The source year's dates: the period, and each comment's receipt.
    await rows.update({ where: { id }, data: { opensOn: OPENS_ON, closesOn: CLOSES_ON } });
    const stored = (await strapi.db
      .query(COMMENT_UID)
      .findMany({ where: { consultationId: id }, orderBy: { number: 'asc' } })) as Array<{
      id: number;
    }>;
    for (const [index, comment] of COMMENTS.entries()) {
      const row = stored[index];
      await strapi.db.query(COMMENT_UID).update({
        where: { id: row.id },
        data: { receivedOn: comment.on, receivedAt: at(comment.on).toISOString() },
      });
      if (comment.public) await steps.moderate(id, row.id, { moderation: 'public' }, editor);
      await steps.recordAdoption(
        id,
        row.id,
        { adoption: comment.adoption, reason: comment.reason ?? null },
        editor
      );
    }
    await steps.close(id, {}, editor);
    await rows.update({ where: { id }, data: { closedOn: '2018-06-01' } });
    await steps.draftSummary(id, {}, editor);
    await steps.submitSummary(id, editor, withoutSubmitting);
    const { summary } = await consultations.find(id);
    await publishOn(strapi, summary!.article!.documentId, '2018-06-15', crew);
  });
}

/**
 * A consultation's draft article through the whole review by its division's staff, with its
 * 索引号 of 2018 and its publication dated back to `publishedOn` (the Document Service stamps
 * "now").
 */
async function publishOn(
  strapi: Core.Strapi,
  documentId: string,
  publishedOn: string,
  crew: ReviewCrew
): Promise<void> {
  const when = at(publishedOn);
  await disclosureService(strapi, 'index-numbers').allocate(UID.article, documentId, when);
  await publishThroughReview(strapi, crew, { uid: UID.article, documentId, locale: 'zh-Hans' });
  const rows = strapi.db.query(UID.article);
  await rows.updateMany({ where: { documentId }, data: { firstPublishedAt: when } });
  await rows.updateMany({
    where: { documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: when },
  });
}
