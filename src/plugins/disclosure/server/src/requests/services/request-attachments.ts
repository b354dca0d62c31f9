import { createHash } from 'crypto';
import { open, readFile } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { checkAttachments, safeFileName, type AttachmentKind } from '../domain/attachments';
import { getService } from '../../get-service';
import type { Attachment } from '../../../../shared/requests/contracts';

/** A file as the body parser left it on disk. */
export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export type { Attachment };

/** A file checked and read, ready to be stored. */
export interface PreparedFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

const FIELDS = ['id', 'kind', 'fileName', 'mime', 'size', 'sha256'] as const;

async function firstBytes(filepath: string, count: number): Promise<Buffer> {
  const handle = await open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Files of a request and of its reply, kept in the database encrypted with the personal-data key
 * (they hold identity documents and unreleased information): never in the public media library,
 * and the same on every app node. The caller gives the key (the requests service holds it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.requestAttachment);

  return {
    /**
     * Reads and checks the files (kind by content, count, size); 400 naming each refused file and
     * nothing kept. Returns what `store` needs, so a request can be validated whole before saving.
     */
    async prepare(kind: AttachmentKind, files: readonly UploadedFile[]): Promise<PreparedFile[]> {
      // Judged on the first bytes and the size on disk; read whole only once all are accepted.
      const named = await Promise.all(
        files.map(async (file) => ({
          fileName: safeFileName(file.originalFilename ?? 'file'),
          size: file.size,
          head: await firstBytes(file.filepath, 8),
        }))
      );
      const result = checkAttachments(kind, named);
      if ('errors' in result) {
        throw new errors.ValidationError(
          `Attachments refused: ${result.errors.map((error) => error.message).join(' ')}`,
          { errors: result.errors }
        );
      }
      return Promise.all(
        named.map(async (file, index) => ({
          fileName: file.fileName,
          mime: result.accepted[index].mime,
          content: await readFile(files[index].filepath),
        }))
      );
    },

    /** Stores the prepared files, encrypted with the personal-data key; their descriptions. */
    async store(
      trackingNumber: string,
      kind: AttachmentKind,
      prepared: readonly PreparedFile[]
    ): Promise<Attachment[]> {
      const personalData = getService(strapi, 'personal-data');
      const stored: Attachment[] = [];
      for (const file of prepared) {
        const row: Attachment = await rows().create({
          data: {
            trackingNumber,
            kind,
            fileName: file.fileName,
            mime: file.mime,
            size: file.content.length,
            sha256: createHash('sha256').update(file.content).digest('hex'),
            content: personalData.encryptBytes(file.content),
          },
          select: [...FIELDS],
        });
        stored.push(row);
      }
      return stored;
    },

    /** The files of a request and its reply, described (no content), in order of upload. */
    async list(trackingNumber: string): Promise<Attachment[]> {
      return rows().findMany({
        where: { trackingNumber },
        select: [...FIELDS],
        orderBy: { id: 'asc' },
      });
    },

    /**
     * One file's bytes, decrypted; 404 unless it belongs to the request. `allow`
     * sees the file's description first and may refuse (throw) before anything is decrypted.
     */
    async read(trackingNumber: string, id: number, allow?: (file: Attachment) => void) {
      const row: (Attachment & { content: string }) | null = await rows().findOne({
        where: { id, trackingNumber },
      });
      if (!row)
        throw new errors.NotFoundError(`Request ${trackingNumber} has no attachment ${id}.`);
      allow?.(row);
      return {
        kind: row.kind,
        fileName: row.fileName,
        mime: row.mime,
        sha256: row.sha256,
        content: getService(strapi, 'personal-data').decryptBytes(row.content),
      };
    },
  };
};
