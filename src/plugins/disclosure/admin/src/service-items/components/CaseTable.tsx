import { Box, Button, Flex, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseList, ServiceItemChoice } from '../../../../shared/service-items/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import { useLabel } from '../../kernel/useLabel';
import { casePath } from '../paths';
import { ChoiceField } from './fields';
import { decisionLabel, STATE_OPTIONS, stateLabel } from './labels';
import { UrgencyBadge } from './UrgencyBadge';
import { useGet } from './useServiceApi';

const PAGE_SIZE = 25;

/**
 * The cases the user may see, the most pressing first (beyond the legal limit, overdue, due
 * soon …), filtered by state and item (in the URL). A row opens the case.
 */
export const CaseTable = ({ items }: { items: ServiceItemChoice[] }) => {
  const label = useLabel();
  const navigate = useNavigate();
  const [params, update] = useQueryParams();
  const state = params.get('state') ?? '';
  const item = params.get('item') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (state) query.set('state', state);
  if (item) query.set('item', item);
  const { data: list, error } = useGet<CaseList>(`/disclosure/service-cases?${query}`);
  const total = list?.meta.pagination.total ?? 0;
  const all: [string, string] = ['', label('serviceCases.filter.all', 'All')];

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end">
        <Box width="200px">
          <ChoiceField
            name="state"
            label={label('serviceCases.filter.state', 'State')}
            options={[all, ...STATE_OPTIONS]}
            value={state}
            onChange={(value) => update({ state: value, page: '1' })}
          />
        </Box>
        <Box width="320px">
          <ChoiceField
            name="item"
            label={label('serviceCases.filter.item', 'Service item')}
            options={[
              all,
              ...items.map((entry): [string, string] => [entry.documentId, entry.name]),
            ]}
            value={item}
            onChange={(value) => update({ item: value, page: '1' })}
          />
        </Box>
        {list && (
          <Typography variant="pi" textColor="neutral600" data-testid="cases-total">
            {label('serviceCases.total', '{total} cases', { total })}
          </Typography>
        )}
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!list && !error && <Loader small>{label('serviceCases.loading', 'Loading')}</Loader>}
      {list && list.data.length === 0 && (
        <Typography textColor="neutral600">{label('serviceCases.empty', 'No cases')}</Typography>
      )}
      {list && list.data.length > 0 && (
        <Table colCount={7} rowCount={list.data.length + 1} data-testid="cases-table">
          <TableHead
            labels={[
              label('serviceCases.column.caseNumber', 'Case number'),
              label('serviceCases.column.item', 'Service item'),
              label('serviceCases.column.applicant', 'Applicant'),
              label('serviceCases.column.appliedOn', 'Applied'),
              label('serviceCases.column.due', 'Promised / legal date'),
              label('serviceCases.column.state', 'State'),
              label('serviceCases.column.urgency', 'Urgency'),
            ]}
          />
          <Tbody>
            {list.data.map((row) => (
              <Tr
                key={row.caseNumber}
                data-testid="case-row"
                data-case-number={row.caseNumber}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(casePath(row.caseNumber))}
              >
                <Td>
                  <Link to={casePath(row.caseNumber)} onClick={(event) => event.stopPropagation()}>
                    <Typography fontWeight="semiBold" textColor="primary600">
                      {row.caseNumber}
                    </Typography>
                  </Link>
                </Td>
                <Td>
                  <Typography>{row.itemName}</Typography>
                </Td>
                <Td>
                  <Typography>{row.applicantMasked}</Typography>
                </Td>
                <Td>
                  <Typography>{row.appliedOn}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {row.promisedDue ?? '—'} / {row.legalDue ?? '—'}
                  </Typography>
                </Td>
                <Td>
                  <Typography>
                    {stateLabel(row.state)} {decisionLabel(row.decision)}
                  </Typography>
                </Td>
                <Td>
                  <UrgencyBadge urgency={row.urgency} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {total > PAGE_SIZE && (
        <Flex gap={2}>
          <Button
            variant="tertiary"
            disabled={page <= 1}
            onClick={() => update({ page: String(page - 1) })}
          >
            {label('serviceCases.previous', 'Previous')}
          </Button>
          <Typography>
            {page} / {Math.ceil(total / PAGE_SIZE)}
          </Typography>
          <Button
            variant="tertiary"
            disabled={page >= Math.ceil(total / PAGE_SIZE)}
            onClick={() => update({ page: String(page + 1) })}
          >
            {label('serviceCases.next', 'Next')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
