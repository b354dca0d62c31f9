/** The proposals pages' building blocks: the due date's badge and the timeline. */
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type {
  ProposalTimelineEntry,
  ProposalUrgency,
} from '../../../../shared/proposals/contracts';
import { Section } from '../../kernel/components/Section';
import { useLabel } from '../../kernel/useLabel';

// The cards, label–value lists and form fields every case page shares.
export { Facts, Section } from '../../kernel/components/Section';
export { ChoiceField, TextAreaField, TextField } from '../../kernel/components/form-fields';

const URGENCY_COLOURS: Record<ProposalUrgency, [text: string, background: string]> = {
  overdue: ['danger700', 'danger100'],
  due_soon: ['warning700', 'warning100'],
  on_time: ['neutral700', 'neutral150'],
  closed: ['success700', 'success100'],
};

/** The due date with its urgency. */
export const DueBadge = ({
  dueDate,
  urgency,
  testId,
}: {
  dueDate: string;
  urgency: ProposalUrgency;
  testId?: string;
}) => {
  const label = useLabel();
  const [textColor, backgroundColor] = URGENCY_COLOURS[urgency];
  return (
    <Flex gap={2} data-testid={testId} data-urgency={urgency}>
      <Typography variant="omega">{dueDate}</Typography>
      <Badge textColor={textColor} backgroundColor={backgroundColor}>
        {label(`proposals.urgency.${urgency}`, urgency)}
      </Badge>
    </Flex>
  );
};

const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 办理记录: what happened to the case, oldest first, with who did it. */
export const Timeline = ({ entries }: { entries: ProposalTimelineEntry[] }) => {
  const label = useLabel();
  return (
    <Section title={label('proposals.timeline', 'Handling record')} testId="proposal-timeline">
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
                {BEIJING.format(new Date(entry.at))}
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
    </Section>
  );
};
