import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { ACTIONS } from '../../../../shared/kernel/constants';
import { KIND_LABELS, type ProposalListResponse } from '../../../../shared/proposals/contracts';
import { errorMessage } from '../../kernel/api';
import { TableHead } from '../../kernel/components/TableHead';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import { PLUGIN_ID } from '../../kernel/plugin-id';
import { Pager } from '../../kernel/components/Pager';
import { useLabel } from '../../kernel/useLabel';
import { RegisterModal } from './RegisterModal';
import { ReplyTemplates } from './ReplyTemplates';
import { DueBadge } from './ui';

const FILTERS = ['open', 'replied', 'closed', 'all'] as const;
const PAGE_SIZE = 25;

export const proposalPath = (id?: number) => `/plugins/${PLUGIN_ID}/proposals${id ? `/${id}` : ''}`;

/**
 * 建议提案办理: the cases the user may see (their division's as lead or co-handler; all for the
 * coordinator and the 保密审查员), overdue and due soon first. The coordinator registers and
 * assigns new ones here.
 */
export const ProposalList = () => {
  const label = useLabel();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const filter = FILTERS.find((name) => name === params.get('state')) ?? 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [result, setResult] = useState<ProposalListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const canAssign = useAuth('ProposalList', (state) =>
    state.permissions.some((permission) => permission.action === ACTIONS.assignProposals)
  );
  const canHandle = useAuth('ProposalList', (state) =>
    state.permissions.some((permission) => permission.action === ACTIONS.handleProposals)
  );
  const tab = canHandle && params.get('tab') === 'templates' ? 'templates' : 'cases';

  const load = useCallback(() => {
    const query = new URLSearchParams({
      state: filter,
      page: String(page),
      pageSize: String(PAGE_SIZE),
    });
    return get<ProposalListResponse>(`/disclosure/proposals?${query}`).then(
      ({ data }) => setResult(data),
      (failure: unknown) => setError(errorMessage(failure))
    );
  }, [get, filter, page]);
  useEffect(() => {
    setError(null);
    load();
  }, [load]);

  const title = label('proposals.title', 'Suggestions and proposals');
  const total = result?.meta.pagination.total ?? 0;
  const cases = (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end">
        <SingleSelect
          aria-label={label('proposals.filter', 'State')}
          value={filter}
          onChange={(value: string | number) => update({ state: String(value), page: '1' })}
        >
          {FILTERS.map((name) => (
            <SingleSelectOption key={name} value={name}>
              {label(`proposals.filter.${name}`, name)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        {result && (
          <Typography variant="pi" textColor="neutral600" data-testid="proposals-total">
            {label('proposals.total', '{total} cases', { total })}
          </Typography>
        )}
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!result && !error && <Loader small>{label('proposals.loading', 'Loading')}</Loader>}
      {result && result.data.length === 0 && (
        <Typography textColor="neutral600">{label('proposals.empty', 'No cases')}</Typography>
      )}
      {result && result.data.length > 0 && (
        <Table colCount={7} rowCount={result.data.length + 1}>
          <TableHead
            labels={[
              label('proposals.column.number', 'Number'),
              label('proposals.column.kind', 'Kind'),
              label('proposals.column.title', 'Title'),
              label('proposals.column.lead', 'Lead division'),
              label('proposals.column.dueDate', 'Reply due'),
              label('proposals.column.state', 'State'),
              label('proposals.column.publication', 'Publication due'),
            ]}
          />
          <Tbody>
            {result.data.map((row) => (
              <Tr
                key={row.id}
                onClick={() => navigate(proposalPath(row.id))}
                style={{ cursor: 'pointer' }}
                data-testid="proposal-row"
                data-id={row.id}
              >
                <Td>
                  <Typography>{`${row.term}${row.meeting} 第${row.number}号`}</Typography>
                </Td>
                <Td>
                  <Typography>{KIND_LABELS[row.kind]}</Typography>
                </Td>
                <Td>
                  <Typography fontWeight="semiBold">{row.title}</Typography>
                </Td>
                <Td>
                  <Typography>{row.leadName}</Typography>
                </Td>
                <Td>
                  <DueBadge dueDate={row.dueDate} urgency={row.urgency} />
                </Td>
                <Td>
                  <Badge>{label(`proposals.state.${row.state}`, row.state)}</Badge>
                </Td>
                <Td>
                  <Typography>{row.publicationDueDate ?? '—'}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Pager
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        onPage={(next) => update({ page: String(next) })}
      />
    </Flex>
  );
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label(
          'proposals.subtitle',
          "Deputies' suggestions and members' proposals (建议提案办理)"
        )}
        primaryAction={
          canAssign ? (
            <Button onClick={() => setRegistering(true)} data-testid="proposals-register">
              {label('proposals.register', 'Register and assign')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {canHandle ? (
          <Tabs.Root
            value={tab}
            onValueChange={(value: string) => update({ tab: value })}
            variant="simple"
          >
            <Tabs.List aria-label={title}>
              <Tabs.Trigger value="cases">{label('proposals.tab.cases', 'Cases')}</Tabs.Trigger>
              <Tabs.Trigger value="templates">
                {label('proposals.tab.templates', 'Reply templates')}
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="cases">
              <Box paddingTop={6}>{cases}</Box>
            </Tabs.Content>
            <Tabs.Content value="templates">
              <Box paddingTop={6}>
                <ReplyTemplates />
              </Box>
            </Tabs.Content>
          </Tabs.Root>
        ) : (
          cases
        )}
      </Layouts.Content>
      {registering && (
        <RegisterModal
          onClose={() => setRegistering(false)}
          onDone={(id) => navigate(proposalPath(id))}
        />
      )}
    </Page.Main>
  );
};
