/**
 * The publish gate's division rules (本处室): staff change only the items their division covers,
 * and what they create or copy belongs to their division.
 */
import { errors } from '@strapi/utils';
import { divisionType } from '../../kernel/config';
import { coversDivision } from '../../kernel/domain/divisions';
import { currentActor } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type { GatedItem } from './item';

/** The fields of a create, clone or update. */
export type Data = Record<string, unknown>;

/** No division given: absent, null, or a relation input that connects nothing. */
const isEmptyRelation = (value: unknown): boolean => {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object' || Array.isArray(value))
    return Array.isArray(value) && !value.length;
  const input = value as {
    connect?: unknown[];
    set?: unknown[];
    documentId?: string;
    id?: unknown;
  };
  if (input.documentId || input.id) return false;
  return !input.connect?.length && !input.set?.length;
};

/** The division of the acting staff member, or null (no division, an API token, the system). */
const actorDivision = async (item: GatedItem): Promise<string | null> => {
  const actor = currentActor(item.strapi);
  return actor.id === null ? null : getService(item.strapi, 'staff').divisionOf(actor.id);
};

/**
 * Editors and division reviewers change only the items their division covers. The coordinator
 * and super admins have no division and are not limited.
 */
export async function refuseOtherDivisions(item: GatedItem, action: string): Promise<void> {
  if (!item.params.documentId) return;
  const division = await actorDivision(item);
  if (!division) return;
  const owner = await getService(item.strapi, 'item-divisions').divisionOfItem(
    item.uid,
    item.params.documentId
  );
  if (owner && !coversDivision(division, owner.documentId)) {
    throw new errors.PolicyError(
      `This item belongs to ${owner.name}: only that division's staff can ${action === 'update' ? 'edit' : action} it.`
    );
  }
}

/**
 * A new language version belongs to its document's division: when it is created without one, it
 * links that division's published version in the same locale, where the division has one (a
 * relation joins rows of one locale; a link to a never-published version would be dropped on
 * publication). Where it has none, the division still applies: it is the document's.
 */
export async function inheritDivision(item: GatedItem, data: Data | undefined) {
  const { locale, documentId } = item.params;
  if (!data || !documentId || !locale || locale === '*' || !isEmptyRelation(data.department)) {
    return data;
  }
  const divisions = divisionType(item.strapi);
  if (!divisions || !item.has('department')) return data;
  const existing = await item.strapi.db
    .query(item.uid)
    .count({ where: { documentId, locale, publishedAt: null } });
  if (existing) return data;
  const owner = await getService(item.strapi, 'item-divisions').divisionOfItem(
    item.uid,
    documentId
  );
  if (!owner) return data;
  const inLocale = await item.strapi.db
    .query(divisions)
    .count({ where: { documentId: owner.documentId, locale, publishedAt: { $notNull: true } } });
  return inLocale ? { ...data, department: owner.documentId } : data;
}

/** An item an editor creates belongs to the editor's division unless they choose another. */
export async function defaultToOwnDivision(item: GatedItem, data: Data | undefined) {
  if (!data || !item.has('department') || data.department) return data;
  const division = await actorDivision(item);
  return division ? { ...data, department: division } : data;
}

/**
 * A copy is a new item of the division of whoever makes it: an editor never creates items in
 * another division, not even by cloning one of its own and naming the other division.
 */
export async function cloneIntoOwnDivision(item: GatedItem, data: Data | undefined) {
  const divisions = divisionType(item.strapi);
  if (!divisions || !item.has('department')) return data;
  const division = await actorDivision(item);
  if (!division) return data;
  const locale = (await item.locales())[0];
  const inLocale = await item.strapi.db
    .query(divisions)
    .findOne({ where: { documentId: division, locale }, select: ['id'] });
  if (!inLocale) {
    const name = (await item.strapi.db
      .query(divisions)
      .findOne({ where: { documentId: division }, select: ['name'] })) as {
      name?: string;
    } | null;
    throw new errors.ValidationError(
      `A copy belongs to your division (${name?.name ?? division}), which has no ${locale} version yet: copy another language version, or ask the coordinator to add the division in ${locale}.`
    );
  }
  return { ...data, department: division };
}
