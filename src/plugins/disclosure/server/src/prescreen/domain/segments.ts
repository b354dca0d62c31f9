/**
 * What of an item the pre-screen reads (decision 0030): the same version the review hashes, cut
 * into texts that each know where they are — a field, a block of a blocks field, a field of a
 * component (`metadata.docNumber`) — and the files of its media fields. Relations are other
 * items, reviewed on their own; bookkeeping fields are not content.
 */
import type { FindingLocation } from '../../../../shared/prescreen/contracts';

/** A piece of text and where it is. */
export interface Segment {
  text: string;
  location: FindingLocation;
}

/** A file the item carries, as the upload plugin describes it. */
export interface AttachedFile {
  field: string;
  name: string;
  url: string;
  mime: string;
  ext: string | null;
}

/** A content type's attributes, as far as the reading needs them. */
export type Attributes = Record<string, { type?: string }>;

const SKIPPED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  '__component',
]);

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email']);

type Node = Record<string, unknown>;

const isRecord = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFile = (value: unknown): value is Node =>
  isRecord(value) && typeof value.url === 'string' && typeof value.mime === 'string';

/** The text of a block (paragraph, heading, list, quote, code), its lines kept apart. */
export function blockText(node: unknown): string {
  if (!isRecord(node)) return '';
  if (typeof node.text === 'string') return node.text;
  const children = Array.isArray(node.children) ? node.children : [];
  const separator = node.type === 'list' ? '\n' : '';
  return children.map(blockText).join(separator);
}

function fileOf(field: string, value: Node): AttachedFile {
  return {
    field,
    name: String(value.name ?? value.url),
    url: String(value.url),
    mime: String(value.mime),
    ext: typeof value.ext === 'string' ? value.ext : null,
  };
}

/** The strings of a component (or a list of them), each named `field.key`; files collected too. */
function walkComponent(
  field: string,
  value: unknown,
  segments: Segment[],
  files: AttachedFile[]
): void {
  if (Array.isArray(value)) {
    value.forEach((entry) => walkComponent(field, entry, segments, files));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (SKIPPED.has(key) || inner === null || inner === undefined) continue;
    const name = `${field}.${key}`;
    if (typeof inner === 'string') {
      if (inner.trim()) segments.push({ text: inner, location: { field: name } });
    } else if (isFile(inner)) {
      files.push(fileOf(name, inner));
    } else if (Array.isArray(inner) && inner.every(isFile)) {
      inner.forEach((file) => files.push(fileOf(name, file as Node)));
    } else if (isRecord(inner) && typeof inner.documentId !== 'string') {
      walkComponent(name, inner, segments, files);
    }
  }
}

/**
 * The texts and files of a populated version of an item. Blocks are one segment each, so a
 * finding names its block; a component's strings are read whatever their type.
 */
export function itemContent(
  document: Record<string, unknown>,
  attributes: Attributes
): { segments: Segment[]; files: AttachedFile[] } {
  const segments: Segment[] = [];
  const files: AttachedFile[] = [];
  for (const [field, attribute] of Object.entries(attributes)) {
    const value = document[field];
    if (SKIPPED.has(field) || value === null || value === undefined) continue;
    switch (attribute.type) {
      case 'blocks':
        if (Array.isArray(value)) {
          value.forEach((block, index) => {
            const text = blockText(block);
            if (text.trim()) segments.push({ text, location: { field, block: index } });
          });
        }
        break;
      case 'media':
        for (const file of Array.isArray(value) ? value : [value]) {
          if (isFile(file)) files.push(fileOf(field, file));
        }
        break;
      case 'component':
      case 'dynamiczone':
        walkComponent(field, value, segments, files);
        break;
      default:
        if (TEXT_TYPES.has(attribute.type ?? '') && typeof value === 'string' && value.trim()) {
          segments.push({ text: value, location: { field } });
        }
    }
  }
  return { segments, files };
}
