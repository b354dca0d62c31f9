/** Bar charts of figures (recharts): a click on a bar opens the records behind it. */
import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from 'styled-components';
import type { Figure } from '../../../../shared/reporting/contracts';
import { useDrillDown } from './DrillDown';
import { useLabel } from '../../kernel/useLabel';

interface FigureBarChartProps {
  figures: Figure[];
  /** The name of the value in the tooltip. */
  valueName: string;
  /** Bars along the horizontal axis (one per category row), for long category labels. */
  horizontal?: boolean;
  height?: number;
  testId: string;
}

export const FigureBarChart = ({
  figures,
  valueName,
  horizontal = false,
  height,
  testId,
}: FigureBarChartProps) => {
  const theme = useTheme();
  const label = useLabel();
  const open = useDrillDown();
  const { formatNumber } = useIntl();
  const data = figures.map((figure) => ({ label: figure.label, value: figure.value }));
  const tick = { fill: theme.colors.neutral600, fontSize: 12 };
  const chartHeight = height ?? (horizontal ? Math.max(160, figures.length * 32 + 40) : 260);
  const isEmpty = figures.every((figure) => figure.value === 0);
  return (
    <Box data-testid={testId} width="100%" position="relative" style={{ height: chartHeight }}>
      {isEmpty && (
        <Box position="absolute" top="40%" left={0} right={0} textAlign="center">
          <Typography variant="pi" textColor="neutral600" data-testid={`${testId}-empty`}>
            {label('statistics.chart.empty', 'Nothing counted this year')}
          </Typography>
        </Box>
      )}
      <ResponsiveContainer width="100%" height={chartHeight}>
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 20, right: 32, bottom: 4, left: 4 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            stroke={theme.colors.neutral200}
            horizontal={!horizontal}
            vertical={horizontal}
          />
          <XAxis
            type={horizontal ? 'number' : 'category'}
            dataKey={horizontal ? undefined : 'label'}
            allowDecimals={false}
            tick={tick}
            stroke={theme.colors.neutral300}
            interval={horizontal ? undefined : 0}
          />
          <YAxis
            type={horizontal ? 'category' : 'number'}
            dataKey={horizontal ? 'label' : undefined}
            allowDecimals={false}
            tick={tick}
            stroke={theme.colors.neutral300}
            width={horizontal ? 150 : 48}
            interval={horizontal ? 0 : undefined}
          />
          <Tooltip
            cursor={{ fill: theme.colors.primary100 }}
            formatter={(value) => [formatNumber(Number(value)), valueName]}
            contentStyle={{
              background: theme.colors.neutral0,
              border: `1px solid ${theme.colors.neutral200}`,
              color: theme.colors.neutral800,
            }}
          />
          <Bar
            dataKey="value"
            name={valueName}
            fill={theme.colors.primary600}
            cursor="pointer"
            maxBarSize={horizontal ? 22 : 40}
            animationDuration={400}
            onClick={(_entry, index) => {
              const figure = figures[index];
              if (figure) open({ key: figure.key, label: figure.label });
            }}
          >
            <LabelList
              dataKey="value"
              position={horizontal ? 'right' : 'top'}
              fill={theme.colors.neutral700}
              fontSize={12}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};
