import { useCallback, useEffect, useState } from 'react';
import {
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
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type {
  BrokenLinksResponse,
  CheckedLink,
  LinkRunResponse,
} from '../../../../shared/monitor/links';
import { errorMessage } from '../../kernel/api';
import { Pager } from '../../kernel/components/Pager';
import { Section } from '../../kernel/components/Section';
import { TableHead } from '../../kernel/components/TableHead';
import { useLabel } from '../../kernel/useLabel';

const PAGE_SIZE = 20;
const ALL = 'all';

/** The item's edit view in the Content Manager (a single type has no documentId in the path). */
const editPath = (link: CheckedLink) =>
  (link.itemKind === 'singleType'
    ? `/content-manager/single-types/${link.itemUid}`
    : `/content-manager/collection-types/${link.itemUid}/${link.itemDocumentId}`) +
  (link.locale ? `?plugins[i18n][locale]=${link.locale}` : '');

/**
 * 失效链接: the links in published items the weekly check found broken, with the item (to its edit
 * view), its division, the link and why; filtered by division, paged; the coordinator may run the
 * check now.
 */
export const BrokenLinks = () => {
  const label = useLabel();
  const { get, post } = useFetchClient();
  const [page, setPage] = useState(1);
  const [division, setDivision] = useState(ALL);
  const [data, setData] = useState<BrokenLinksResponse['data'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const load = useCallback(() => {
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (division !== ALL) query.set('division', division);
    get<BrokenLinksResponse>(`/disclosure/monitor/links?${query}`).then(
      (response) => setData(response.data.data),
      (failure: unknown) => setError(errorMessage(failure))
    );
  }, [get, page, division]);
  useEffect(load, [load]);

  const runNow = async () => {
    setRunning(true);
    setError(null);
    try {
      await post<LinkRunResponse>('/disclosure/monitor/links/check', {});
      load();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Section title={label('links.title', 'Broken links')} testId="monitor-links">
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="division">
          <Field.Label>{label('links.division', 'Division')}</Field.Label>
          <SingleSelect
            value={division}
            onChange={(value: string | number) => {
              setDivision(String(value));
              setPage(1);
            }}
            data-testid="links-division"
          >
            <SingleSelectOption value={ALL}>
              {label('links.allDivisions', 'All')}
            </SingleSelectOption>
            {(data?.divisions ?? []).map((option) => (
              <SingleSelectOption key={option.documentId} value={option.documentId}>
                {option.name}（{option.count}）
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Button variant="secondary" loading={running} onClick={runNow} data-testid="links-run">
          {label('links.runNow', 'Check now')}
        </Button>
      </Flex>
      {error && (
        <Typography textColor="danger600" data-testid="links-error">
          {error}
        </Typography>
      )}
      {data === null ? (
        !error && <Loader small />
      ) : (
        <>
          <Typography textColor="neutral600" data-testid="links-last-run">
            {data.lastRun
              ? label(
                  'links.lastRun',
                  'Last checked {checkedAt}: {links} links, {broken} broken, {unchecked} not checked.',
                  {
                    checkedAt: new Date(data.lastRun.checkedAt).toLocaleString('zh-CN', {
                      timeZone: 'Asia/Shanghai',
                    }),
                    links: data.lastRun.links,
                    broken: data.lastRun.broken,
                    unchecked: data.lastRun.unchecked,
                  }
                )
              : label('links.never', 'The links have not been checked yet.')}
          </Typography>
          {data.results.length === 0 ? (
            <Typography data-testid="links-none">
              {label('links.none', 'No broken links.')}
            </Typography>
          ) : (
            <Table colCount={4} rowCount={data.results.length + 1}>
              <TableHead
                labels={[
                  label('links.col.item', 'Item'),
                  label('links.col.division', 'Division'),
                  label('links.col.url', 'Link'),
                  label('links.col.reason', 'Reason'),
                ]}
              />
              <Tbody>
                {data.results.map((link) => (
                  <Tr
                    key={`${link.itemUid} ${link.itemDocumentId} ${link.locale} ${link.field} ${link.url}`}
                    data-testid="links-row"
                  >
                    <Td>
                      <Link to={editPath(link)}>
                        <Typography textColor="primary600">{link.itemTitle}</Typography>
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{link.division?.name ?? '—'}</Typography>
                    </Td>
                    <Td style={{ maxWidth: 360, overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                      <Typography>{link.url}</Typography>
                    </Td>
                    <Td>
                      <Typography>{link.reason ?? '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={data.pagination.total} onPage={setPage} />
        </>
      )}
    </Section>
  );
};
