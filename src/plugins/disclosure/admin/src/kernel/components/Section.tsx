import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A white card with a heading, as Strapi's edit views lay out their groups of fields. */
export const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) => (
  <Box
    tag="section"
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={7}
    paddingRight={7}
    data-testid={testId}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** Label–value pairs in two columns; empty values show as —. */
export const Facts = ({ facts }: { facts: Array<[label: string, value: ReactNode]> }) => (
  <Box
    tag="dl"
    style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px' }}
  >
    {facts.map(([label, value]) => (
      <Fact key={label} label={label} value={value} />
    ))}
  </Box>
);

const Fact = ({ label, value }: { label: string; value: ReactNode }) => (
  <>
    <Typography tag="dt" variant="omega" textColor="neutral600">
      {label}
    </Typography>
    <Typography tag="dd" variant="omega" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {value === null || value === undefined || value === '' ? '—' : value}
    </Typography>
  </>
);
