import { Box, Flex, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import { Section } from '../../kernel/components/Section';
import type { TimelineEntry } from '../../../../shared/requests/contracts';

const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A date as given, an instant as Beijing time (YYYY-MM-DD HH:mm). */
const when = (at: string) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at : BEIJING.format(instant);
};

/** 办理记录: what happened to the request, oldest first, with who did it. */
export const TimelineSection = ({ entries }: { entries: TimelineEntry[] }) => {
  const label = useLabel();
  return (
    <Section title={label('timeline.title', 'Handling record')} testId="timeline">
      {entries.length === 0 ? (
        <Typography textColor="neutral600">
          {label('timeline.empty', 'Nothing recorded yet')}
        </Typography>
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
};
