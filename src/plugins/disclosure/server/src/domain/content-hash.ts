import { canonicalJson, sha256 } from './canonical';

/** Bookkeeping that changes without the content changing; never part of what is approved. */
const IGNORED_KEYS = new Set([
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
  // Assigned by the plugin at first publication, after the approval.
  'indexNumber',
]);

type Fields = Record<string, unknown>;

const isMedia = (value: Fields) => typeof value.mime === 'string' && typeof value.url === 'string';

/**
 * Reduces a populated draft to exactly what reviewers approve: its fields and components, the
 * documents it links to (by documentId) and its files (by id, URL, size, hash, type and name),
 * without ids and timestamps. Pure, so the hash is reproducible.
 */
export function reviewableContent(document: Fields): Fields {
  return Object.fromEntries(
    Object.entries(document)
      .filter(([key]) => !IGNORED_KEYS.has(key))
      .map(([key, field]) => [key, reduce(field)])
  );
}

function reduce(field: unknown): unknown {
  if (Array.isArray(field)) return field.map(reduce);
  if (!field || typeof field !== 'object' || field instanceof Date) return field;
  const record = field as Fields;
  if (isMedia(record)) {
    const { id, url, size, hash, mime, name } = record;
    return { file: id, url, size, hash, mime, name };
  }
  if (typeof record.documentId === 'string') return record.documentId;
  return reviewableContent(record);
}

/** The SHA-256 of a draft's reviewable content, hex. */
export function contentHash(document: Fields): string {
  return sha256(canonicalJson(reviewableContent(document)));
}
