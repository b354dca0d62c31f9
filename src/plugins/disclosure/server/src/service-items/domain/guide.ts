/**
 * The 办事指南's rules: what it must hold to be published, and which fields a republication
 * changed (the website shows them in the item's history). Pure.
 */
import {
  GUIDE_FIELDS,
  GUIDE_FIELD_NAMES,
  REQUIRED_GUIDE_FIELDS,
  type RequiredGuideField,
} from '../../../../shared/service-items/catalogue';

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The required guide fields `item` lacks, in the guide's order. */
export const missingGuideFields = (item: object): RequiredGuideField[] =>
  (Object.keys(REQUIRED_GUIDE_FIELDS) as RequiredGuideField[]).filter((field) =>
    isBlank((item as Record<string, unknown>)[field])
  );

/** The refusal of a guide missing fields (in Chinese: the staff fix the guide), or null. */
export function guideRefusal(guide: object): string | null {
  const item = guide as Record<string, unknown>;
  const missing = missingGuideFields(item);
  if (!missing.length) return null;
  const name = isBlank(item.name) ? '该事项' : `「${String(item.name)}」`;
  return `${name}的办事指南缺少${missing.map((field) => REQUIRED_GUIDE_FIELDS[field]).join('、')}，不能发布。`;
}

const comparable = (value: unknown) => (isBlank(value) ? null : String(value).trim());

/** The Chinese names of the guide fields that differ between two versions. */
export const changedGuideFields = (
  before: Record<string, unknown>,
  after: Record<string, unknown>
): string[] =>
  GUIDE_FIELD_NAMES.filter((field) => comparable(before[field]) !== comparable(after[field])).map(
    (field) => GUIDE_FIELDS[field]
  );
