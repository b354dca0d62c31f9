import { Box, Flex, Typography } from '@strapi/design-system';
import { WITHDRAWAL_KINDS, type HistoryEntry } from '../../../../shared/service-items/catalogue';
import { useLabel } from '../../kernel/useLabel';

/** What changed and when, as the website shows it. */
export const HistoryList = ({ history }: { history: HistoryEntry[] }) => {
  const label = useLabel();
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {label('serviceItems.history', 'History (shown on the website)')}
      </Typography>
      <Flex tag="ol" direction="column" alignItems="stretch" paddingTop={3}>
        {history.map((entry, index) => (
          <Typography tag="li" key={index}>
            {entry.date}{' '}
            {entry.kind === 'published'
              ? '发布'
              : entry.kind === 'adjusted'
                ? `调整：${entry.changes.join('、')}`
                : `${WITHDRAWAL_KINDS[entry.withdrawalKind ?? 'cancelled']}（${entry.authority ?? ''}）${entry.note ?? ''}`}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
