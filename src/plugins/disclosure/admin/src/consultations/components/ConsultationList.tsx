import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
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
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { ConsultationList as ListResponse } from '../../../../shared/consultations/contracts';
import { errorMessage } from '../../kernel/api';
import { TableHead } from '../../kernel/components/TableHead';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import { PLUGIN_ID } from '../../kernel/plugin-id';
import { Pager } from '../../kernel/components/Pager';
import { useLabel } from '../../kernel/useLabel';
import { ConsultationForm } from './ConsultationForm';

const FILTERS = ['active', 'all', 'draft', 'announced', 'closed', 'summary_submitted'] as const;
const PAGE_SIZE = 25;

export const consultationPath = (id?: number) =>
  `/plugins/${PLUGIN_ID}/consultations${id ? `/${id}` : ''}`;

/**
 * 调查征集: the consultations the user runs (their division's; all for the coordinator), the
 * latest period first, with their phase and the comments received and still to decide.
 */
export const ConsultationList = () => {
  const label = useLabel();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const filter = FILTERS.find((name) => name === params.get('state')) ?? 'active';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [result, setResult] = useState<ListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    const query = new URLSearchParams({
      state: filter,
      page: String(page),
      pageSize: String(PAGE_SIZE),
    });
    return get<ListResponse>(`/disclosure/consultations?${query}`).then(
      ({ data }) => setResult(data),
      (failure: unknown) => setError(errorMessage(failure))
    );
  }, [get, filter, page]);
  useEffect(() => {
    setError(null);
    load();
  }, [load]);

  const title = label('consultations.title', 'Public consultations');
  const total = result?.meta.pagination.total ?? 0;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label(
          'consultations.subtitle',
          'Drafts put to the public, comments per article, and the feedback summary (调查征集)'
        )}
        primaryAction={
          <Button onClick={() => setCreating(true)} data-testid="consultations-create">
            {label('consultations.create', 'New consultation')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end">
            <SingleSelect
              aria-label={label('consultations.filter', 'State')}
              value={filter}
              onChange={(value: string | number) => update({ state: String(value), page: '1' })}
            >
              {FILTERS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {label(`consultations.filter.${name}`, name)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            {result && (
              <Typography variant="pi" textColor="neutral600">
                {label('consultations.total', '{total} consultations', { total })}
              </Typography>
            )}
          </Flex>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {!result && !error && <Loader small>{label('consultations.loading', 'Loading')}</Loader>}
          {result && result.data.length === 0 && (
            <Typography textColor="neutral600">
              {label('consultations.empty', 'No consultations')}
            </Typography>
          )}
          {result && result.data.length > 0 && (
            <Table colCount={6} rowCount={result.data.length + 1}>
              <TableHead
                labels={[
                  label('consultations.column.title', 'Title'),
                  label('consultations.column.division', 'Division'),
                  label('consultations.column.period', 'Period'),
                  label('consultations.column.phase', 'Phase'),
                  label('consultations.column.comments', 'Comments'),
                  label('consultations.column.undecided', 'To decide'),
                ]}
              />
              <Tbody>
                {result.data.map((row) => (
                  <Tr
                    key={row.id}
                    onClick={() => navigate(consultationPath(row.id))}
                    style={{ cursor: 'pointer' }}
                    data-testid="consultation-row"
                  >
                    <Td>
                      <Typography fontWeight="semiBold">{row.title}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.divisionName}</Typography>
                    </Td>
                    <Td>
                      <Typography>{`${row.opensOn} – ${row.closesOn}`}</Typography>
                    </Td>
                    <Td>
                      <Badge>{label(`consultations.phase.${row.phase}`, row.phase)}</Badge>
                    </Td>
                    <Td>
                      <Typography>{row.counts.received}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.counts.undecided}</Typography>
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
      </Layouts.Content>
      {creating && (
        <ConsultationForm
          onClose={() => setCreating(false)}
          onDone={(detail) => navigate(consultationPath(detail.id))}
        />
      )}
    </Page.Main>
  );
};
