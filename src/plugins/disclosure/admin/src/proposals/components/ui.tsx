/** The proposals pages' building blocks: cards, label–value lists, form fields, the timeline. */
import type { ReactNode } from 'react';
import {
  Badge,
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import type {
  ProposalTimelineEntry,
  ProposalUrgency,
} from '../../../../shared/proposals/contracts';
import { useLabel } from '../../kernel/useLabel';

/** A white card with a heading. */
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
    padding={6}
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
      <Flex key={label} style={{ display: 'contents' }}>
        <Typography tag="dt" variant="omega" textColor="neutral600">
          {label}
        </Typography>
        <Typography tag="dd" variant="omega" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {value === null || value === undefined || value === '' ? '—' : value}
        </Typography>
      </Flex>
    ))}
  </Box>
);

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

export const TextField = ({
  name,
  label,
  hint,
  required = true,
  type = 'text',
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date';
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

export const TextAreaField = ({
  name,
  label,
  hint,
  required = true,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

/** A required choice among fixed options, given as [value, label]. */
export const ChoiceField = ({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: Array<[value: string, label: string]>;
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(choice: string | number) => onChange(String(choice))}>
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

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
