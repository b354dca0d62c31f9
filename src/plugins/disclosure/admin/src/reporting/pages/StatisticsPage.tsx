import { useEffect, useState } from 'react';
import {
  Box,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { YearlyStatistics } from '../../../../shared/reporting/contracts';
import { parseYear, statisticsYears } from '../../../../shared/kernel/dates';
import { AnnualReport } from '../components/AnnualReport';
import { WebsiteReport } from '../components/WebsiteReport';
import { errorMessage } from '../../kernel/api';
import { DrillDownProvider } from '../components/DrillDown';
import { StatisticsOverview } from '../components/StatisticsOverview';
import { useLabel } from '../../kernel/useLabel';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';

const LOCALES = ['zh-Hans', 'en'] as const;
const TABS = ['statistics', 'report'] as const;
/** The two statutory reports the report tab holds. */
const REPORTS = ['annual', 'website'] as const;

/**
 * 统计与年报: the yearly figures of the publishing (charts, tables, the records behind every
 * number) and the year's two statutory reports: the annual disclosure report and the
 * 政府网站工作年度报表. Year, content locale and tab live in the URL.
 */
const StatisticsPage = () => {
  const label = useLabel();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const { from, to: currentYear } = statisticsYears();
  const years = Array.from({ length: currentYear - from + 1 }, (_, i) => currentYear - i);
  const year = parseYear(params.get('year')).year ?? currentYear - 1;
  const locale = LOCALES.find((code) => code === params.get('locale')) ?? 'zh-Hans';
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'statistics';
  const report = REPORTS.find((name) => name === params.get('report')) ?? 'annual';
  const [statistics, setStatistics] = useState<YearlyStatistics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tab !== 'statistics') return;
    let active = true;
    setError(null);
    get<{ data: YearlyStatistics }>(`/disclosure/statistics?year=${year}&locale=${locale}`).then(
      ({ data }) => active && setStatistics(data.data),
      (failure: unknown) => active && setError(errorMessage(failure))
    );
    return () => {
      active = false;
    };
  }, [get, year, locale, tab]);

  const isCurrent = statistics?.year === year && statistics.locale === locale;
  const title = label('statistics.title', 'Statistics & annual report');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label('statistics.subtitle', 'Click any number for the records behind it')}
      />
      <Layouts.Content>
        <DrillDownProvider year={year} locale={locale}>
          <Flex gap={4} paddingBottom={6} alignItems="flex-end" wrap="wrap">
            <Box width="160px">
              <Field.Root name="year">
                <Field.Label>{label('statistics.year', 'Year')}</Field.Label>
                <SingleSelect
                  value={String(year)}
                  onChange={(value: string | number) => update({ year: String(value) })}
                  data-testid="statistics-year"
                >
                  {years.map((option) => (
                    <SingleSelectOption key={option} value={String(option)}>
                      {label('statistics.yearOption', '{year}', { year: String(option) })}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {tab === 'statistics' && (
              <Box width="200px">
                <Field.Root name="locale">
                  <Field.Label>{label('statistics.locale', 'Content language')}</Field.Label>
                  <SingleSelect
                    value={locale}
                    onChange={(value: string | number) => update({ locale: String(value) })}
                    data-testid="statistics-locale"
                  >
                    {LOCALES.map((code) => (
                      <SingleSelectOption key={code} value={code}>
                        {label(`statistics.locale.${code}`, code)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
            )}
            {tab === 'statistics' && isCurrent && (
              <Typography variant="pi" textColor="neutral600">
                {label('statistics.period', 'Beijing time, {from} to {to}; counted {generatedAt}', {
                  from: `${year}-01-01`,
                  to: `${year}-12-31`,
                  generatedAt: formatDate(statistics.generatedAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })}
              </Typography>
            )}
          </Flex>
          <Tabs.Root
            value={tab}
            onValueChange={(value: string) => update({ tab: value })}
            variant="simple"
          >
            <Tabs.List aria-label={title}>
              <Tabs.Trigger value="statistics">
                {label('statistics.tab.statistics', 'Statistics')}
              </Tabs.Trigger>
              <Tabs.Trigger value="report">
                {label('statistics.tab.report', 'Annual report')}
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="statistics">
              <Box paddingTop={6}>
                {error && <Typography textColor="danger600">{error}</Typography>}
                {!error && !isCurrent && <Loader>{label('statistics.loading', 'Loading')}</Loader>}
                {!error && isCurrent && <StatisticsOverview statistics={statistics} />}
              </Box>
            </Tabs.Content>
            <Tabs.Content value="report">
              <Box paddingTop={6}>
                <Tabs.Root
                  value={report}
                  onValueChange={(value: string) => update({ report: value })}
                  variant="simple"
                >
                  <Tabs.List aria-label={label('statistics.tab.report', 'Annual report')}>
                    <Tabs.Trigger value="annual">
                      {label('report.kind.annual', 'Government information disclosure report')}
                    </Tabs.Trigger>
                    <Tabs.Trigger value="website">
                      {label('report.kind.website', 'Government website annual report form')}
                    </Tabs.Trigger>
                  </Tabs.List>
                  <Tabs.Content value="annual">
                    <Box paddingTop={6}>
                      <AnnualReport key={year} year={year} />
                    </Box>
                  </Tabs.Content>
                  <Tabs.Content value="website">
                    <Box paddingTop={6}>
                      <WebsiteReport key={year} year={year} />
                    </Box>
                  </Tabs.Content>
                </Tabs.Root>
              </Box>
            </Tabs.Content>
          </Tabs.Root>
        </DrillDownProvider>
      </Layouts.Content>
    </Page.Main>
  );
};

export default StatisticsPage;
