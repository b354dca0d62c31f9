import type { Core } from '@strapi/strapi';
import { columnId, createDraft, createPublished } from './content';

type Uid = Parameters<Core.Strapi['documents']>[0];

/** Every string a never-published fixture carries starts with this: search any answer for it. */
export const NEVER_PUBLISHED = 'NEVERPUB';

/** A public collection type as the probes see it: its REST path and its searchable text field. */
export interface PublicType {
  uid: Uid;
  path: string;
  text: string;
  /** Relations to other public types the probes go through. */
  relations: string[];
}

export const PUBLIC_COLLECTIONS: PublicType[] = [
  {
    uid: 'api::article.article',
    path: 'articles',
    text: 'title',
    relations: ['column', 'department'],
  },
  {
    uid: 'api::policy-document.policy-document',
    path: 'policy-documents',
    text: 'title',
    relations: ['column', 'department', 'replacedBy'],
  },
  {
    uid: 'api::policy-interpretation.policy-interpretation',
    path: 'policy-interpretations',
    text: 'title',
    relations: ['column', 'department', 'policyDocument'],
  },
  {
    uid: 'api::meeting.meeting',
    path: 'meetings',
    text: 'title',
    relations: ['column', 'department'],
  },
  { uid: 'api::leader.leader', path: 'leaders', text: 'name', relations: ['departments'] },
  {
    uid: 'api::column.column',
    path: 'columns',
    text: 'name',
    relations: ['parent', 'department'],
  },
  { uid: 'api::department.department', path: 'departments', text: 'name', relations: [] },
];

/** One type's fixture: a published item with never-published text around it. */
export interface TypeFixture {
  /** Published; its zh-Hans draft carries an unreviewed edit, its en version was never published. */
  published: string;
  /** The title the public sees. */
  publishedText: string;
  /** Never published at all. */
  never: string;
  markers: { edit: string; en: string; never: string; editSummary: string };
}

/**
 * For each public collection type: a published item whose pending draft edit and English version
 * carry marker text, and an item never published. Markers start with NEVER_PUBLISHED.
 */
export async function seedNeverPublished(
  strapi: Core.Strapi
): Promise<Record<string, TypeFixture>> {
  const department = await createPublished(strapi, 'api::department.department', {
    name: '公开处室',
    code: 'GKCS',
    sortOrder: 1,
  });
  const column = await columnId(strapi, 'work-news');
  const base = (type: PublicType, text: string, n: number): Record<string, unknown> => {
    switch (type.path) {
      case 'articles':
        return { title: text, column, department };
      case 'policy-documents':
        return {
          title: text,
          issuingAuthority: '示范市工业和信息化局',
          dateWritten: '2018-03-12',
          documentKind: 'normative',
          validity: 'valid',
          column,
          department,
        };
      case 'policy-interpretations':
        return { title: text, form: 'text', column, department };
      case 'meetings':
        return {
          title: text,
          meetingType: 'thematic',
          heldAt: '2018-03-12T02:00:00.000Z',
          column,
          department,
        };
      case 'leaders':
        return { name: text, title: '局长', sortOrder: n, departments: [department] };
      case 'columns':
        return {
          name: text,
          code: `probe-column-${n}`,
          kind: 'catalogue_column',
          sortOrder: 100 + n,
          updateClass: 'static',
          department,
        };
      default:
        return { name: text, code: `PROBE${n}`, sortOrder: 10 + n };
    }
  };

  const fixtures: Record<string, TypeFixture> = {};
  let n = 0;
  for (const type of PUBLIC_COLLECTIONS) {
    n += 1;
    const tag = type.path.toUpperCase().replace(/-/g, '');
    const markers = {
      edit: `${NEVER_PUBLISHED}-${tag}-EDIT`,
      en: `${NEVER_PUBLISHED}-${tag}-EN`,
      never: `${NEVER_PUBLISHED}-${tag}-NEVER`,
      editSummary: `${NEVER_PUBLISHED}-${tag}-SUMMARY`,
    };
    const publishedText = `公开-${tag}`;
    const published = await createPublished(strapi, type.uid, base(type, publishedText, n));
    const attributes = strapi.contentType(type.uid as never).attributes;
    const hasSummary = 'summary' in attributes;
    await strapi.documents(type.uid).update({
      documentId: published,
      locale: 'zh-Hans',
      data: {
        [type.text]: markers.edit,
        ...(hasSummary ? { summary: markers.editSummary } : {}),
      } as never,
    });
    await strapi.documents(type.uid).update({
      documentId: published,
      locale: 'en',
      data: withoutCode(base(type, markers.en, n + 50)) as never,
    });
    const never = await createDraft(strapi, type.uid, {
      ...base(type, markers.never, n + 20),
      ...('metadata' in attributes ? { metadata: { disclosureMode: 'proactive' } } : {}),
    });
    fixtures[type.path] = { published, publishedText, never, markers };
  }
  return fixtures;
}

/**
 * A locale's own data: `code` is shared by every locale of a column or department, and the related
 * columns and divisions exist in zh-Hans only.
 */
function withoutCode(data: Record<string, unknown>): Record<string, unknown> {
  const {
    code: _code,
    column: _column,
    department: _department,
    departments: _departments,
    ...rest
  } = data;
  return rest;
}
