/**
 * Narrowing of the yearly statistics: the providers' sections arrive as `unknown` objects whose
 * countable leaves are figures (`key`, `label`, `value`). The dashboard knows four providers'
 * shapes and shows any other section as the figures it holds.
 */
import type { Figure, FigureNode } from '../../../../shared/reporting/contracts';
import { beijingDate } from '../../../../shared/kernel/dates';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isFigure = (value: unknown): value is Figure =>
  isObject(value) &&
  typeof value.key === 'string' &&
  typeof value.label === 'string' &&
  typeof value.value === 'number';

const isFigureList = (value: unknown): value is Figure[] =>
  Array.isArray(value) && value.every(isFigure);

export const isFigureNode = (value: unknown): value is FigureNode => {
  if (!isObject(value) || !isFigure(value)) return false;
  const { own, children } = value;
  return (
    (own === undefined || isFigure(own)) &&
    (children === undefined || (Array.isArray(children) && children.every(isFigureNode)))
  );
};

export interface ItemsSection {
  total: Figure;
  byColumn: FigureNode[];
  byDivision: Figure[];
  byMonth: Figure[];
  byGenre: Figure[];
  byType: Figure[];
}

export interface PoliciesSection {
  issued: Figure[];
  repealed: Figure[];
  inForce: Figure[];
}

export interface InterpretationsSection {
  published: Figure;
  onTime: Figure;
  late: Figure;
  unlinked: Figure;
  dueWorkingDays: number;
}

export interface ReviewsSection {
  steps: Figure[];
  withheldByCategory: Figure[];
  submissionToPublication: { items: number; medianHours: number | null; p90Hours: number | null };
}

/** The `items` section, or null when it does not have the expected shape. */
export const asItems = (section: Json): ItemsSection | null =>
  isFigure(section.total) &&
  Array.isArray(section.byColumn) &&
  section.byColumn.every(isFigureNode) &&
  isFigureList(section.byDivision) &&
  isFigureList(section.byMonth) &&
  isFigureList(section.byGenre) &&
  isFigureList(section.byType)
    ? (section as unknown as ItemsSection)
    : null;

export const asPolicies = (section: Json): PoliciesSection | null =>
  isFigureList(section.issued) && isFigureList(section.repealed) && isFigureList(section.inForce)
    ? (section as unknown as PoliciesSection)
    : null;

export const asInterpretations = (section: Json): InterpretationsSection | null =>
  isFigure(section.published) &&
  isFigure(section.onTime) &&
  isFigure(section.late) &&
  isFigure(section.unlinked) &&
  typeof section.dueWorkingDays === 'number'
    ? (section as unknown as InterpretationsSection)
    : null;

const isHours = (value: unknown) => value === null || typeof value === 'number';

export const asReviews = (section: Json): ReviewsSection | null => {
  const timing = section.submissionToPublication;
  return isFigureList(section.steps) &&
    isFigureList(section.withheldByCategory) &&
    isObject(timing) &&
    typeof timing.items === 'number' &&
    isHours(timing.medianHours) &&
    isHours(timing.p90Hours)
    ? (section as unknown as ReviewsSection)
    : null;
};

/** One line of a section shown generically: a figure (clickable) or a plain number. */
export interface GenericRow {
  path: string;
  depth: number;
  label: string;
  value: number;
  figure?: Figure;
}

/**
 * Every figure (and plain number) of a section in the order the provider gave them; trees are
 * flattened with their depth, so a later provider's figures show without a dedicated view.
 */
export function genericRows(section: Json): GenericRow[] {
  const rows: GenericRow[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (isFigure(value)) {
      rows.push({ path, depth, label: value.label, value: value.value, figure: value });
      if (isFigureNode(value)) {
        if (value.own) visit(value.own, `${path}.own`, depth + 1);
        value.children?.forEach((child, index) => visit(child, `${path}.${index}`, depth + 1));
      }
    } else if (typeof value === 'number') {
      rows.push({ path, depth, label: path.split('.').pop() ?? path, value });
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => visit(entry, `${path}.${index}`, depth));
    } else if (isObject(value)) {
      for (const [name, entry] of Object.entries(value)) visit(entry, `${path}.${name}`, depth);
    }
  };
  for (const [name, value] of Object.entries(section)) visit(value, name, 0);
  return rows;
}

/** A record's date for display: calendar dates stay, instants become their Beijing date. */
export const displayDate = (date: string | null): string => {
  if (!date) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const instant = new Date(date);
  return Number.isNaN(instant.getTime()) ? date : beijingDate(instant);
};
