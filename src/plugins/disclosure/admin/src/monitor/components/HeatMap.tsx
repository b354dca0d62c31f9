import { Box, Typography } from '@strapi/design-system';
import type { HeatMapResponse } from '../../../../shared/monitor/contracts';

const CELL = 9;
const GAP = 2;
const LABEL_WIDTH = 150;

/** Every date of a year, YYYY-MM-DD. */
const datesOf = (year: number): string[] => {
  const dates: string[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
};

/** White for none, then four greens, as GitHub's contribution calendar. */
const shade = (count: number) =>
  count === 0
    ? '#ebedf0'
    : count === 1
      ? '#9be9a8'
      : count <= 3
        ? '#40c463'
        : count <= 6
          ? '#30a14e'
          : '#216e39';

/**
 * The year's first publications as a grid: one row per column, one cell per day (plain SVG);
 * a cell's title gives the date and the count.
 */
export const HeatMap = ({ data }: { data: HeatMapResponse['data'] }) => {
  const dates = datesOf(data.year);
  const width = LABEL_WIDTH + dates.length * (CELL + GAP);
  const months = dates
    .map((date, index) => ({ date, index }))
    .filter(({ date }) => date.endsWith('-01'));
  return (
    <Box style={{ overflowX: 'auto' }}>
      <svg
        width={width}
        height={16 + data.columns.length * (CELL + GAP)}
        role="img"
        aria-label={`${data.year}`}
        data-testid="heat-map-svg"
      >
        {months.map(({ date, index }) => (
          <text key={date} x={LABEL_WIDTH + index * (CELL + GAP)} y={10} fontSize={10} fill="#666">
            {Number(date.slice(5, 7))}月
          </text>
        ))}
        {data.columns.map((column, row) => {
          const y = 16 + row * (CELL + GAP);
          return (
            <g
              key={column.code}
              data-testid={`heat-map-row-${column.code}`}
              data-total={column.total}
            >
              <text x={0} y={y + CELL - 1} fontSize={10} fill="#32324d">
                {column.name}（{column.total}）
              </text>
              {dates.map((date, index) => {
                const count = column.days[date] ?? 0;
                return (
                  <rect
                    key={date}
                    x={LABEL_WIDTH + index * (CELL + GAP)}
                    y={y}
                    width={CELL}
                    height={CELL}
                    rx={2}
                    fill={shade(count)}
                  >
                    <title>{`${column.name} ${date}：${count}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
      {data.columns.length === 0 && <Typography>—</Typography>}
    </Box>
  );
};
