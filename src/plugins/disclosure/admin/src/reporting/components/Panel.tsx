/** The dashboard's building blocks: a titled panel and a two-column table of figures. */
import type { ReactNode } from 'react';
import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { Figure } from '../../../../shared/reporting/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { FigureValue } from './DrillDown';

export const Panel = ({
  title,
  subtitle,
  children,
  testId,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  testId?: string;
}) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    padding={5}
    height="100%"
    data-testid={testId}
  >
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h3">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="pi" textColor="neutral600">
            {subtitle}
          </Typography>
        )}
      </Flex>
      {children}
    </Flex>
  </Box>
);

/** One big number with its label, clickable for the records behind it. */
export const FigureCard = ({ figure, note }: { figure: Figure; note?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%">
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {figure.label}
      </Typography>
      <Typography variant="alpha" tag="p">
        <FigureValue figure={figure} inheritSize />
      </Typography>
      {note && (
        <Typography variant="pi" textColor="neutral600">
          {note}
        </Typography>
      )}
    </Flex>
  </Box>
);

export const FigureTable = ({
  figures,
  labels,
}: {
  figures: Figure[];
  /** The two column headers. */
  labels: [string, string];
}) => (
  <Table colCount={2} rowCount={figures.length + 1}>
    <TableHead labels={labels} />
    <Tbody>
      {figures.map((figure) => (
        <Tr key={figure.key}>
          <Td>
            <Typography>{figure.label}</Typography>
          </Td>
          <Td>
            <FigureValue figure={figure} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
