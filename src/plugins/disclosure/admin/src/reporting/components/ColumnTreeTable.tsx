/**
 * 栏目 tree with subtotals: a parent column's figure counts its own items and its sub-columns';
 * "of which in this column" shows the parent's own items. Parents fold; the top level starts open.
 */
import { useMemo, useState } from 'react';
import { Button, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ChevronDown, ChevronRight } from '@strapi/icons';
import type { Figure, FigureNode } from '../../../../shared/reporting/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { FigureValue } from './DrillDown';
import { useLabel } from '../../kernel/useLabel';

const parentKeys = (nodes: FigureNode[]): string[] =>
  nodes.flatMap((node) => (node.children?.length ? [node.key, ...parentKeys(node.children)] : []));

const visibleRows = (nodes: FigureNode[], open: Set<string>, depth = 0) =>
  nodes.flatMap((node): Array<{ node: FigureNode; depth: number }> => [
    { node, depth },
    ...(node.children?.length && open.has(node.key)
      ? visibleRows(node.children, open, depth + 1)
      : []),
  ]);

export const ColumnTreeTable = ({ nodes, total }: { nodes: FigureNode[]; total: Figure }) => {
  const label = useLabel();
  const all = useMemo(() => parentKeys(nodes), [nodes]);
  const [open, setOpen] = useState<Set<string>>(
    () => new Set(nodes.filter((node) => node.children?.length).map((node) => node.key))
  );
  const rows = visibleRows(nodes, open);
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} justifyContent="flex-end">
        <Button variant="tertiary" size="S" onClick={() => setOpen(new Set(all))}>
          {label('statistics.columns.expandAll', 'Expand all')}
        </Button>
        <Button variant="tertiary" size="S" onClick={() => setOpen(new Set())}>
          {label('statistics.columns.collapseAll', 'Collapse all')}
        </Button>
      </Flex>
      <Table colCount={3} rowCount={rows.length + 2} data-testid="column-tree">
        <TableHead
          labels={[
            label('statistics.columns.column', 'Column'),
            label('statistics.columns.subtotal', 'Items (with sub-columns)'),
            label('statistics.columns.own', 'Of which in this column'),
          ]}
        />
        <Tbody>
          {rows.map(({ node, depth }) => {
            const isParent = Boolean(node.children?.length);
            return (
              <Tr key={node.key}>
                <Td>
                  <Flex gap={1} paddingLeft={depth * 6}>
                    {isParent ? (
                      <IconButton
                        variant="ghost"
                        size="S"
                        label={
                          open.has(node.key)
                            ? label('statistics.columns.collapse', 'Collapse')
                            : label('statistics.columns.expand', 'Expand')
                        }
                        onClick={() => toggle(node.key)}
                      >
                        {open.has(node.key) ? <ChevronDown /> : <ChevronRight />}
                      </IconButton>
                    ) : (
                      <span style={{ display: 'inline-block', width: 32 }} />
                    )}
                    <Typography fontWeight={isParent ? 'bold' : undefined}>{node.label}</Typography>
                  </Flex>
                </Td>
                <Td>
                  <FigureValue figure={node} />
                </Td>
                <Td>{node.own ? <FigureValue figure={node.own} /> : <Typography>—</Typography>}</Td>
              </Tr>
            );
          })}
          <Tr>
            <Td>
              <Typography fontWeight="bold">
                {label('statistics.columns.total', 'Total')}
              </Typography>
            </Td>
            <Td>
              <FigureValue figure={total} />
            </Td>
            <Td />
          </Tr>
        </Tbody>
      </Table>
    </Flex>
  );
};
