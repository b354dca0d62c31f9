import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { disclosureService, type Services } from 'strapi-plugin-gov-disclosure/sdk';

/** The 调查征集 window beside the catalogue (src/catalogue/default-columns.ts). */
export const SURVEYS_COLUMN = 'surveys';

type Converter = Parameters<Services['consultation-steps']['registerArticles']>[0];
type Input = Parameters<Converter>[0];

const paragraphs = (lines: readonly string[]) =>
  lines.map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

/**
 * A consultation's announcement (征求意见公告, with the draft's text and file) and its feedback
 * summary (意见采纳情况): each a draft article in 调查征集, of the consulting division, with its
 * 公开属性 (体裁: 公告 / 报告), which then goes through the normal review (发布审核、保密审查)
 * like any item. The consultation opens and its summary shows once the review publishes them.
 */
export function registerConsultationArticles(strapi: Core.Strapi): void {
  disclosureService(strapi, 'consultation-steps').registerArticles(async (input: Input) => {
    const column = await strapi
      .documents(UID.column)
      .findFirst({ filters: { code: SURVEYS_COLUMN }, locale: DEFAULT_LOCALE, status: 'draft' });
    if (!column) throw new errors.ApplicationError(`No column with code "${SURVEYS_COLUMN}".`);
    const department = await strapi
      .documents(UID.department)
      .findFirst({ filters: { code: input.division }, status: 'draft' });
    const item = await strapi.documents(UID.article).create({
      locale: DEFAULT_LOCALE,
      data: {
        title: input.title,
        summary: input.summary.slice(0, 1000),
        body: paragraphs(input.paragraphs),
        column: column.documentId,
        ...(department ? { department: department.documentId } : {}),
        ...(input.fileId ? { attachments: [input.fileId] } : {}),
        metadata: {
          publisher: input.publisherName,
          dateFormed: input.dateFormed,
          genre: input.kind === 'announcement' ? 'announcement' : 'report',
          disclosureMode: 'proactive',
          disclosureScope: '面向全社会',
        },
      } as never,
    });
    return { contentType: UID.article, documentId: item.documentId, locale: DEFAULT_LOCALE };
  });
}
