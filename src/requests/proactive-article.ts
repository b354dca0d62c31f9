import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { disclosureService, type ProactiveConverter } from 'strapi-plugin-gov-disclosure/sdk';

/** Where released information goes by default: the 依申请公开 sub-column of 政务公开. */
export const DEFAULT_PROACTIVE_COLUMN = 'disclosure-on-request';

type ConverterInput = Parameters<ProactiveConverter>[0];

/**
 * Art. 44 of the 条例: information released on request that others may want becomes proactive
 * disclosure. Makes a draft article in the catalogue — title, column, division, 发布机构, 文号 and
 * the released files in the media library — which then goes through the normal review.
 */
export function registerProactiveConversion(strapi: Core.Strapi): void {
  disclosureService(strapi, 'request-replies').registerProactiveConverter(
    async (input: ConverterInput) => {
      const code = input.column ?? DEFAULT_PROACTIVE_COLUMN;
      const column = await strapi
        .documents(UID.column)
        .findFirst({ filters: { code }, locale: DEFAULT_LOCALE, status: 'draft' });
      if (!column) {
        throw new errors.ValidationError(`No column with code "${code}".`, { key: 'column' });
      }
      const department = input.division
        ? await strapi
            .documents(UID.department)
            .findFirst({ filters: { code: input.division }, status: 'draft' })
        : null;
      const files = await uploadToMediaLibrary(strapi, input.files);
      const item = await strapi.documents(UID.article).create({
        locale: DEFAULT_LOCALE,
        data: {
          title: input.title,
          summary: `本信息已于${input.answeredOn}依申请公开（受理编号${input.trackingNumber}），根据《中华人民共和国政府信息公开条例》第四十四条转为主动公开。`,
          column: column.documentId,
          ...(department ? { department: department.documentId } : {}),
          attachments: files,
          metadata: {
            publisher: input.publisherName,
            docNumber: input.docNumber,
            disclosureMode: 'proactive',
            genre: 'other',
          },
        } as never,
      });
      return { contentType: UID.article, documentId: item.documentId, locale: DEFAULT_LOCALE };
    }
  );
}

async function uploadToMediaLibrary(
  strapi: Core.Strapi,
  files: ConverterInput['files']
): Promise<number[]> {
  if (files.length === 0) return [];
  const dir = await mkdtemp(path.join(tmpdir(), 'proactive-'));
  try {
    const onDisk = await Promise.all(
      files.map(async (file, index) => {
        const filepath = path.join(dir, `${index}-${path.basename(file.fileName)}`);
        await writeFile(filepath, file.content);
        return {
          filepath,
          originalFilename: file.fileName,
          mimetype: file.mime,
          size: file.content.length,
        };
      })
    );
    const uploaded = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: {}, files: onDisk })) as Array<{ id: number }>;
    return uploaded.map((file) => file.id);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
