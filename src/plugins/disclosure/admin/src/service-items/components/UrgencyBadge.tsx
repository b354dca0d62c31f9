import { Badge } from '@strapi/design-system';
import type { CaseUrgency } from '../../../../shared/service-items/cases';
import { useLabel } from '../../kernel/useLabel';

const COLOURS: Record<CaseUrgency, { text: string; background: string }> = {
  beyond_legal: { text: 'danger700', background: 'danger100' },
  overdue: { text: 'danger600', background: 'danger100' },
  due_soon: { text: 'warning700', background: 'warning100' },
  on_time: { text: 'success700', background: 'success100' },
  not_started: { text: 'neutral600', background: 'neutral150' },
  closed: { text: 'neutral600', background: 'neutral150' },
};

const FALLBACK: Record<CaseUrgency, string> = {
  beyond_legal: 'Beyond the legal limit',
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_time: 'On time',
  not_started: 'Not accepted yet',
  closed: 'Closed',
};

/** Where a case stands against its promised date (承诺时限) and legal limit (法定时限). */
export const UrgencyBadge = ({ urgency }: { urgency: CaseUrgency }) => {
  const label = useLabel();
  const colour = COLOURS[urgency];
  return (
    <Badge textColor={colour.text} backgroundColor={colour.background} data-urgency={urgency}>
      {label(`serviceCases.urgency.${urgency}`, FALLBACK[urgency])}
    </Badge>
  );
};
