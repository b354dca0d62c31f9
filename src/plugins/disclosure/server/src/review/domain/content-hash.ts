import { canonicalJson, sha256 } from '../../kernel/domain/canonical';

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

/** A content type's attributes, as far as the hash needs them. */
export type Attributes = Record<string, { type?: string; mappedBy?: string }>;

/**
 * The inverse side of a relation (`mappedBy`) belongs to the other item: an interpretation links
 * its policy document, and the document's `interpretations` merely lists those links, drafts
 * included — which its published version cannot carry. Only what the item itself publishes is
 * reviewed.
 */
const inverseRelations = (attributes: Attributes): Set<string> =>
  new Set(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'relation' && attribute.mappedBy)
      .map(([key]) => key)
  );

const isMedia = (value: Fields) => typeof value.mime === 'string' && typeof value.url === 'string';

/**
 * Reduces a populated draft to exactly what reviewers approve: its fields and components, the
 * documents it links to (by documentId; not the items linking to it) and its files (by id, URL,
 * size, hash, type and name), without ids and timestamps. Pure, so the hash is reproducible.
 */
export function reviewableContent(document: Fields, attributes: Attributes): Fields {
  const inverse = inverseRelations(attributes);
  return reduceFields(
    Object.fromEntries(Object.entries(document).filter(([key]) => !inverse.has(key)))
  );
}

function reduceFields(record: Fields): Fields {
  return Object.fromEntries(
    Object.entries(record)
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
  return reduceFields(record);
}

/** The SHA-256 of a draft's reviewable content, hex (`attributes`: its content type's). */
export function contentHash(document: Fields, attributes: Attributes): string {
  return sha256(canonicalJson(reviewableContent(document, attributes)));
}
