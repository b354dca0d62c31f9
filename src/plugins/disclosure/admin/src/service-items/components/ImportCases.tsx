import { useState } from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { CSV_COLUMNS } from '../../../../shared/service-items/cases';
import type { ImportReport } from '../../../../shared/service-items/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { useLabel } from '../../kernel/useLabel';
import { refusalOf } from './useServiceApi';

/**
 * The provincial site's CSV export: choose the file, check it (dry run: what each row would
 * become, or why it is refused), then import it — all rows or none.
 */
export const ImportCases = ({ onImported }: { onImported: () => void }) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (csv === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await post<{ data: ImportReport }>('/disclosure/service-cases/import', {
        csv,
        dryRun,
      });
      setReport(data.data);
      if (!dryRun) {
        setMessage(
          label('serviceCases.import.done', '{count} cases imported', { count: data.data.imported })
        );
        onImported();
      }
    } catch (error) {
      const refusal = refusalOf(error);
      setMessage(refusal.message);
      const refused = refusal.details.report as ImportReport | undefined;
      if (refused) setReport(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="filterShadow"
      hasRadius
      data-testid="import-cases"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="pi" textColor="neutral600">
          {label('serviceCases.import.columns', 'Columns (UTF-8, first line the header):')}{' '}
          {Object.values(CSV_COLUMNS).join(', ')}
        </Typography>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setReport(null);
            setMessage(null);
            setFileName(file?.name ?? '');
            setCsv(file ? await file.text() : null);
          }}
        />
        <Flex gap={2}>
          <Button
            variant="secondary"
            disabled={csv === null}
            loading={busy}
            onClick={() => run(true)}
            data-testid="import-check"
          >
            {label('serviceCases.import.check', 'Check (dry run)')}
          </Button>
          <Button
            disabled={csv === null || !report || !report.dryRun || report.refused > 0}
            loading={busy}
            onClick={() => run(false)}
            data-testid="import-run"
          >
            {label('serviceCases.import.run', 'Import {file}', { file: fileName })}
          </Button>
        </Flex>
        {message && <Typography data-testid="import-message">{message}</Typography>}
        {report && (
          <>
            <Typography>
              {label(
                'serviceCases.import.summary',
                '{importable} rows to import, {refused} refused',
                {
                  importable: report.importable,
                  refused: report.refused,
                }
              )}
            </Typography>
            <Table colCount={4} rowCount={report.rows.length + 1} data-testid="import-report">
              <TableHead
                labels={[
                  label('serviceCases.import.line', 'Line'),
                  label('serviceCases.caseNumber', 'Case number'),
                  label('serviceCases.import.outcome', 'Outcome'),
                  label('serviceCases.import.problems', 'Problems'),
                ]}
              />
              <Tbody>
                {report.rows.map((row) => (
                  <Tr key={row.line}>
                    <Td>
                      <Typography>{row.line}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.caseNumber ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Badge active={row.outcome === 'import'}>
                        {row.outcome === 'import'
                          ? label('serviceCases.import.ok', 'Import')
                          : label('serviceCases.import.refused', 'Refused')}
                      </Badge>
                    </Td>
                    <Td>
                      <Typography>{row.problems.join(' ')}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </>
        )}
      </Flex>
    </Box>
  );
};
