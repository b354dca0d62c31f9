import { buildColumnTree, type ColumnRow } from './column-tree';

const row = (documentId: string, sortOrder: number, parent?: string): ColumnRow => ({
  documentId,
  code: documentId,
  name: documentId.toUpperCase(),
  kind: parent ? 'sub_column' : 'catalogue_column',
  sortOrder,
  updateClass: 'static',
  locale: 'zh-Hans',
  parent: parent ? { documentId: parent } : null,
});

const shape = (nodes: ReturnType<typeof buildColumnTree>): unknown =>
  nodes.map((node) => (node.children.length ? { [node.code]: shape(node.children) } : node.code));

describe('buildColumnTree', () => {
  it('nests sub-columns under their parent, each level in sort order', () => {
    const tree = buildColumnTree([
      row('b', 20),
      row('a2', 20, 'a'),
      row('a', 10),
      row('a1', 10, 'a'),
    ]);
    expect(shape(tree)).toEqual([{ a: ['a1', 'a2'] }, 'b']);
  });

  it('orders columns with the same sort order by code', () => {
    expect(shape(buildColumnTree([row('y', 5), row('x', 5)]))).toEqual(['x', 'y']);
  });

  it('keeps a column whose parent is missing at the top level', () => {
    expect(shape(buildColumnTree([row('orphan', 1, 'gone')]))).toEqual(['orphan']);
  });

  it('keeps columns whose parents form a cycle instead of losing them', () => {
    const tree = buildColumnTree([row('p', 1, 'q'), row('q', 2, 'p')]);
    const codes = JSON.stringify(shape(tree));
    expect(codes).toContain('"p"');
    expect(codes).toContain('"q"');
  });

  it('drops the parent reference from the output', () => {
    const [node] = buildColumnTree([row('a', 1)]);
    expect(node).not.toHaveProperty('parent');
    expect(node.children).toEqual([]);
  });
});
