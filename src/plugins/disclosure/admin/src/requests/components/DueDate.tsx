import { Box, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import type { Urgency } from '../../../../shared/requests/contracts';

/** How a due date looks by its urgency: red when overdue, orange within 3 working days. */
const LOOK: Record<Urgency, { background?: string; border?: string; text: string }> = {
  overdue: { background: 'danger100', border: 'danger200', text: 'danger700' },
  due_soon: { background: 'warning100', border: 'warning200', text: 'warning700' },
  on_time: { background: 'success100', border: 'success200', text: 'success700' },
  paused: { background: 'neutral150', border: 'neutral200', text: 'neutral600' },
  closed: { text: 'neutral800' },
};

/**
 * 答复期限: the due date coloured by its urgency (`data-urgency` carries it for tests and
 * styles); a stopped clock reads 期限中止.
 */
export const DueDate = ({
  dueDate,
  urgency,
  testId = 'due-date',
}: {
  dueDate: string | null;
  urgency: Urgency | undefined;
  testId?: string;
}) => {
  const label = useLabel();
  const look = LOOK[urgency ?? 'closed'];
  const text =
    urgency === 'paused'
      ? `${label('requests.urgency.paused', 'Clock stopped')}${dueDate ? ` · ${dueDate}` : ''}`
      : (dueDate ?? '—');
  return (
    <Box
      tag="span"
      display="inline-block"
      data-testid={testId}
      data-urgency={urgency ?? 'closed'}
      background={look.background}
      borderColor={look.border}
      hasRadius={Boolean(look.background)}
      paddingLeft={look.background ? 2 : 0}
      paddingRight={look.background ? 2 : 0}
      paddingTop={look.background ? 1 : 0}
      paddingBottom={look.background ? 1 : 0}
      title={urgency ? label(`requests.urgency.${urgency}`, urgency) : undefined}
    >
      <Typography
        variant="omega"
        textColor={look.text}
        fontWeight={urgency === 'overdue' || urgency === 'due_soon' ? 'bold' : 'regular'}
      >
        {text}
      </Typography>
    </Box>
  );
};
