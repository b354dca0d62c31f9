import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

/** The 监督投诉 interaction window (src/catalogue/default-columns.ts). */
export const COMPLAINTS_COLUMN = 'complaints';

const paragraphs = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

const heading = (text: string) => ({
  type: 'heading',
  level: 3,
  children: [{ type: 'text', text }],
});

/**
 * The public version of an answered inquiry (公开问答), written by staff with the writer's
 * consent and every personal detail removed: a draft article in 监督投诉, of the assigned division,
 * with its 公开属性 (体裁: 答复), which then goes through the normal review (发布审核、保密审查)
 * like any item. Only its published version is public.
 */
export function registerAnswerPublication(strapi: Core.Strapi): void {
  disclosureService(strapi, 'inquiry-steps').registerAnswerArticle(async (input) => {
    const column = await strapi
      .documents(UID.column)
      .findFirst({ filters: { code: COMPLAINTS_COLUMN }, locale: DEFAULT_LOCALE, status: 'draft' });
    if (!column) {
      throw new errors.ApplicationError(`No column with code "${COMPLAINTS_COLUMN}".`);
    }
    const department = input.division
      ? await strapi
          .documents(UID.department)
          .findFirst({ filters: { code: input.division }, status: 'draft' })
      : null;
    const item = await strapi.documents(UID.article).create({
      locale: DEFAULT_LOCALE,
      data: {
        title: input.title.slice(0, 255),
        summary: `${input.categoryLabel}${input.kindLabel}的答复，答复日期${input.repliedOn}。`,
        body: [
          heading('留言'),
          ...paragraphs(input.question),
          heading('答复'),
          ...paragraphs(input.answer),
        ],
        column: column.documentId,
        ...(department ? { department: department.documentId } : {}),
        metadata: {
          publisher: input.publisherName,
          dateFormed: input.repliedOn,
          genre: 'reply',
          disclosureMode: 'proactive',
          disclosureScope: '面向全社会',
        },
      } as never,
    });
    return { contentType: UID.article, documentId: item.documentId, locale: DEFAULT_LOCALE };
  });
}
