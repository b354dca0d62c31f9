/**
 * One table of the annual report as the national form prints it (merged header cells, indented
 * row headers), with computed cells read-only and marked 自动 and entered cells as inputs.
 */
import { Badge, Flex, Tooltip, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { ReportTable } from '../../../../shared/reporting/contracts';
import { cellKey } from '../../../../shared/reporting/annual-report/format';
import { useDrillDown } from './DrillDown';
import { headerRows, type CellInfo } from './report-layout';
import { useLabel } from '../../kernel/useLabel';

/** The content locale the report's figures are counted in (the site's default language). */
export const REPORT_LOCALE = 'zh-Hans';

export interface ReportTableViewProps {
  table: ReportTable;
  year: number;
  cells: Map<string, CellInfo>;
  entries: Record<string, string>;
  names: Map<string, string>;
  /** Cells that fail a rule or hold no number: shown in red. */
  failing: Set<string>;
  readOnly: boolean;
  onEnter(key: string, text: string): void;
}

export const ReportTableView = ({
  table,
  year,
  cells,
  entries,
  names,
  failing,
  readOnly,
  onEnter,
}: ReportTableViewProps) => {
  const label = useLabel();
  const enteredMark = label('report.cell.entered', 'Entered');
  const header = headerRows(table.columns);
  const hasRowHeader = table.corner !== '' || table.rows.some((row) => row.label !== '');
  const width = table.columns.length + (hasRowHeader ? 1 : 0);
  return (
    <Sheet data-testid={`report-table-${table.section}-${table.key}`}>
      <thead>
        {table.title && (
          <tr>
            <th colSpan={width} className="title">
              {table.title}
            </th>
          </tr>
        )}
        {header.map((cellsOfRow, level) => (
          <tr key={level}>
            {level === 0 && hasRowHeader && (
              <th rowSpan={header.length} className="corner">
                {table.corner}
              </th>
            )}
            {cellsOfRow.map((cell, index) => (
              <th key={index} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
                {cell.label}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            {hasRowHeader && (
              <th scope="row" className="row" style={{ paddingLeft: 8 + row.level * 16 }}>
                {row.label}
              </th>
            )}
            {row.heading ? (
              <td colSpan={table.columns.length} className="heading" />
            ) : (
              table.columns.map((column) => {
                const key = cellKey(table, row.key, column.key);
                const cell = cells.get(key) ?? { source: 'entered', value: null };
                return (
                  <td key={column.key} className={failing.has(key) ? 'failing' : undefined}>
                    {cell.source === 'entered' ? (
                      <CellInput
                        data-cell={key}
                        aria-label={names.get(key) ?? key}
                        aria-invalid={failing.has(key)}
                        // A decrease is typed with a minus sign, which numeric keypads lack.
                        inputMode={column.amount ? 'decimal' : column.signed ? 'text' : 'numeric'}
                        value={entries[key] ?? ''}
                        placeholder={enteredMark}
                        title={enteredMark}
                        disabled={readOnly}
                        onChange={(event) => onEnter(key, event.target.value)}
                        $failing={failing.has(key)}
                      />
                    ) : (
                      <ComputedCell
                        cellKey={key}
                        cell={cell}
                        name={names.get(key) ?? key}
                        year={year}
                      />
                    )}
                  </td>
                );
              })
            )}
          </tr>
        ))}
      </tbody>
    </Sheet>
  );
};

const ComputedCell = ({
  cellKey: key,
  cell,
  name,
  year,
}: {
  cellKey: string;
  cell: CellInfo;
  name: string;
  year: number;
}) => {
  const label = useLabel();
  const open = useDrillDown();
  const { formatNumber } = useIntl();
  const figure = cell.figure;
  const tip =
    cell.source === 'pending'
      ? label('report.cell.pending', 'Computed when the report is saved in this format')
      : label('report.cell.computed', 'Computed from the records: {figure}', {
          figure: figure ?? '—',
        });
  const value = cell.value === null ? '—' : formatNumber(cell.value);
  return (
    <Tooltip label={tip}>
      <Flex
        gap={1}
        justifyContent="flex-end"
        data-cell={key}
        data-source={cell.source}
        data-figure={figure}
      >
        {figure && cell.source === 'computed' ? (
          <ValueButton
            type="button"
            onClick={() => open({ key: figure, label: name, year, locale: REPORT_LOCALE })}
          >
            {value}
          </ValueButton>
        ) : (
          <Typography textColor="neutral600">{value}</Typography>
        )}
        <Badge size="S" active={cell.source === 'computed'}>
          {label('report.cell.auto', 'Auto')}
        </Badge>
      </Flex>
    </Tooltip>
  );
};

const ValueButton = styled.button`
  border: none;
  background: none;
  padding: 0;
  cursor: pointer;
  font: inherit;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  color: ${({ theme }) => theme.colors.primary600};

  &:hover,
  &:focus-visible {
    text-decoration: underline;
  }
`;

const CellInput = styled.input<{ $failing: boolean }>`
  width: 100%;
  min-width: 4.5rem;
  box-sizing: border-box;
  padding: 4px 6px;
  text-align: right;
  font: inherit;
  font-variant-numeric: tabular-nums;
  color: ${({ theme }) => theme.colors.neutral800};
  background: ${({ theme, $failing }) =>
    $failing ? theme.colors.danger100 : theme.colors.neutral0};
  border: 1px solid
    ${({ theme, $failing }) => ($failing ? theme.colors.danger600 : theme.colors.neutral300)};
  border-radius: ${({ theme }) => theme.borderRadius};

  &::placeholder {
    color: ${({ theme }) => theme.colors.neutral400};
  }

  &:focus {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: -1px;
  }

  &:disabled {
    background: ${({ theme }) => theme.colors.neutral150};
  }
`;

const Sheet = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: 1.3rem;
  color: ${({ theme }) => theme.colors.neutral800};

  th,
  td {
    border: 1px solid ${({ theme }) => theme.colors.neutral300};
    padding: 6px 8px;
    vertical-align: middle;
  }

  thead th {
    background: ${({ theme }) => theme.colors.neutral100};
    font-weight: 600;
    text-align: center;
  }

  th.title {
    text-align: left;
  }

  th.corner {
    max-width: 16rem;
    font-weight: 400;
    font-size: 1.2rem;
  }

  th.row {
    text-align: left;
    font-weight: 400;
    min-width: 14rem;
    background: ${({ theme }) => theme.colors.neutral0};
  }

  td.heading {
    background: ${({ theme }) => theme.colors.neutral100};
  }

  td.failing {
    background: ${({ theme }) => theme.colors.danger100};
  }
`;
