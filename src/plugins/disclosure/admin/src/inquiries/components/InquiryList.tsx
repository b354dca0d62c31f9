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
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { ACTIONS } from '../../../../shared/kernel/constants';
import {
  INQUIRY_CHANNELS,
  type InquiryListResponse,
  type InquiryListRow,
} from '../../../../shared/inquiries/contracts';
import { errorMessage } from '../../kernel/api';
import { TableHead } from '../../kernel/components/TableHead';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import { PLUGIN_ID } from '../../kernel/plugin-id';
import { Pager } from '../../kernel/components/Pager';
import { useLabel } from '../../kernel/useLabel';
import { PhoneLogModal } from './PhoneLogModal';
import { RegisterModal } from './RegisterModal';
import { DueBadge } from './ui';

const STATES = ['open', 'closed', 'dismissed', 'all'] as const;
const CHANNELS = ['all', ...INQUIRY_CHANNELS] as const;
const PAGE_SIZE = 25;

export const inquiryPath = (id?: number) => `/plugins/${PLUGIN_ID}/inquiries${id ? `/${id}` : ''}`;

/** The oldest open message: the inspection fails the site when one waits more than 3 months. */
const OldestOpen = ({ row, onOpen }: { row: InquiryListRow; onOpen: () => void }) => {
  const label = useLabel();
  const alarming = row.urgency === 'over_limit' || row.urgency === 'warning';
  return (
    <Box
      background={alarming ? 'danger100' : 'neutral100'}
      borderColor={alarming ? 'danger200' : 'neutral200'}
      hasRadius
      padding={4}
      data-testid="oldest-open"
      data-urgency={row.urgency}
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
    >
      <Typography textColor={alarming ? 'danger700' : 'neutral800'}>
        {label(
          'inquiries.oldest',
          'Oldest open message: “{subject}” ({channel}), received {receivedOn}; to be answered before {limitOn} (3-month rule).',
          {
            subject: row.subject,
            channel: label(`inquiries.channel.${row.channel}`, row.channel),
            receivedOn: row.receivedOn,
            limitOn: row.limitOn,
          }
        )}
      </Typography>
    </Box>
  );
};

/**
 * 留言办理: the messages the user may see (their division's; all for the coordinator and the
 * 保密审查员) by channel and state, most urgent first, with the oldest open message on top. The
 * coordinator (phone desk) logs calls and registers 民心网 cases and transfers here.
 */
export const InquiryList = () => {
  const label = useLabel();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const state = STATES.find((name) => name === params.get('state')) ?? 'open';
  const channel = CHANNELS.find((name) => name === params.get('channel')) ?? 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [result, setResult] = useState<InquiryListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<'phone' | 'register' | null>(null);
  const canAssign = useAuth('InquiryList', (auth) =>
    auth.permissions.some((permission) => permission.action === ACTIONS.assignInquiries)
  );

  const load = useCallback(() => {
    const query = new URLSearchParams({ state, page: String(page), pageSize: String(PAGE_SIZE) });
    if (channel !== 'all') query.set('channel', channel);
    return get<InquiryListResponse>(`/disclosure/inquiries?${query}`).then(
      ({ data }) => setResult(data),
      (failure: unknown) => setError(errorMessage(failure))
    );
  }, [get, state, channel, page]);
  useEffect(() => {
    setError(null);
    load();
  }, [load]);

  const title = label('inquiries.title', 'Public inquiries');
  const total = result?.meta.pagination.total ?? 0;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label(
          'inquiries.subtitle',
          'Inquiries and complaints from every channel: phone, 民心网, hotline transfers, the website'
        )}
        primaryAction={
          canAssign ? (
            <Flex gap={2}>
              <Button
                variant="secondary"
                onClick={() => setModal('register')}
                data-testid="inquiries-register"
              >
                {label('inquiries.register', 'Register a message')}
              </Button>
              <Button onClick={() => setModal('phone')} data-testid="inquiries-phone">
                {label('inquiries.phone', 'Log a call')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {result?.meta.oldestOpen && (
            <OldestOpen
              row={result.meta.oldestOpen}
              onOpen={() => navigate(inquiryPath(result.meta.oldestOpen!.id))}
            />
          )}
          <Flex gap={4} alignItems="flex-end">
            <SingleSelect
              aria-label={label('inquiries.filter.channel', 'Channel')}
              value={channel}
              onChange={(value: string | number) => update({ channel: String(value), page: '1' })}
              data-testid="inquiries-channel"
            >
              {CHANNELS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {name === 'all'
                    ? label('inquiries.filter.allChannels', 'All channels')
                    : label(`inquiries.channel.${name}`, name)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <SingleSelect
              aria-label={label('inquiries.filter.state', 'State')}
              value={state}
              onChange={(value: string | number) => update({ state: String(value), page: '1' })}
            >
              {STATES.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {label(`inquiries.filter.${name}`, name)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            {result && (
              <Typography variant="pi" textColor="neutral600" data-testid="inquiries-total">
                {label('inquiries.total', '{total} messages', { total })}
              </Typography>
            )}
          </Flex>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {!result && !error && <Loader small>{label('inquiries.loading', 'Loading')}</Loader>}
          {result && result.data.length === 0 && (
            <Typography textColor="neutral600">
              {label('inquiries.empty', 'No messages')}
            </Typography>
          )}
          {result && result.data.length > 0 && (
            <Table colCount={7} rowCount={result.data.length + 1}>
              <TableHead
                labels={[
                  label('inquiries.column.trackingNumber', 'Number'),
                  label('inquiries.column.channel', 'Channel'),
                  label('inquiries.column.subject', 'Subject'),
                  label('inquiries.column.category', 'Category'),
                  label('inquiries.column.division', 'Division'),
                  label('inquiries.column.dueDate', 'Reply due'),
                  label('inquiries.column.state', 'State'),
                ]}
              />
              <Tbody>
                {result.data.map((row) => (
                  <Tr
                    key={row.id}
                    onClick={() => navigate(inquiryPath(row.id))}
                    style={{ cursor: 'pointer' }}
                    data-testid="inquiry-row"
                    data-id={row.id}
                  >
                    <Td>
                      <Typography>{row.externalNumber ?? row.trackingNumber}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {label(`inquiries.channel.${row.channel}`, row.channel)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography fontWeight="semiBold">{row.subject}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {label(`inquiries.category.${row.category}`, row.category)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {row.divisionName ?? label('inquiries.unassigned', 'Not assigned')}
                      </Typography>
                    </Td>
                    <Td>
                      <DueBadge dueDate={row.dueDate} urgency={row.urgency} />
                    </Td>
                    <Td>
                      <Badge>{label(`inquiries.state.${row.state}`, row.state)}</Badge>
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
      {modal === 'phone' && (
        <PhoneLogModal onClose={() => setModal(null)} onDone={(id) => navigate(inquiryPath(id))} />
      )}
      {modal === 'register' && (
        <RegisterModal onClose={() => setModal(null)} onDone={(id) => navigate(inquiryPath(id))} />
      )}
    </Page.Main>
  );
};
