import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  Badge,
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { QueueResponse, ReviewState } from '../../../../shared/review/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { editViewPath } from '../../kernel/paths';
import { beijingTime } from '../../kernel/beijing-time';
import { useLabel } from '../../kernel/useLabel';
import type { QueueFilters } from './queue-query';
import { useReviewQueue } from './useReviewQueue';

const STATES: ReviewState[] = [
  'draft',
  'submitted',
  'division_approved',
  'cleared',
  'withheld',
  'published',
];

type FilterProps = {
  filters: QueueFilters;
  change: (patch: Partial<QueueFilters>) => void;
};

/** 审核任务: what waits for the signed-in user, filterable by state and column. */
const QueuePage = () => {
  const label = useLabel();
  const [filters, setFilters] = useState<QueueFilters>({ state: '', column: '', department: '' });
  const queue = useReviewQueue(filters);
  const change = (patch: Partial<QueueFilters>) =>
    setFilters((current) => ({ ...current, ...patch }));

  return (
    <Page.Main>
      <Page.Title>{label('queue.title', 'Review queue')}</Page.Title>
      <Layouts.Header
        title={label('queue.title', 'Review queue')}
        subtitle={label('queue.subtitle', '')}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <QueueFilterFields filters={filters} change={change} queue={queue} />
          {queue && (
            <Typography variant="pi">
              {label('queue.total', '{total}', { total: queue.meta.pagination.total })}
            </Typography>
          )}
        </Flex>
        {queue && queue.data.length === 0 ? (
          <Typography>{label('queue.empty', 'Nothing waits')}</Typography>
        ) : (
          <QueueTable queue={queue} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** The state, column and (for a user of no division) division to show. */
const QueueFilterFields = ({
  filters,
  change,
  queue,
}: FilterProps & { queue: QueueResponse | null }) => {
  const label = useLabel();
  return (
    <>
      <SelectFilter
        label={label('queue.filter.state', 'State')}
        placeholder={label('queue.filter.allStates', 'Waiting for me')}
        value={filters.state}
        options={STATES.map((code) => [code, label(`state.${code}`, code)])}
        onChange={(state) => change({ state })}
      />
      <FilterBox label={label('queue.filter.column', 'Column')}>
        <TextInput
          name="column"
          value={filters.column}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            change({ column: event.target.value.trim() })
          }
        />
      </FilterBox>
      {queue && queue.meta.division === null && (
        <SelectFilter
          label={label('queue.filter.division', 'Division')}
          placeholder="—"
          value={filters.department}
          options={queue.meta.departments.map((entry) => [entry.documentId, entry.name])}
          onChange={(department) => change({ department })}
        />
      )}
    </>
  );
};

const FilterBox = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box width="240px">
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      {children}
    </Field.Root>
  </Box>
);

/** A choice among [value, text] options; cleared, the filter is off (''). */
const SelectFilter = ({
  label,
  placeholder,
  value,
  options,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  options: Array<[value: string, text: string]>;
  onChange: (value: string) => void;
}) => (
  <FilterBox label={label}>
    <SingleSelect
      value={value}
      placeholder={placeholder}
      onChange={(choice: string | number) => onChange(String(choice))}
      onClear={() => onChange('')}
    >
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </FilterBox>
);

const QueueTable = ({ queue }: { queue: QueueResponse | null }) => {
  const label = useLabel();
  const departmentName = (documentId: string | null) =>
    queue?.meta.departments.find((entry) => entry.documentId === documentId)?.name ?? '—';
  return (
    <Table colCount={6} rowCount={(queue?.data.length ?? 0) + 1}>
      <TableHead
        labels={[
          label('queue.column.title', 'Title'),
          label('queue.column.state', 'State'),
          label('queue.column.column', 'Column'),
          label('queue.filter.division', 'Division'),
          label('queue.column.locale', 'Locale'),
          label('queue.column.submittedAt', 'Submitted'),
        ]}
      />
      <Tbody>
        {queue?.data.map((row) => (
          <Tr key={`${row.contentType}/${row.documentId}/${row.locale}`}>
            <Td>
              <Link to={editViewPath(row)}>
                <Typography>{row.title}</Typography>
              </Link>
            </Td>
            <Td>
              <Badge>{label(`state.${row.state}`, row.stateLabel)}</Badge>
            </Td>
            <Td>
              <Typography>{row.column ?? '—'}</Typography>
            </Td>
            <Td>
              <Typography>{departmentName(row.department)}</Typography>
            </Td>
            <Td>
              <Typography>{row.locale}</Typography>
            </Td>
            <Td>
              <Typography>{row.submittedAt ? beijingTime(row.submittedAt) : '—'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default QueuePage;
