import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { disclosureService, type ReplyArticleConverter } from 'strapi-plugin-gov-disclosure/sdk';

/** The 建议提案办理 sub-column of 政务公开 (src/catalogue/default-columns.ts). */
export const PROPOSALS_COLUMN = 'suggestions-proposals';

type Input = Parameters<ReplyArticleConverter>[0];

const paragraphs = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

/**
 * The publication of a reply to a deputy's suggestion or a member's proposal (全文 or 摘要): a
 * draft article in 建议提案办理, of the lead division, with its 公开属性 (体裁: 函), which then goes
 * through the normal review (发布审核、保密审查) like any item.
 */
export function registerReplyPublication(strapi: Core.Strapi): void {
  disclosureService(strapi, 'proposal-steps').registerReplyArticle(async (input: Input) => {
    const column = await strapi
      .documents(UID.column)
      .findFirst({ filters: { code: PROPOSALS_COLUMN }, locale: DEFAULT_LOCALE, status: 'draft' });
    if (!column) {
      throw new errors.ApplicationError(`No column with code "${PROPOSALS_COLUMN}".`);
    }
    const department = await strapi
      .documents(UID.department)
      .findFirst({ filters: { code: input.division }, status: 'draft' });
    const noun = input.kind === 'deputy' ? '建议' : '提案';
    const title = `关于${input.term}${input.meeting}第${input.number}号${noun}《${input.title}》的答复${input.mode === 'summary' ? '（摘要）' : ''}`;
    const item = await strapi.documents(UID.article).create({
      locale: DEFAULT_LOCALE,
      data: {
        title: title.slice(0, 255),
        summary: `${input.kindLabel}办理答复，答复日期${input.repliedOn}。`,
        body: paragraphs(input.text),
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
