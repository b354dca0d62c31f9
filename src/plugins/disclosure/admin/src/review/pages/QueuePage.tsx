import { useEffect, useState } from 'react';
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
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { QueueResponse, ReviewState } from '../../../../shared/review/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { editViewPath } from '../../kernel/paths';
import { t } from '../../kernel/plugin-id';

const STATES: ReviewState[] = [
  'draft',
  'submitted',
  'division_approved',
  'cleared',
  'withheld',
  'published',
];

/** 审核任务: what waits for the signed-in user, filterable by state and column. */
const QueuePage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<string>('');
  const [column, setColumn] = useState('');
  const [department, setDepartment] = useState('');
  const [queue, setQueue] = useState<QueueResponse | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ pageSize: '50' });
    if (state) params.set('state', state);
    if (/^[a-z0-9-]+$/.test(column)) params.set('column', column);
    if (department) params.set('department', department);
    get<QueueResponse>(`/disclosure/queue?${params}`).then(
      ({ data }) => setQueue(data),
      (error: { message?: string }) =>
        toggleNotification({ type: 'danger', message: error.message ?? '' })
    );
  }, [get, state, column, department, toggleNotification]);

  const departmentName = (documentId: string | null) =>
    queue?.meta.departments.find((entry) => entry.documentId === documentId)?.name ?? '—';

  const label = (id: string, fallback: string) =>
    formatMessage({ id: t(id), defaultMessage: fallback });

  return (
    <Page.Main>
      <Page.Title>{label('queue.title', 'Review queue')}</Page.Title>
      <Layouts.Header
        title={label('queue.title', 'Review queue')}
        subtitle={label('queue.subtitle', '')}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="240px">
            <Field.Root>
              <Field.Label>{label('queue.filter.state', 'State')}</Field.Label>
              <SingleSelect
                value={state}
                placeholder={label('queue.filter.allStates', 'Waiting for me')}
                onChange={(value: string | number) => setState(String(value))}
                onClear={() => setState('')}
              >
                {STATES.map((code) => (
                  <SingleSelectOption key={code} value={code}>
                    {label(`state.${code}`, code)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Box width="240px">
            <Field.Root>
              <Field.Label>{label('queue.filter.column', 'Column')}</Field.Label>
              <TextInput
                name="column"
                value={column}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setColumn(event.target.value.trim())
                }
              />
            </Field.Root>
          </Box>
          {queue && queue.meta.division === null && (
            <Box width="240px">
              <Field.Root>
                <Field.Label>{label('queue.filter.division', 'Division')}</Field.Label>
                <SingleSelect
                  value={department}
                  placeholder="—"
                  onChange={(value: string | number) => setDepartment(String(value))}
                  onClear={() => setDepartment('')}
                >
                  {queue.meta.departments.map((entry) => (
                    <SingleSelectOption key={entry.documentId} value={entry.documentId}>
                      {entry.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          )}
          {queue && (
            <Typography variant="pi">
              {formatMessage(
                { id: t('queue.total'), defaultMessage: '{total}' },
                { total: queue.meta.pagination.total }
              )}
            </Typography>
          )}
        </Flex>
        {queue && queue.data.length === 0 ? (
          <Typography>{label('queue.empty', 'Nothing waits')}</Typography>
        ) : (
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
                    <Typography>
                      {row.submittedAt ? new Date(row.submittedAt).toLocaleString() : '—'}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default QueuePage;
