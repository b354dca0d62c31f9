import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES, UID, type AppUid } from '../constants';
import { seedOnce, type UpdateData } from '../seed-store';
import { createDemoStaff, type DemoStaff } from './demo-staff';
import { publishThroughReview } from './publish-through-review';
import {
  DEMO_ARTICLES,
  DEMO_DEPARTMENTS,
  DEMO_INTERPRETATIONS,
  DEMO_LEADERS,
  DEMO_MEETINGS,
  DEMO_POLICIES,
  DEMO_PUBLISHER,
  DEMO_REQUEST_GUIDE,
  sourceYearTopUp,
  type DemoItem,
} from './demo-content';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

type Data = Record<string, unknown>;

/** Routine items published per transaction. */
const TOP_UP_BATCH = 50;

const paragraphs = (...texts: string[]) =>
  texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

const metadata = (entry: DemoItem) => ({
  publisher: DEMO_PUBLISHER,
  docNumber: entry.docNumber ?? null,
  dateFormed: entry.publishedAt.slice(0, 10),
  topic: '工业、交通',
  genre: entry.genre,
  disclosureMode: 'proactive',
  disclosureScope: '面向全社会',
});

/**
 * Fills a new development database with the source year's demo content, once: the bureau's
 * divisions and staff (one account per role and division, all with `staffPassword`), and items
 * in every column, each published through the whole review by that staff and then dated back to
 * its 2018 publication date so lists and statistics read as in the source year.
 */
export async function seedDemoContent(
  strapi: Core.Strapi,
  staffPassword: string
): Promise<boolean> {
  return seedOnce(strapi, 'demo-content', async () => {
    const seeder = new DemoSeeder(strapi, staffPassword);
    await seeder.run();
  });
}

class DemoSeeder {
  private readonly departmentIds = new Map<string, string>();
  private readonly columnIds = new Map<string, string>();
  private readonly policyIds = new Map<string, string>();
  private staff?: DemoStaff;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly staffPassword: string
  ) {}

  async run(): Promise<void> {
    const columns = await this.strapi
      .documents(UID.column)
      .findMany({ locale: DEFAULT_LOCALE, status: 'draft', fields: ['code'] });
    for (const column of columns) this.columnIds.set(column.code as string, column.documentId);

    for (const [index, department] of DEMO_DEPARTMENTS.entries()) {
      const documentId = await this.publish(
        null,
        UID.department,
        {
          name: department.name,
          code: department.code,
          duties: department.duties,
          phone: department.phone,
          sortOrder: (index + 1) * 10,
        },
        { name: department.nameEn }
      );
      this.departmentIds.set(department.code, documentId);
    }
    await this.assignColumnsToOffice();
    this.staff = await createDemoStaff(this.strapi, this.staffPassword, this.departmentIds);

    for (const [index, leader] of DEMO_LEADERS.entries()) {
      await this.publish('BGS', UID.leader, {
        name: leader.name,
        title: leader.title,
        duties: leader.duties,
        sortOrder: (index + 1) * 10,
        departments: leader.departments.map((code) => this.departmentId(code)),
      });
    }

    for (const article of DEMO_ARTICLES) {
      await this.publishItem(UID.article, article, { body: paragraphs(article.summary) });
    }
    await this.publishItem(UID.article, DEMO_REQUEST_GUIDE, {
      body: paragraphs(...DEMO_REQUEST_GUIDE.paragraphs),
    });
    // A replacing document comes before the one it replaces in DEMO_POLICIES.
    for (const policy of DEMO_POLICIES) {
      const documentId = await this.publishItem(UID.policyDocument, policy, {
        docNumber: policy.docNumber ?? null,
        issuingAuthority: policy.issuingAuthority,
        dateWritten: policy.dateWritten,
        effectiveDate: policy.effectiveDate ?? null,
        documentKind: policy.documentKind,
        validity: policy.validity,
        validityDate: policy.validityDate ?? null,
        replacedBy: policy.replacedBy ? (this.policyIds.get(policy.replacedBy) ?? null) : null,
        body: paragraphs(policy.summary),
      });
      this.policyIds.set(policy.code, documentId);
    }
    for (const interpretation of DEMO_INTERPRETATIONS) {
      const policy = DEMO_POLICIES.find((candidate) => candidate.code === interpretation.policy)!;
      await this.publishItem(
        UID.policyInterpretation,
        {
          ...policy,
          column: 'policy-interpretations',
          title: interpretation.title,
          summary: interpretation.summary,
          publishedAt: interpretation.publishedAt,
          genre: 'other',
          docNumber: undefined,
        },
        {
          policyDocument: this.policyIds.get(policy.code),
          form: interpretation.form,
          interpreter: interpretation.interpreter,
          body: paragraphs(interpretation.summary),
        }
      );
    }
    for (const meeting of DEMO_MEETINGS) {
      await this.publishItem(
        UID.meeting,
        {
          column: 'meetings',
          department: 'BGS',
          title: meeting.title,
          summary: meeting.summary,
          publishedAt: meeting.heldAt,
          genre: 'minutes',
        },
        {
          meetingType: meeting.meetingType,
          heldAt: meeting.heldAt,
          location: meeting.location,
          chair: meeting.chair,
          body: paragraphs(meeting.summary),
        }
      );
    }

    await this.topUpSourceYear();

    await this.publish(
      'BGS',
      UID.organisationProfile,
      {
        name: DEMO_PUBLISHER,
        functions: paragraphs(
          '贯彻执行国家和省关于工业和信息化发展的方针政策，拟订并组织实施全市工业和信息化发展规划。',
          '负责工业企业技术改造投资项目备案和相关行政许可。'
        ),
        address: '示范市和平区市府大路1号',
        postcode: '110000',
        officeHours: '工作日 8:30—12:00，13:00—17:00',
        phone: '024-12345600',
        email: 'gongkai@demo.gov.cn',
        contacts: DEMO_DEPARTMENTS.map((department) => ({
          label: department.name,
          phone: department.phone,
        })),
      },
      { name: 'Demo City Bureau of Industry and Information Technology' }
    );
    await this.publish('ZHFG', UID.disclosureGuide, {
      title: '示范市工业和信息化局政府信息公开指南',
      body: paragraphs(
        '一、主动公开：本局通过门户网站政务公开栏目主动公开政府信息。',
        '二、依申请公开：公民、法人或者其他组织可以向本局申请获取政府信息，本局自收到申请之日起20个工作日内答复。',
        '三、监督和救济：申请人认为本局在政府信息公开工作中侵犯其合法权益的，可以投诉、举报，也可以依法申请行政复议或者提起行政诉讼。'
      ),
      acceptingOffice: {
        label: '综合法规处（政府信息公开受理）',
        phone: '024-12345602',
        address: '示范市和平区市府大路1号',
        postcode: '110000',
        hours: '工作日 8:30—12:00，13:00—17:00',
      },
      revisedOn: '2018-01-05',
    });
    // The coordinator's draft of the 2018 annual report (2018 predates the national tables).
    await disclosureService(this.strapi, 'annual-reports').save(2018, {
      title: `${DEMO_PUBLISHER}2018年政府信息公开工作年度报告`,
      overview:
        '2018年，我局深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，通过门户网站政务公开栏目和市政府信息公开平台主动公开政府信息，各项数据由系统根据发布记录统计。',
      problems:
        '部分栏目更新不够及时，政策解读形式还不够丰富。下一步将建立栏目更新提醒机制，增加图解、视频等解读形式。',
      otherMatters: '本年度未收取政府信息公开信息处理费。',
    });
  }

  /**
   * Routine articles up to the source year's figures (demo-content.ts), published through the
   * same review as the others, 50 to a transaction: one commit per batch rather than one per
   * write is what keeps the first boot quick (docs/decisions/0024).
   */
  private async topUpSourceYear(): Promise<void> {
    const routine = sourceYearTopUp([
      ...DEMO_ARTICLES,
      DEMO_REQUEST_GUIDE,
      ...DEMO_POLICIES,
      ...DEMO_INTERPRETATIONS.map((entry) => ({
        column: 'policy-interpretations',
        publishedAt: entry.publishedAt,
      })),
      ...DEMO_MEETINGS.map((meeting) => ({ column: 'meetings', publishedAt: meeting.heldAt })),
    ]);
    for (let start = 0; start < routine.length; start += TOP_UP_BATCH) {
      await this.strapi.db.transaction(async () => {
        for (const entry of routine.slice(start, start + TOP_UP_BATCH)) {
          await this.publishItem(UID.article, entry, { body: paragraphs(entry.summary) });
        }
      });
    }
  }

  private departmentId(code: string): string {
    const id = this.departmentIds.get(code);
    if (!id) throw new Error(`demo content names unknown department ${code}`);
    return id;
  }

  private columnId(code: string): string {
    const id = this.columnIds.get(code);
    if (!id) throw new Error(`demo content names unknown column ${code}`);
    return id;
  }

  /** The coordinating office (综合法规处) answers for the catalogue's columns in the demo. */
  private async assignColumnsToOffice(): Promise<void> {
    const data = { department: this.departmentId('ZHFG') } as UpdateData;
    for (const documentId of this.columnIds.values()) {
      for (const locale of LOCALES) {
        await this.strapi.documents(UID.column).update({ documentId, locale: locale.code, data });
      }
      await this.strapi.documents(UID.column).publish({ documentId, locale: '*' });
    }
  }

  private async publishItem(uid: AppUid, entry: DemoItem, fields: Data): Promise<string> {
    const publishedAt = new Date(entry.publishedAt);
    const documentId = await this.publish(
      entry.department,
      uid,
      {
        title: entry.title,
        summary: entry.summary,
        column: this.columnId(entry.column),
        department: this.departmentId(entry.department),
        metadata: metadata(entry),
        ...fields,
      },
      entry.en ? { title: entry.en.title, summary: entry.en.summary } : undefined,
      publishedAt
    );
    await this.backdate(uid, documentId, publishedAt);
    return documentId;
  }

  /**
   * Creates a document in zh-Hans (and en when given) and publishes it: through the whole review by
   * the staff of `division` for the types under review, directly for the others (departments).
   * A historical item gets its 索引号 in the year it was first published. Returns its documentId.
   */
  private async publish(
    division: string | null,
    uid: AppUid,
    data: Data,
    en?: Data,
    historicalDate?: Date
  ): Promise<string> {
    const documents = this.strapi.documents(uid);
    const { documentId } = await documents.create({ locale: DEFAULT_LOCALE, data });
    if (en)
      await documents.update({ documentId, locale: 'en', data: { ...data, ...en } as UpdateData });
    if (!division) {
      await documents.publish({ documentId, locale: '*' });
      return documentId;
    }
    if (historicalDate) {
      await disclosureService(this.strapi, 'index-numbers').allocate(
        uid,
        documentId,
        historicalDate
      );
    }
    const crew = this.staff!.crewFor(division);
    for (const locale of en ? [DEFAULT_LOCALE, 'en'] : [DEFAULT_LOCALE]) {
      await publishThroughReview(this.strapi, crew, { uid, documentId, locale });
    }
    return documentId;
  }

  /**
   * Historical import: the Document Service always stamps "now" on publish, so the demo's
   * publication dates are written with the Query Engine, the one place this app does so.
   */
  private async backdate(uid: AppUid, documentId: string, publishedAt: Date): Promise<void> {
    const rows = this.strapi.db.query(uid);
    await rows.updateMany({ where: { documentId }, data: { firstPublishedAt: publishedAt } });
    await rows.updateMany({
      where: { documentId, publishedAt: { $notNull: true } },
      data: { publishedAt },
    });
  }
}
