/**
 * 明细: the records behind a figure, in a modal, 25 at a time, each linking to its edit view in
 * the Content Manager (a disclosure request: to its page under 依申请公开, as the plugin's own
 * types are not in the Content Manager). Any figure on the page opens it through `useDrillDown()`.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Flex,
  Loader,
  Modal,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { styled } from 'styled-components';
import type { Figure, FigureRecord, RecordsResponse } from '../../../../shared/reporting/contracts';
import { UID } from '../../../../shared/kernel/constants';
import { TableHead } from '../../kernel/components/TableHead';
import { editViewPath, requestPath } from '../../kernel/paths';
import { errorMessage } from '../../kernel/api';
import { displayDate } from './figures';
import { useLabel } from '../../kernel/useLabel';

const PAGE_SIZE = 25;

/** What a drill-down lists: a figure's key and label, counted in one year and locale. */
export interface DrillDownTarget {
  key: string;
  label: string;
  /** The year and content locale, when they differ from the page's. */
  year?: number;
  locale?: string;
}

type OpenDrillDown = (target: DrillDownTarget) => void;

const DrillDownContext = createContext<OpenDrillDown>(() => undefined);

/** Opens the records behind a figure. */
export const useDrillDown = () => useContext(DrillDownContext);

export const DrillDownProvider = ({
  year,
  locale,
  children,
}: {
  year: number;
  locale: string;
  children: ReactNode;
}) => {
  const [target, setTarget] = useState<Required<DrillDownTarget> | null>(null);
  const open = useCallback<OpenDrillDown>(
    (next) =>
      setTarget({
        key: next.key,
        label: next.label,
        year: next.year ?? year,
        locale: next.locale ?? locale,
      }),
    [year, locale]
  );
  return (
    <DrillDownContext.Provider value={open}>
      {children}
      {target && (
        <DrillDownModal
          key={`${target.key}/${target.year}/${target.locale}`}
          target={target}
          onClose={() => setTarget(null)}
        />
      )}
    </DrillDownContext.Provider>
  );
};

/** Where a record is opened (router path, under /admin); a request's documentId is its number. */
const recordPath = (record: FigureRecord) =>
  record.uid === UID.disclosureRequest
    ? requestPath(record.documentId)
    : editViewPath({ ...record, contentType: record.uid });

const DrillDownModal = ({
  target,
  onClose,
}: {
  target: Required<DrillDownTarget>;
  onClose: () => void;
}) => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<RecordsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    const params = new URLSearchParams({
      year: String(target.year),
      locale: target.locale,
      figure: target.key,
      page: String(page),
      pageSize: String(PAGE_SIZE),
    });
    setError(null);
    get<RecordsResponse>(`/disclosure/statistics/records?${params}`).then(
      ({ data }) => active && setResult(data),
      (failure: unknown) => active && setError(errorMessage(failure))
    );
    return () => {
      active = false;
    };
  }, [get, target, page]);

  const pagination = result?.meta.pagination;
  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="drilldown">
        <Modal.Header closeLabel={label('statistics.close', 'Close')}>
          <Modal.Title>{target.label}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="pi" textColor="neutral600">
              {label('statistics.drill.context', '{year} · {locale} · figure {figure}', {
                year: target.year,
                locale: target.locale,
                figure: target.key,
              })}
            </Typography>
            {error && <Typography textColor="danger600">{error}</Typography>}
            {!result && !error && <Loader small>{label('statistics.loading', 'Loading')}</Loader>}
            {result && (
              <>
                <Typography variant="omega" fontWeight="bold" data-testid="drilldown-total">
                  {label('statistics.drill.total', '{total} records', {
                    total: result.meta.pagination.total,
                  })}
                </Typography>
                {result.data.length > 0 && <RecordTable records={result.data} />}
              </>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button
            variant="tertiary"
            disabled={page <= 1}
            onClick={() => setPage((current) => current - 1)}
          >
            {label('statistics.drill.previous', 'Previous')}
          </Button>
          <Typography variant="pi" data-testid="drilldown-page">
            {pagination && pagination.pageCount > 0
              ? label('statistics.drill.page', 'Page {page} of {pageCount}', {
                  page: pagination.page,
                  pageCount: pagination.pageCount,
                })
              : ''}
          </Typography>
          <Button
            variant="tertiary"
            disabled={!pagination || page >= pagination.pageCount}
            onClick={() => setPage((current) => current + 1)}
          >
            {label('statistics.drill.next', 'Next')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const RecordTable = ({ records }: { records: FigureRecord[] }) => {
  const label = useLabel();
  return (
    <Table colCount={3} rowCount={records.length + 1}>
      <TableHead
        labels={[
          label('statistics.drill.title', 'Title'),
          label('statistics.drill.date', 'Date'),
          label('statistics.drill.indexNumber', 'Index number'),
        ]}
      />
      <Tbody>
        {records.map((record) => (
          <Tr key={`${record.uid}/${record.documentId}/${record.locale}`}>
            <Td style={{ whiteSpace: 'normal' }}>
              <Link to={recordPath(record)} data-testid="drilldown-record">
                <Typography textColor="primary600">{record.title ?? record.documentId}</Typography>
              </Link>
            </Td>
            <Td>
              <Typography>{displayDate(record.date)}</Typography>
            </Td>
            <Td>
              <Typography>{record.indexNumber ?? '—'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const FigureLink = styled.button<{ $inherit: boolean }>`
  border: none;
  background: none;
  padding: 0;
  cursor: pointer;
  font: inherit;
  font-size: ${({ theme, $inherit }) => ($inherit ? 'inherit' : theme.fontSizes[2])};
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  color: ${({ theme }) => theme.colors.primary600};

  &:hover,
  &:focus-visible {
    text-decoration: underline;
  }
`;

/** A figure's value as a button that opens the records behind it (text size of a table cell). */
export const FigureValue = ({
  figure,
  year,
  locale,
  inheritSize = false,
}: {
  figure: Figure;
  year?: number;
  locale?: string;
  /** Take the size of the surrounding text (a headline number) instead. */
  inheritSize?: boolean;
}) => {
  const open = useDrillDown();
  const label = useLabel();
  const { formatNumber } = useIntl();
  return (
    <FigureLink
      type="button"
      $inherit={inheritSize}
      data-figure={figure.key}
      title={label('statistics.drill.hint', '{label}: show the records', { label: figure.label })}
      onClick={() => open({ key: figure.key, label: figure.label, year, locale })}
    >
      {formatNumber(figure.value)}
    </FigureLink>
  );
};
