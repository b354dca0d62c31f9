/**
 * The yearly statistics, one block per provider: the four known providers with charts and
 * tables, any later provider as the list of its figures.
 */
import { Box, Flex, Grid, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Figure, YearlyStatistics } from '../../../../shared/reporting/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { FigureBarChart } from './Charts';
import { ColumnTreeTable } from './ColumnTreeTable';
import { FigureValue } from './DrillDown';
import {
  asInterpretations,
  asItems,
  asPolicies,
  asReviews,
  genericRows,
  type InterpretationsSection,
  type ItemsSection,
  type PoliciesSection,
  type ReviewsSection,
} from './figures';
import { FigureCard, FigureTable, Panel } from './Panel';
import { useLabel } from '../../kernel/useLabel';

/** The known providers in reading order; later ones follow in the server's order. */
const KNOWN = ['items', 'policies', 'interpretations', 'reviews'];

export const StatisticsOverview = ({ statistics }: { statistics: YearlyStatistics }) => {
  const { locale } = useIntl();
  const names = [
    ...KNOWN,
    ...statistics.providers.map((provider) => provider.name),
    ...Object.keys(statistics.sections),
  ].filter((name, index, all) => statistics.sections[name] && all.indexOf(name) === index);
  const titleOf = (name: string) => {
    const labels = statistics.providers.find((provider) => provider.name === name)?.label;
    if (!labels) return name;
    return locale.startsWith('zh') ? labels['zh-Hans'] : labels.en;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      {names.map((name) => (
        <Box key={name} tag="section" data-testid={`section-${name}`}>
          <Box paddingBottom={3}>
            <Typography variant="beta" tag="h2">
              {titleOf(name)}
            </Typography>
          </Box>
          <Section name={name} section={statistics.sections[name]} />
        </Box>
      ))}
    </Flex>
  );
};

/** A known provider's view, or its figures listed when it has another shape or is unknown. */
const Section = ({ name, section }: { name: string; section: Record<string, unknown> }) => {
  const items = name === 'items' ? asItems(section) : null;
  if (items) return <ItemsView items={items} />;
  const policies = name === 'policies' ? asPolicies(section) : null;
  if (policies) return <PoliciesView policies={policies} />;
  const interpretations = name === 'interpretations' ? asInterpretations(section) : null;
  if (interpretations) return <InterpretationsView interpretations={interpretations} />;
  const reviews = name === 'reviews' ? asReviews(section) : null;
  if (reviews) return <ReviewsView reviews={reviews} />;
  return <GenericView section={section} />;
};

/** A grid cell whose content fills it. */
const Cell = ({ col, children }: { col: number; children: React.ReactNode }) => (
  <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

const ItemsView = ({ items }: { items: ItemsSection }) => {
  const label = useLabel();
  const count = label('statistics.count', 'Items');
  return (
    <Grid.Root gap={4} gridCols={12}>
      <Cell col={3}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <FigureCard figure={items.total} />
          <Panel title={label('statistics.items.byType', 'By type')}>
            <FigureTable
              figures={items.byType}
              labels={[label('statistics.items.type', 'Type'), count]}
            />
          </Panel>
        </Flex>
      </Cell>
      <Cell col={9}>
        <Panel
          title={label('statistics.items.byMonth', 'Published per month')}
          subtitle={label('statistics.items.byMonth.hint', 'First publication, Beijing time')}
          testId="panel-monthly"
        >
          <FigureBarChart figures={items.byMonth} valueName={count} testId="chart-monthly" />
          <MonthTable figures={items.byMonth} />
        </Panel>
      </Cell>
      <Cell col={7}>
        <Panel title={label('statistics.items.byDivision', 'Divisions compared')}>
          <FigureBarChart
            figures={items.byDivision}
            valueName={count}
            horizontal
            testId="chart-divisions"
          />
        </Panel>
      </Cell>
      <Cell col={5}>
        <Panel title={label('statistics.items.byGenre', 'By genre')}>
          <FigureTable
            figures={items.byGenre}
            labels={[label('statistics.items.genre', 'Genre'), count]}
          />
        </Panel>
      </Cell>
      <Cell col={12}>
        <Panel
          title={label('statistics.items.byColumn', 'By column')}
          subtitle={label('statistics.items.byColumn.hint', 'Subtotals include sub-columns')}
        >
          <ColumnTreeTable nodes={items.byColumn} total={items.total} />
        </Panel>
      </Cell>
    </Grid.Root>
  );
};

/** The twelve months as numbers under the chart: every month clickable, zeros included. */
const MonthTable = ({ figures }: { figures: Figure[] }) => (
  <Table colCount={figures.length} rowCount={2}>
    <TableHead labels={figures.map((figure) => figure.label)} />
    <Tbody>
      <Tr>
        {figures.map((figure) => (
          <Td key={figure.key}>
            <FigureValue figure={figure} />
          </Td>
        ))}
      </Tr>
    </Tbody>
  </Table>
);

const POLICY_FIGURES = ['issued', 'repealed', 'inForce'] as const;

const PoliciesView = ({ policies }: { policies: PoliciesSection }) => {
  const label = useLabel();
  const kinds = policies.issued.map((figure) => figure.key.split(':')[1] ?? figure.key);
  const find = (which: (typeof POLICY_FIGURES)[number], kind: string) =>
    policies[which].find((figure) => figure.key.endsWith(`:${kind}`));
  return (
    <Panel title={label('statistics.policies.title', 'Policy documents by kind')}>
      <Table colCount={4} rowCount={kinds.length + 1}>
        <TableHead
          labels={[
            label('statistics.policies.kind', 'Kind'),
            label('statistics.policies.issued', 'Issued this year'),
            label('statistics.policies.repealed', 'Repealed this year'),
            label('statistics.policies.inForce', 'In force'),
          ]}
        />
        <Tbody>
          {kinds.map((kind, index) => (
            <Tr key={kind}>
              <Td>
                <Typography>
                  {label(
                    `statistics.policies.kind.${kind}`,
                    policies.issued[index].label.split(' ')[0]
                  )}
                </Typography>
              </Td>
              {POLICY_FIGURES.map((which) => {
                const figure = find(which, kind);
                return <Td key={which}>{figure ? <FigureValue figure={figure} /> : '—'}</Td>;
              })}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Panel>
  );
};

const InterpretationsView = ({ interpretations }: { interpretations: InterpretationsSection }) => {
  const label = useLabel();
  const days = interpretations.dueWorkingDays;
  return (
    <Grid.Root gap={4} gridCols={12}>
      <Cell col={3}>
        <FigureCard figure={interpretations.published} />
      </Cell>
      <Cell col={3}>
        <FigureCard
          figure={interpretations.onTime}
          note={label('statistics.interpretations.due', 'Due within {days} working days', {
            days,
          })}
        />
      </Cell>
      <Cell col={3}>
        <FigureCard figure={interpretations.late} />
      </Cell>
      <Cell col={3}>
        <FigureCard figure={interpretations.unlinked} />
      </Cell>
    </Grid.Root>
  );
};

const ReviewsView = ({ reviews }: { reviews: ReviewsSection }) => {
  const label = useLabel();
  const { formatNumber } = useIntl();
  const timing = reviews.submissionToPublication;
  const hours = (value: number | null) =>
    value === null ? '—' : formatNumber(value, { maximumFractionDigits: 1 });
  return (
    <Grid.Root gap={4} gridCols={12}>
      <Cell col={8}>
        <Panel title={label('statistics.reviews.steps', 'Review steps taken')}>
          <FigureBarChart
            figures={reviews.steps}
            valueName={label('statistics.reviews.times', 'Times')}
            testId="chart-review-steps"
          />
        </Panel>
      </Cell>
      <Cell col={4}>
        <Panel
          title={label('statistics.reviews.timing', 'Submission to publication')}
          subtitle={label('statistics.reviews.timing.items', '{items} items published this year', {
            items: timing.items,
          })}
          testId="review-timing"
        >
          <Flex gap={6} alignItems="flex-start">
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {label('statistics.reviews.median', 'Median (hours)')}
              </Typography>
              <Typography variant="alpha" tag="p" data-testid="review-median-hours">
                {hours(timing.medianHours)}
              </Typography>
            </Flex>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {label('statistics.reviews.p90', '90th percentile (hours)')}
              </Typography>
              <Typography variant="alpha" tag="p" data-testid="review-p90-hours">
                {hours(timing.p90Hours)}
              </Typography>
            </Flex>
          </Flex>
          <FigureTable
            figures={reviews.withheldByCategory}
            labels={[
              label('statistics.reviews.withheld', 'Withheld, by category'),
              label('statistics.count', 'Items'),
            ]}
          />
        </Panel>
      </Cell>
    </Grid.Root>
  );
};

const GenericView = ({ section }: { section: Record<string, unknown> }) => {
  const label = useLabel();
  const { formatNumber } = useIntl();
  const rows = genericRows(section);
  return (
    <Panel title={label('statistics.generic.title', 'Figures')}>
      <Table colCount={2} rowCount={rows.length + 1}>
        <TableHead
          labels={[
            label('statistics.generic.figure', 'Figure'),
            label('statistics.generic.value', 'Value'),
          ]}
        />
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.path}>
              <Td>
                <Box paddingLeft={row.depth * 6}>
                  <Typography>{row.label}</Typography>
                </Box>
              </Td>
              <Td>
                {row.figure ? (
                  <FigureValue figure={row.figure} />
                ) : (
                  <Typography>{formatNumber(row.value)}</Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Panel>
  );
};
