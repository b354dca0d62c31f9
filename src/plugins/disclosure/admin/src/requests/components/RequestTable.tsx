import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Link, useNavigate } from 'react-router-dom';
import { TableHead } from '../../kernel/components/TableHead';
import { useLabel } from '../../kernel/useLabel';
import { CalendarWarning } from './CalendarWarning';
import { DueDate } from './DueDate';
import { requestPath } from '../../kernel/paths';
import { outcomeLabel } from './labels';
import { StateBadge } from './StateBadge';
import { STATE_FILTERS, type RequestRow } from '../../../../shared/requests/contracts';
import { PAGE_SIZE, useRequestList } from './useRequestList';

type RequestList = ReturnType<typeof useRequestList>;

/**
 * The requests, newest receipt first, 25 a page, filtered by 未办结 / 已办结 / 全部 (in the URL,
 * so the list comes back as it was after opening a request). A row opens the request.
 */
export const RequestTable = () => {
  const label = useLabel();
  const list = useRequestList();
  const { result, error, total } = list;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end">
        <StateFilterSelect list={list} />
        {result && (
          <Typography variant="pi" textColor="neutral600" data-testid="requests-total">
            {label('requests.total', '{total} requests', { total })}
          </Typography>
        )}
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!result && !error && <Loader small>{label('requests.loading', 'Loading')}</Loader>}
      {result && result.data.length === 0 && (
        <Typography textColor="neutral600">{label('requests.empty', 'No requests')}</Typography>
      )}
      {result && result.data.length > 0 && <RequestRows rows={result.data} />}
      {result && total > PAGE_SIZE && <Pager list={list} />}
    </Flex>
  );
};

const StateFilterSelect = ({ list }: { list: RequestList }) => {
  const label = useLabel();
  return (
    <Box width="200px">
      <Field.Root name="state">
        <Field.Label>{label('requests.filter.state', 'Show')}</Field.Label>
        <SingleSelect
          value={list.filter}
          onChange={(value: string | number) => list.setFilter(String(value))}
          data-testid="requests-filter"
        >
          {STATE_FILTERS.map((code) => (
            <SingleSelectOption key={code} value={code}>
              {label(`requests.filter.${code}`, code)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};

const RequestRows = ({ rows }: { rows: RequestRow[] }) => {
  const label = useLabel();
  return (
    <Table colCount={8} rowCount={rows.length + 1} data-testid="requests-table">
      <TableHead
        labels={[
          label('requests.column.trackingNumber', 'Tracking number'),
          label('requests.column.title', 'Title'),
          label('requests.column.applicant', 'Applicant'),
          label('requests.column.receivedOn', 'Received'),
          label('requests.column.dueDate', 'Reply due'),
          label('requests.column.daysLeft', 'Working days left'),
          label('requests.column.state', 'State'),
          label('requests.column.outcome', 'Outcome'),
        ]}
      />
      <Tbody>
        {rows.map((row) => (
          <RequestTableRow key={row.trackingNumber} row={row} />
        ))}
      </Tbody>
    </Table>
  );
};

/** One request; the row opens it, the tracking number is a link to it. */
const RequestTableRow = ({ row }: { row: RequestRow }) => {
  const label = useLabel();
  const navigate = useNavigate();
  return (
    <Tr
      data-testid="request-row"
      data-tracking-number={row.trackingNumber}
      style={{ cursor: 'pointer' }}
      onClick={() => navigate(requestPath(row.trackingNumber))}
    >
      <Td>
        <Link to={requestPath(row.trackingNumber)} onClick={(event) => event.stopPropagation()}>
          <Typography fontWeight="semiBold" textColor="primary600">
            {row.trackingNumber}
          </Typography>
        </Link>
      </Td>
      <Td style={{ whiteSpace: 'normal', maxWidth: '320px' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>{row.title}</Typography>
          {row.likelyDuplicateOf && (
            <Badge
              size="S"
              backgroundColor="warning100"
              textColor="warning700"
              title={label('requests.duplicateOf', 'Possibly the same as {trackingNumber}', {
                trackingNumber: row.likelyDuplicateOf,
              })}
              data-testid="duplicate-badge"
            >
              {label('requests.duplicate', 'Possible duplicate')}
            </Badge>
          )}
        </Flex>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography>{row.name ?? '—'}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {label(`applicantType.${row.applicantType}`, row.applicantType)} ·{' '}
            {label(`channel.${row.channel}`, row.channel)}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Typography>{row.receivedOn}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <DueDate dueDate={row.dueDate} urgency={row.urgency} />
          <CalendarWarning years={row.uncoveredYears} compact />
        </Flex>
      </Td>
      <Td>
        <DaysLeft days={row.workingDaysLeft} />
      </Td>
      <Td>
        <StateBadge state={row.state} />
      </Td>
      <Td style={{ whiteSpace: 'normal', maxWidth: '240px' }}>
        <Typography variant="pi">{outcomeLabel(row.outcome)}</Typography>
      </Td>
    </Tr>
  );
};

const Pager = ({ list: { page, pageCount, setPage } }: { list: RequestList }) => {
  const label = useLabel();
  return (
    <Flex gap={3} justifyContent="flex-end">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
        {label('requests.previous', 'Previous')}
      </Button>
      <Typography variant="pi" data-testid="requests-page">
        {label('requests.page', 'Page {page} of {pageCount}', { page, pageCount })}
      </Typography>
      <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
        {label('requests.next', 'Next')}
      </Button>
    </Flex>
  );
};

/** 剩余工作日: negative when overdue, shown as working days late. */
const DaysLeft = ({ days }: { days: number | null | undefined }) => {
  const label = useLabel();
  if (days === null || days === undefined) return <Typography textColor="neutral500">—</Typography>;
  if (days < 0) {
    return (
      <Typography textColor="danger700" fontWeight="bold">
        {label('requests.daysLate', '{days} late', { days: -days })}
      </Typography>
    );
  }
  return <Typography>{days}</Typography>;
};
