/**
 * Files that come with a request (the applicant's proof of identity, a letter of authorisation)
 * or with a reply (the released documents). The type is read from the file's first bytes, not
 * from its name or the browser's claim, and only the kinds below are kept. Pure.
 */

export type AttachmentKind = 'application' | 'reply';

export interface FileKind {
  mime: string;
  extensions: readonly string[];
  /** The file's first bytes. */
  magic: readonly number[];
}

const PDF: FileKind = {
  mime: 'application/pdf',
  extensions: ['pdf'],
  magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
};
const PNG: FileKind = { mime: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] };
const JPEG: FileKind = {
  mime: 'image/jpeg',
  extensions: ['jpg', 'jpeg'],
  magic: [0xff, 0xd8, 0xff],
};
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const DOCX: FileKind = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
  magic: ZIP,
};
const XLSX: FileKind = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
  magic: ZIP,
};
const OFD: FileKind = { mime: 'application/ofd', extensions: ['ofd'], magic: ZIP };

export interface AttachmentRules {
  kinds: readonly FileKind[];
  maxFiles: number;
  maxBytes: number;
}

/** Applicants send scans and PDFs; staff may add office documents to a reply. */
export const ATTACHMENT_RULES: Record<AttachmentKind, AttachmentRules> = {
  application: { kinds: [PDF, JPEG, PNG, OFD], maxFiles: 3, maxBytes: 5 * 1024 * 1024 },
  reply: { kinds: [PDF, JPEG, PNG, OFD, DOCX, XLSX], maxFiles: 10, maxBytes: 20 * 1024 * 1024 },
};

export interface IncomingFile {
  fileName: string;
  size: number;
  /** The first bytes of the content (8 are enough). */
  head: Buffer;
}

export interface AttachmentError {
  field: string;
  message: string;
}

const extensionOf = (fileName: string) => fileName.toLowerCase().split('.').pop() ?? '';
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The accepted kind of a file, or why it is refused; `field` names it as `attachments[i]`. */
export function checkAttachments(
  kind: AttachmentKind,
  files: readonly IncomingFile[],
  rules: AttachmentRules = ATTACHMENT_RULES[kind]
): { accepted: FileKind[] } | { errors: AttachmentError[] } {
  const errors: AttachmentError[] = [];
  const accepted: FileKind[] = [];
  if (files.length > rules.maxFiles) {
    errors.push({
      field: 'attachments',
      message: `"attachments": at most ${rules.maxFiles} files (${files.length} sent).`,
    });
  }
  files.forEach((file, index) => {
    const field = `attachments[${index}]`;
    const extension = extensionOf(file.fileName);
    const match = rules.kinds.find(
      (candidate) =>
        candidate.extensions.includes(extension) &&
        candidate.magic.every((byte, at) => file.head[at] === byte)
    );
    if (file.size === 0) {
      errors.push({ field, message: `"${field}" (${file.fileName}) is empty.` });
    } else if (file.size > rules.maxBytes) {
      errors.push({
        field,
        message: `"${field}" (${file.fileName}) is larger than ${megabytes(rules.maxBytes)}.`,
      });
    } else if (!match) {
      const allowed = [...new Set(rules.kinds.flatMap((candidate) => candidate.extensions))];
      errors.push({
        field,
        message: `"${field}" (${file.fileName}) is not one of the accepted kinds (${allowed.join(', ')}), judged by its content.`,
      });
    } else {
      accepted.push(match);
    }
  });
  return errors.length ? { errors } : { accepted };
}

/** A file name safe to store and to send back in a Content-Disposition header. */
export const safeFileName = (fileName: string): string =>
  [...(fileName.split(/[\\/]/).pop() ?? 'file')]
    .filter((char) => char >= ' ' && char !== '"')
    .join('')
    .slice(0, 200) || 'file';
