/** The inquiries pages' building blocks: the urgency badge, the divisions, the timeline. */
import { useEffect, useState } from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { InquiryTimelineEntry, InquiryUrgency } from '../../../../shared/inquiries/contracts';
import { CaseTimeline } from '../../kernel/components/CaseTimeline';
import { useLabel } from '../../kernel/useLabel';

export { Facts, Section } from '../../kernel/components/Section';
export { ChoiceField, TextAreaField, TextField } from '../../kernel/components/form-fields';

const URGENCY_COLOURS: Record<InquiryUrgency, [text: string, background: string]> = {
  over_limit: ['neutral0', 'danger600'],
  warning: ['danger700', 'danger100'],
  overdue: ['danger700', 'danger100'],
  due_soon: ['warning700', 'warning100'],
  on_time: ['neutral700', 'neutral150'],
  closed: ['success700', 'success100'],
};

/** The reply deadline with its urgency (the 3-month rule's warning first). */
export const DueBadge = ({
  dueDate,
  urgency,
  testId,
}: {
  dueDate: string;
  urgency: InquiryUrgency;
  testId?: string;
}) => {
  const label = useLabel();
  const [textColor, backgroundColor] = URGENCY_COLOURS[urgency];
  return (
    <Flex gap={2} data-testid={testId} data-urgency={urgency}>
      <Typography variant="omega">{dueDate}</Typography>
      <Badge textColor={textColor} backgroundColor={backgroundColor}>
        {label(`inquiries.urgency.${urgency}`, urgency)}
      </Badge>
    </Flex>
  );
};

export interface Division {
  code: string;
  name: string;
}

/** The divisions a case may be assigned to (GET /disclosure/inquiry-divisions). */
export const useDivisions = () => {
  const { get } = useFetchClient();
  const [divisions, setDivisions] = useState<Division[]>([]);
  useEffect(() => {
    let active = true;
    get<{ data: Division[] }>('/disclosure/inquiry-divisions').then(
      ({ data }) => active && setDivisions(data.data),
      () => undefined
    );
    return () => {
      active = false;
    };
  }, [get]);
  return divisions;
};

/** 办理记录: what happened to the case, oldest first, with who did it. */
export const Timeline = ({ entries }: { entries: InquiryTimelineEntry[] }) => {
  const label = useLabel();
  return (
    <CaseTimeline
      title={label('inquiries.timeline', 'Handling record')}
      empty="—"
      testId="inquiry-timeline"
      entries={entries}
    />
  );
};
