import { Box, Flex, Typography } from '@strapi/design-system';
import { beijingTime as when } from '../beijing-time';
import { Section } from './Section';

/** One step of a case's handling record. */
export interface CaseTimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  text: string;
}

/** 办理记录: what happened to a case, oldest first, with who did it (requests, proposals). */
export const CaseTimeline = ({
  title,
  empty,
  testId,
  entries,
}: {
  title: string;
  empty: string;
  testId: string;
  entries: readonly CaseTimelineEntry[];
}) => (
  <Section title={title} testId={testId}>
    {entries.length === 0 ? (
      <Typography textColor="neutral600">{empty}</Typography>
    ) : (
      <Flex tag="ol" direction="column" alignItems="stretch" gap={0}>
        {entries.map((entry, index) => (
          <Flex
            key={`${entry.at}/${index}`}
            tag="li"
            gap={4}
            alignItems="baseline"
            paddingTop={2}
            paddingBottom={2}
            data-testid="timeline-entry"
            data-action={entry.action}
          >
            <Box minWidth="136px">
              <Typography variant="pi" textColor="neutral600">
                {when(entry.at)}
              </Typography>
            </Box>
            <Box minWidth="96px">
              <Typography variant="pi" fontWeight="semiBold">
                {entry.actorName ?? '—'}
              </Typography>
            </Box>
            <Typography variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Typography>
          </Flex>
        ))}
      </Flex>
    )}
  </Section>
);
