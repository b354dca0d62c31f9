/** The proposals pages' building blocks: the due date's badge and the timeline. */
import { Badge, Flex, Typography } from '@strapi/design-system';
import type {
  ProposalTimelineEntry,
  ProposalUrgency,
} from '../../../../shared/proposals/contracts';
import { CaseTimeline } from '../../kernel/components/CaseTimeline';
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

/** 办理记录: what happened to the case, oldest first, with who did it. */
export const Timeline = ({ entries }: { entries: ProposalTimelineEntry[] }) => {
  const label = useLabel();
  return (
    <CaseTimeline
      title={label('proposals.timeline', 'Handling record')}
      empty="—"
      testId="proposal-timeline"
      entries={entries}
    />
  );
};
