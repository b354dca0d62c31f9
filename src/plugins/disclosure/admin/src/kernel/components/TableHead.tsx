import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** The header row of the plugin's tables: one column per label. */
export const TableHead = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((text) => (
        <Th key={text}>
          <Typography variant="sigma">{text}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
