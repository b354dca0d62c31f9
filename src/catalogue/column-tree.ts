/** Builds the nested catalogue from flat column rows; pure, so it is tested without Strapi. */

export interface ColumnRow {
  id?: number;
  documentId: string;
  code: string;
  name: string;
  kind: string;
  sortOrder: number;
  updateClass: string;
  locale: string;
  parent?: { documentId: string } | null;
  department?: { id?: number; documentId: string; name: string; code: string } | null;
}

export interface ColumnNode extends Omit<ColumnRow, 'parent'> {
  children: ColumnNode[];
}

const bySortOrder = (a: ColumnNode, b: ColumnNode) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/**
 * Nests columns under their parents, each level in sort order. A column whose parent is not in
 * the list (unpublished, or in another locale), or whose parents form a cycle, is placed at the
 * top level rather than lost.
 */
export function buildColumnTree(rows: readonly ColumnRow[]): ColumnNode[] {
  const nodes = new Map<string, ColumnNode>();
  for (const { parent: _parent, ...row } of rows) {
    nodes.set(row.documentId, { ...row, department: row.department ?? null, children: [] });
  }
  const parentOf = new Map(rows.map((row) => [row.documentId, row.parent?.documentId]));
  const roots: ColumnNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.documentId)!;
    const parentId = row.parent?.documentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !isOwnAncestor(row.documentId, parentId!, parentOf)) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: ColumnNode[]): ColumnNode[] => {
    list.sort(bySortOrder);
    list.forEach((node) => sortDeep(node.children));
    return list;
  };
  return sortDeep(roots);
}

function isOwnAncestor(
  id: string,
  parentId: string,
  parentOf: ReadonlyMap<string, string | undefined>
): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = parentId; current; current = parentOf.get(current)) {
    if (current === id) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}
