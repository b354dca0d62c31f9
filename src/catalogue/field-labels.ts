import type { Core } from '@strapi/strapi';
import { seedOnce } from '../seed-store';

/**
 * The Content Manager shows attribute names (title, summary…) as field labels; the bureau's
 * editors work in Chinese. Labels per field name, applied to every content type and component of
 * the app that has the field.
 */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  name: '名称',
  summary: '内容概述',
  body: '正文',
  column: '栏目',
  department: '处室',
  departments: '分管处室',
  cover: '封面图',
  attachments: '附件',
  source: '来源',
  metadata: '公开属性',
  code: '代码',
  kind: '类型',
  parent: '上级栏目',
  children: '子栏目',
  sortOrder: '排序',
  updateClass: '更新类别',
  description: '说明',
  duties: '职责',
  phone: '电话',
  docNumber: '文号',
  year: '年度',
  formatVersion: '报告格式',
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
  cells: '表格数据',
  issuingAuthority: '发文机关',
  dateWritten: '成文日期',
  effectiveDate: '施行日期',
  documentKind: '文件类别（是否规范性文件）',
  validity: '有效性',
  validityDate: '有效性日期',
  replacedBy: '替代文件',
  interpretations: '政策解读',
  policyDocument: '所解读的文件',
  form: '解读形式',
  interpreter: '解读人',
  media: '解读材料',
  meetingType: '会议类型',
  heldAt: '会议时间',
  location: '地点',
  chair: '主持人',
  photo: '照片',
  resume: '简历',
  functions: '职能',
  address: '地址',
  postcode: '邮编',
  officeHours: '办公时间',
  fax: '传真',
  email: '电子邮箱',
  contacts: '联系方式',
  acceptingOffice: '受理机构',
  revisedOn: '修订日期',
  indexNumber: '索引号',
  publisher: '发布机构',
  dateFormed: '生成日期',
  topic: '主题分类',
  genre: '体裁分类',
  disclosureMode: '公开方式',
  disclosureScope: '公开范围',
  withholdReason: '不予公开理由',
  label: '名称',
  hours: '办公时间',
};

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface CmService {
  findConfiguration(model: {
    uid: string;
  }): Promise<{ uid?: string; category?: string; metadatas?: Record<string, FieldMetadata> }>;
  updateConfiguration(
    model: { uid: string },
    configuration: Record<string, unknown>
  ): Promise<unknown>;
}

/** Gives the app's fields their Chinese labels in the Content Manager, once (later edits stay). */
export async function labelFieldsInChinese(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'content-manager-labels', async () => {
    const contentManager = strapi.plugin('content-manager');
    const models: Array<[CmService, { uid: string }]> = [
      ...Object.keys(strapi.contentTypes)
        .filter((uid) => uid.startsWith('api::'))
        .map((uid): [CmService, { uid: string }] => [
          contentManager.service('content-types') as CmService,
          { uid },
        ]),
      ...Object.keys(strapi.components).map((uid): [CmService, { uid: string }] => [
        contentManager.service('components') as CmService,
        { uid },
      ]),
    ];
    for (const [service, model] of models) {
      const {
        uid: _uid,
        category: _category,
        ...configuration
      } = await service.findConfiguration(model);
      const metadatas = { ...(configuration.metadatas ?? {}) };
      for (const [field, metadata] of Object.entries(metadatas)) {
        const label = FIELD_LABELS[field];
        if (!label) continue;
        metadatas[field] = { edit: { ...metadata.edit, label }, list: { ...metadata.list, label } };
      }
      await service.updateConfiguration(model, { ...configuration, metadatas });
    }
  });
}
