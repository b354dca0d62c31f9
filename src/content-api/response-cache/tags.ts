import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS, UID } from '../../constants';
import { ALL } from './store';

/** The content-API handlers whose 200 answers are pure published content, and only those. */
export const CACHEABLE_HANDLERS: ReadonlySet<string> = new Set([
  ...PUBLIC_ACTIONS,
  `${UID.column}.tree`,
]);

export const UPLOAD_FILE = 'plugin::upload.file';

/** Attributes that are never part of a content-API answer (private, or refused by the guard). */
const NOT_SERVED = new Set(['createdBy', 'updatedBy', 'localizations']);

type Attribute = {
  type?: string;
  target?: string;
  component?: string;
  components?: string[];
};
type Schema = { attributes?: Record<string, Attribute> };

/**
 * The surrogate key of a content type: `article` for api::article.article, `upload.file` for
 * plugin::upload.file.
 */
export function typeTag(uid: string): string {
  const [, name = uid] = uid.split('::');
  const [api, type] = name.split('.');
  return api === type ? api : name;
}

/** The surrogate key of one document: `article/<documentId>`. */
export const documentTag = (uid: string, documentId: string) => `${typeTag(uid)}/${documentId}`;

/** The key every detail answer of a type carries, for a change whose document is not known. */
export const everyDocumentTag = (uid: string) => `${typeTag(uid)}/*`;

/**
 * Every content type an answer about `uid` can show, through relations, media and components at
 * any depth (whatever `populate` asks for), `uid` itself included only when it is reachable from
 * itself (a policy document's `replacedBy`). Conservative on purpose: an answer is dropped when
 * anything it could show changes, so a populated column's new name is never served stale.
 */
export function dependencies(strapi: Core.Strapi, uid: string): Set<string> {
  const found = new Set<string>();
  const seenComponents = new Set<string>();
  const lookup = (name: string) =>
    (strapi.contentTypes[name as never] ?? strapi.components[name as never]) as Schema | undefined;
  const walk = (schema: Schema | undefined) => {
    for (const [name, attribute] of Object.entries(schema?.attributes ?? {})) {
      if (NOT_SERVED.has(name)) continue;
      const targets: string[] = [];
      if (attribute.type === 'relation' && attribute.target) targets.push(attribute.target);
      if (attribute.type === 'media') targets.push(UPLOAD_FILE);
      if (attribute.type === 'component' && attribute.component) {
        components(attribute.component);
      }
      if (attribute.type === 'dynamiczone') (attribute.components ?? []).forEach(components);
      for (const target of targets) {
        if (target.startsWith('admin::') || found.has(target)) continue;
        found.add(target);
        walk(lookup(target));
      }
    }
  };
  const components = (name: string) => {
    if (seenComponents.has(name)) return;
    seenComponents.add(name);
    walk(lookup(name));
  };
  walk(lookup(uid));
  return found;
}

/**
 * The tags of an answer of `handler` (e.g. `api::article.article.findOne`): a list (or the
 * catalogue tree, or a single type) depends on its type; a detail on its document (and on its
 * type only if the type relates to itself); both on every type they can show.
 */
export function answerTags(
  strapi: Core.Strapi,
  handler: string,
  documentId: string | undefined,
  cache: Map<string, string[]>
): string[] {
  const uid = handler.slice(0, handler.lastIndexOf('.'));
  const action = handler.slice(handler.lastIndexOf('.') + 1);
  let related = cache.get(uid);
  if (!related) {
    related = [...dependencies(strapi, uid)].map(typeTag);
    cache.set(uid, related);
  }
  const own =
    action === 'findOne' && documentId
      ? [documentTag(uid, documentId), everyDocumentTag(uid)]
      : [typeTag(uid)];
  return [...new Set([...own, ...related, ALL])];
}

/** The tags a change of a row of `uid` invalidates (of one document when known). */
export function changeTags(uid: string, documentId: string | undefined): string[] {
  return [typeTag(uid), documentId ? documentTag(uid, documentId) : everyDocumentTag(uid)];
}
