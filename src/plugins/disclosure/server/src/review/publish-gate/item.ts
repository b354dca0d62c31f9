import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContentTypeUid } from '../../kernel/config';
import { defaultLocale } from '../../kernel/i18n';

/** What the Document Service was asked about: the document, its locale, the status. */
export interface GateParams {
  documentId?: string;
  locale?: string;
  status?: string;
}

/** The document an action of the Document Service touches, as the publish gate reads it. */
export class GatedItem {
  constructor(
    readonly strapi: Core.Strapi,
    readonly uid: ContentTypeUid,
    readonly params: GateParams
  ) {}

  get documentId(): string {
    if (!this.params.documentId) throw new errors.ValidationError('A documentId is required.');
    return this.params.documentId;
  }

  get documents() {
    return this.strapi.documents(this.uid);
  }

  /** Whether the type has catalogue metadata (公开属性) or divisions. */
  has(attribute: 'metadata' | 'department'): boolean {
    return attribute in this.strapi.contentType(this.uid).attributes;
  }

  /** The locales the action touches: the one given, all of the document's for '*', else the default. */
  async locales(): Promise<string[]> {
    if (this.params.locale && this.params.locale !== '*') return [this.params.locale];
    if (this.params.locale === '*') {
      const rows = (await this.strapi.db
        .query(this.uid)
        .findMany({ where: { documentId: this.documentId }, select: ['locale'] })) as Array<{
        locale: string;
      }>;
      return [...new Set(rows.map((row) => row.locale))];
    }
    return [await defaultLocale(this.strapi)];
  }

  /** The draft's title in `locale`, to name the item in a refusal. */
  async title(locale: string): Promise<string> {
    const draft = await this.documents.findOne({
      documentId: this.documentId,
      locale,
      status: 'draft',
    });
    return String(draft?.title ?? draft?.name ?? this.documentId);
  }

  /** The draft's catalogue metadata in `locale` (公开属性), or null for a type without it. */
  async metadata(locale: string): Promise<{ id: number; disclosureMode?: string } | null> {
    if (!this.has('metadata')) return null;
    const draft = (await this.documents.findOne({
      documentId: this.documentId,
      locale,
      status: 'draft',
      populate: { metadata: true },
    })) as { metadata?: { id: number; disclosureMode?: string } | null } | null;
    return draft?.metadata ?? null;
  }
}
