import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  COLUMN_STATE_LABELS,
  UPDATE_CLASS_LABELS,
  type ColumnState,
  type HeatMapResponse,
  type MonitorColumnsResponse,
  type MonitorYearResponse,
  type SiteVerdict,
} from '../../../../shared/monitor/contracts';
import { errorMessage } from '../../kernel/api';
import { Section } from '../../kernel/components/Section';
import { TableHead } from '../../kernel/components/TableHead';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import { useLabel } from '../../kernel/useLabel';
import { BrokenLinks } from '../components/BrokenLinks';
import { HeatMap } from '../components/HeatMap';

const BADGE: Record<ColumnState, { background: string; textColor: string }> = {
  ok: { background: 'success100', textColor: 'success700' },
  due_soon: { background: 'warning100', textColor: 'warning700' },
  stale: { background: 'danger100', textColor: 'danger700' },
  blank: { background: 'danger100', textColor: 'danger700' },
  exempt: { background: 'neutral150', textColor: 'neutral600' },
};

const Verdict = ({ verdict }: { verdict: SiteVerdict }) => {
  const label = useLabel();
  return (
    <Box
      background={verdict.fails ? 'danger100' : 'success100'}
      borderColor={verdict.fails ? 'danger200' : 'success200'}
      hasRadius
      padding={4}
      data-testid="monitor-verdict"
      data-fails={String(verdict.fails)}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" textColor={verdict.fails ? 'danger700' : 'success700'}>
          {verdict.fails
            ? label(
                'monitor.verdict.fails',
                'As of {today} the site would fail the inspection (单项否决).',
                {
                  today: verdict.today,
                }
              )
            : verdict.daysUntilFail === null
              ? label('monitor.verdict.ok', 'As of {today} the site passes.', {
                  today: verdict.today,
                })
              : label(
                  'monitor.verdict.okFor',
                  'As of {today} the site passes; without new publications it fails in {days} days.',
                  { today: verdict.today, days: verdict.daysUntilFail }
                )}
        </Typography>
        {verdict.rules.map((rule) => (
          <Typography
            key={rule.rule}
            textColor={rule.fails ? 'danger700' : 'neutral800'}
            data-testid={`monitor-rule-${rule.rule}`}
          >
            {rule.label}：
            {rule.rule === 'home_page'
              ? label('monitor.rule.home', 'newest news {count} days old (limit {failAt})', {
                  count: rule.count ?? '—',
                  failAt: rule.failAt,
                })
              : label('monitor.rule.count', '{count} columns (fails at {failAt})', {
                  count: rule.count ?? 0,
                  failAt: rule.failAt,
                })}
            {rule.fails
              ? label('monitor.rule.fails', ' — fails')
              : rule.daysUntilFail !== null
                ? label('monitor.rule.daysUntil', ' — fails in {days} days', {
                    days: rule.daysUntilFail,
                  })
                : ''}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};

/**
 * 栏目更新监测: the site verdict on top, each column's state, the year's publications per column and
 * day (heat map) and the year's figures with the draft sentence for the annual report's 存在的主要问题.
 */
const MonitorPage = () => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2008 && asked <= thisYear ? asked : thisYear;
  const setYear = (next: number) => update({ year: String(next) });
  const [columns, setColumns] = useState<MonitorColumnsResponse['data'] | null>(null);
  const [heatMap, setHeatMap] = useState<HeatMapResponse['data'] | null>(null);
  const [figures, setFigures] = useState<MonitorYearResponse['data'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (failure: unknown) => setError(errorMessage(failure));

  useEffect(() => {
    get<MonitorColumnsResponse>('/disclosure/monitor/columns').then(
      ({ data }) => setColumns(data.data),
      fail
    );
  }, [get]);
  useEffect(() => {
    setHeatMap(null);
    setFigures(null);
    get<HeatMapResponse>(`/disclosure/monitor/heat-map?year=${year}`).then(
      ({ data }) => setHeatMap(data.data),
      fail
    );
    get<MonitorYearResponse>(`/disclosure/monitor/year?year=${year}`).then(
      ({ data }) => setFigures(data.data),
      fail
    );
  }, [get, year]);

  const title = label('monitor.title', 'Timeliness monitor');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label(
          'monitor.subtitle',
          'Columns against the website inspection rules (国办秘函〔2019〕19号)'
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {error && (
            <Typography textColor="danger600" data-testid="monitor-error">
              {error}
            </Typography>
          )}
          {!columns && !error && <Loader />}
          {columns && <Verdict verdict={columns.verdict} />}
          {columns && (
            <Section title={label('monitor.columns', 'Columns')} testId="monitor-columns">
              <Table colCount={7} rowCount={columns.columns.length + 1}>
                <TableHead
                  labels={[
                    label('monitor.col.name', 'Column'),
                    label('monitor.col.class', 'Update class'),
                    label('monitor.col.division', 'Division'),
                    label('monitor.col.last', 'Last publication'),
                    label('monitor.col.days', 'Days since'),
                    label('monitor.col.staleOn', 'Stale on'),
                    label('monitor.col.state', 'State'),
                  ]}
                />
                <Tbody>
                  {columns.columns.map((column) => (
                    <Tr key={column.code} data-testid={`monitor-row-${column.code}`}>
                      <Td>
                        <Typography>
                          {column.parent ? `${column.parent} › ` : ''}
                          {column.name}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>
                          {UPDATE_CLASS_LABELS[column.updateClass]}
                          {column.limitDays !== null ? `（${column.limitDays}天）` : ''}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>{column.division?.name ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{column.lastPublishedOn ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{column.daysSince ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{column.staleOn ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Badge {...BADGE[column.state]} data-state={column.state}>
                          {COLUMN_STATE_LABELS[column.state]}
                        </Badge>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Section>
          )}
          <BrokenLinks />
          <Section
            title={label('monitor.heatMap', 'Publications per column and day, {year}', { year })}
            testId="monitor-heat-map"
          >
            <Flex gap={2}>
              <Button
                variant="tertiary"
                size="S"
                disabled={year <= 2008}
                onClick={() => setYear(year - 1)}
              >
                {label('monitor.previousYear', 'Previous year')}
              </Button>
              <Button
                variant="tertiary"
                size="S"
                disabled={year >= thisYear}
                onClick={() => setYear(year + 1)}
              >
                {label('monitor.nextYear', 'Next year')}
              </Button>
            </Flex>
            {heatMap ? <HeatMap data={heatMap} /> : <Loader small />}
          </Section>
          <Section
            title={label('monitor.yearFigures', 'The year {year}', { year })}
            testId="monitor-year"
          >
            {figures ? (
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography>
                  {label(
                    'monitor.yearSummary',
                    '{staleColumns} columns were stale for {staleDays} days in all; {blankColumns} columns had no content.',
                    {
                      staleColumns: figures.staleColumns,
                      staleDays: figures.staleDays,
                      blankColumns: figures.blankColumns,
                    }
                  )}
                </Typography>
                <Typography variant="sigma">
                  {label(
                    'monitor.problemsDraft',
                    'Draft for the annual report (五、存在的主要问题及改进情况)'
                  )}
                </Typography>
                <Box background="neutral100" hasRadius padding={3}>
                  <Typography data-testid="monitor-problems-draft">
                    {figures.problemsDraft}
                  </Typography>
                </Box>
              </Flex>
            ) : (
              <Loader small />
            )}
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MonitorPage;
