/**
 * 年度报告: the year's annual report as the coordinator prepares it. Text sections, the national
 * tables (computed cells from the records, entered cells typed here), the 勾稽 rules checked on
 * every keystroke, save, submission for review, print preview and the JSON / CSV exports.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  AnnualReportDto,
  FormatVersion,
  ReportTable,
  RuleFailure,
  SaveReportRequest,
  YearlyStatistics,
} from '../../../../shared/reporting/contracts';
import { checkValues } from '../../../../shared/reporting/annual-report/checks';
import { FORMAT_VERSIONS } from '../../../../shared/reporting/annual-report/format';
import { FORMATS } from '../../../../shared/reporting/annual-report/formats';
import { errorMessage, fileNameOf, saveFile, statusOf } from '../../kernel/api';
import { failuresOf } from './rule-failures';
import { PrintPreview } from './PrintPreview';
import {
  type CellInfo,
  cellInfo,
  cellNames,
  liveFailures,
  parseEntry,
  tablesOf,
  valuesOf,
} from './report-layout';
import { REPORT_LOCALE, ReportTableView } from './ReportTableView';
import { useLabel } from '../../kernel/useLabel';

const SECTIONS = ['二', '三', '四'] as const;
const SECTION_NUMBERS: Record<(typeof SECTIONS)[number], number> = { 二: 2, 三: 3, 四: 4 };

/** States in which the report waits for a reviewer and cannot be changed. */
const LOCKED_STATES = ['submitted', 'division_approved', 'cleared'];

type TextField = 'overview' | 'problems' | 'otherMatters';

interface Form {
  formatVersion: FormatVersion;
  title: string;
  overview: string;
  problems: string;
  otherMatters: string;
}

const formOf = (report: AnnualReportDto): Form => ({
  formatVersion: report.formatVersion,
  title: report.title,
  overview: report.overview,
  problems: report.problems,
  otherMatters: report.otherMatters,
});

const entriesOf = (report: AnnualReportDto): Record<string, string> =>
  Object.fromEntries(
    Object.entries(report.cells)
      .filter(([, cell]) => cell.source === 'entered')
      .map(([key, cell]) => [key, cell.value === null ? '' : String(cell.value)])
  );

export const AnnualReport = ({ year }: { year: number }) => {
  const label = useLabel();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [report, setReport] = useState<AnnualReportDto | null>(null);
  const [loadError, setLoadError] = useState<{ status?: number; message: string } | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [entries, setEntries] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<RuleFailure[] | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [providers, setProviders] = useState<string[] | null>(null);

  const base = `/disclosure/annual-reports/${year}`;

  const show = useCallback((next: AnnualReportDto) => {
    setReport(next);
    setForm(formOf(next));
    setEntries(entriesOf(next));
    setSaved(JSON.stringify(requestOf(next, formOf(next), entriesOf(next))));
  }, []);

  useEffect(() => {
    let active = true;
    setLoadError(null);
    get<{ data: AnnualReportDto }>(base).then(
      ({ data }) => active && show(data.data),
      (error: unknown) =>
        active && setLoadError({ status: statusOf(error), message: errorMessage(error) })
    );
    return () => {
      active = false;
    };
  }, [get, base, show]);

  const version = form?.formatVersion ?? report?.formatVersion ?? 'pre2019';
  const isOtherFormat = report !== null && version !== report.formatVersion;

  // In a format the report is not saved in, which cells the server computes depends on the
  // statistics providers registered: the yearly statistics list them.
  useEffect(() => {
    if (!isOtherFormat || providers !== null) return;
    let active = true;
    get<{ data: YearlyStatistics }>(`/disclosure/statistics?year=${year}&locale=${REPORT_LOCALE}`)
      .then(({ data }) => active && setProviders(data.data.providers.map(({ name }) => name)))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [get, year, isOtherFormat, providers]);

  const cells = useMemo(
    () => (report ? cellInfo(report, version, providers) : new Map<string, CellInfo>()),
    [report, version, providers]
  );
  const tables: readonly ReportTable[] = report ? tablesOf(report, version) : [];
  const names = useMemo(() => cellNames(tables), [tables]);
  const values = useMemo(() => valuesOf(cells, entries), [cells, entries]);
  const failures = useMemo(() => liveFailures(version, tables, values), [version, tables, values]);
  const unreadable = [...cells.entries()]
    .filter(
      ([key, cell]) => cell.source === 'entered' && Number.isNaN(parseEntry(entries[key] ?? ''))
    )
    .map(([key]) => key);
  const failing = new Set([...failures.map((failure) => failure.cell), ...unreadable]);
  // The server stores only whole numbers ≥ 0, amounts ≥ 0 and whole changes (本年增/减, negative for a
  // decrease): other entries are fixed before saving.
  const cannotSave = unreadable.length > 0 || checkValues(tables, values).length > 0;

  if (loadError) {
    return (
      <EmptyStateLayout
        content={
          loadError.status === 404
            ? label('report.unavailable', 'The annual report is not available yet.')
            : loadError.message
        }
      />
    );
  }
  if (!report || !form) return <Loader>{label('statistics.loading', 'Loading')}</Loader>;

  const state = report.review?.state ?? null;
  const readOnly = state !== null && LOCKED_STATES.includes(state);
  const request = requestOf(report, form, entries, cells);
  const isDirty = JSON.stringify(request) !== saved;

  const change = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const run = async (name: string, task: () => Promise<void>) => {
    setBusy(name);
    try {
      await task();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const { data } = await put<{ data: AnnualReportDto }, SaveReportRequest>(base, request);
    show(data.data);
    setRefusal(null);
  };

  const submit = () =>
    run('submit', async () => {
      if (isDirty || !report.documentId) await save();
      try {
        const { data } = await post<{ data: AnnualReportDto }>(`${base}/submit`);
        show(data.data);
        setRefusal(null);
        toggleNotification({
          type: 'success',
          message: label('report.submitted', 'Submitted for review'),
        });
      } catch (error) {
        setRefusal(failuresOf(error));
        throw error;
      }
    });

  const download = (format: 'json' | 'csv') =>
    run(format, async () => {
      const { data, headers } = await get(`${base}/export?format=${format}`, {
        responseType: 'blob',
      });
      saveFile(
        data,
        fileNameOf(headers?.get('content-disposition')) ?? `annual-report-${year}.${format}`
      );
    });

  const textArea = (field: TextField, heading: string) => (
    <Field.Root name={field}>
      <Field.Label>{heading}</Field.Label>
      <Textarea
        name={field}
        value={form[field]}
        disabled={readOnly}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
          change({ [field]: event.target.value })
        }
      />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="annual-report">
      <Flex gap={3} wrap="wrap" justifyContent="space-between">
        <Flex gap={2}>
          <Typography variant="sigma">{label('report.state', 'Review state')}</Typography>
          <Badge data-testid="report-state" active={state === 'published'}>
            {state
              ? label(`state.${state}`, state)
              : label('report.state.unsaved', 'Not saved yet')}
          </Badge>
          {isDirty && (
            <Typography variant="pi" textColor="warning600" data-testid="report-dirty">
              {label('report.unsavedChanges', 'Unsaved changes')}
            </Typography>
          )}
        </Flex>
        <Flex gap={2} wrap="wrap">
          <Button
            variant="secondary"
            loading={busy === 'preview'}
            onClick={() =>
              run('preview', async () => {
                const { data } = await get(`${base}/export?format=html`, { responseType: 'text' });
                setPreview(data);
              })
            }
          >
            {label('report.preview', 'Print preview')}
          </Button>
          <Button variant="tertiary" loading={busy === 'json'} onClick={() => download('json')}>
            {label('report.download.json', 'Download JSON')}
          </Button>
          <Button variant="tertiary" loading={busy === 'csv'} onClick={() => download('csv')}>
            {label('report.download.csv', 'Download CSV')}
          </Button>
          <Button
            variant="secondary"
            loading={busy === 'save'}
            disabled={readOnly || cannotSave}
            onClick={() =>
              run('save', async () => {
                await save();
                toggleNotification({ type: 'success', message: label('report.saved', 'Saved') });
              })
            }
          >
            {label('report.save', 'Save')}
          </Button>
          <Button loading={busy === 'submit'} disabled={readOnly || cannotSave} onClick={submit}>
            {label('report.submit', 'Submit for review')}
          </Button>
        </Flex>
      </Flex>

      {readOnly && (
        <Typography variant="pi" textColor="neutral600">
          {label('report.locked', 'The report waits for review and cannot be changed.')}
        </Typography>
      )}

      {refusal && refusal.length > 0 && (
        <Box data-testid="report-refusal">
          <Typography variant="delta" textColor="danger600">
            {label('report.refused', 'The submission was refused: these rules fail')}
          </Typography>
          <FailureList
            failures={refusal}
            unreadable={[]}
            names={names}
            testId="report-refusal-failures"
          />
        </Box>
      )}

      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box flex="2" minWidth="320px">
          <Field.Root name="title">
            <Field.Label>{label('report.title', 'Title')}</Field.Label>
            <TextInput
              name="title"
              value={form.title}
              disabled={readOnly}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                change({ title: event.target.value })
              }
            />
          </Field.Root>
        </Box>
        <Box flex="1" minWidth="280px">
          <Field.Root
            name="formatVersion"
            hint={
              isOtherFormat
                ? label('report.format.changed', 'Computed cells are filled in when you save')
                : undefined
            }
          >
            <Field.Label>{label('report.format', 'Table format')}</Field.Label>
            <SingleSelect
              value={version}
              disabled={readOnly}
              onChange={(value: string | number) =>
                change({ formatVersion: String(value) as FormatVersion })
              }
              data-testid="report-format"
            >
              {FORMAT_VERSIONS.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {label(`report.format.${code}`, FORMATS[code].label)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Hint />
          </Field.Root>
        </Box>
      </Flex>

      {textArea('overview', label('report.overview', 'I. Overview'))}

      {tables.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Flex gap={3}>
            <Badge size="S" active>
              {label('report.cell.auto', 'Auto')}
            </Badge>
            <Typography variant="pi" textColor="neutral600">
              {label('report.legend.computed', 'computed from the records; click for them')}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {label('report.legend.entered', 'Empty boxes (填报) are entered by you')}
            </Typography>
          </Flex>
          <FailureList
            failures={failures}
            unreadable={unreadable}
            names={names}
            testId="report-failures"
          />
        </Flex>
      )}

      {SECTIONS.map((section) => {
        const inSection = tables.filter((table) => table.section === section);
        if (inSection.length === 0) return null;
        return (
          <Flex key={section} direction="column" alignItems="stretch" gap={3}>
            <Typography variant="delta" tag="h3">
              {label(`report.section.${SECTION_NUMBERS[section]}`, section)}
            </Typography>
            {inSection.map((table) => (
              <Box key={table.key} overflow="auto">
                <ReportTableView
                  table={table}
                  year={year}
                  cells={cells}
                  entries={entries}
                  names={names}
                  failing={failing}
                  readOnly={readOnly}
                  onEnter={(key, text) => setEntries((current) => ({ ...current, [key]: text }))}
                />
              </Box>
            ))}
          </Flex>
        );
      })}

      {textArea('problems', label('report.problems', 'V. Main problems and improvements'))}
      {textArea('otherMatters', label('report.otherMatters', 'VI. Other matters to report'))}

      {preview !== null && (
        <PrintPreview html={preview} isDirty={isDirty} onClose={() => setPreview(null)} />
      )}
    </Flex>
  );
};

/** The request that saves the form: only the entered cells of the chosen format. */
function requestOf(
  report: AnnualReportDto,
  form: Form,
  entries: Record<string, string>,
  cells = cellInfo(report, form.formatVersion, null)
): SaveReportRequest {
  const entered: Record<string, number | null> = {};
  for (const [key, cell] of cells) {
    if (cell.source !== 'entered') continue;
    const value = parseEntry(entries[key] ?? '');
    entered[key] = value === null || Number.isNaN(value) ? null : value;
  }
  return { ...form, entered };
}

const FailureList = ({
  failures,
  unreadable,
  names,
  testId,
}: {
  failures: RuleFailure[];
  unreadable: string[];
  names: Map<string, string>;
  testId: string;
}) => {
  const label = useLabel();
  const focus = (key: string) => {
    const target = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };
  if (failures.length === 0 && unreadable.length === 0) {
    return (
      <Typography variant="pi" textColor="success600" data-testid="report-checks-ok">
        {label('report.checks.ok', 'All cross-checks (勾稽) pass')}
      </Typography>
    );
  }
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} data-testid={testId}>
      <Typography variant="omega" fontWeight="bold" textColor="danger700">
        {label('report.checks.failing', '{count} cross-checks (勾稽) fail', {
          count: failures.length + unreadable.length,
        })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={2}>
        {unreadable.map((key) => (
          <li key={key} data-failing-cell={key}>
            <FailureLine
              name={names.get(key) ?? key}
              text={label('report.checks.notNumber', 'not a number')}
              onFocus={() => focus(key)}
            />
          </li>
        ))}
        {failures.map((failure) => (
          <li key={`${failure.cell}/${failure.rule}`} data-failing-cell={failure.cell}>
            <FailureLine
              name={names.get(failure.cell) ?? failure.cell}
              text={label('report.checks.failure', '{rule}: should be {expected}, is {actual}', {
                rule: failure.rule,
                expected: failure.expected,
                actual: failure.actual,
              })}
              onFocus={() => focus(failure.cell)}
            />
          </li>
        ))}
      </Flex>
    </Box>
  );
};

const FailureLine = ({
  name,
  text,
  onFocus,
}: {
  name: string;
  text: string;
  onFocus: () => void;
}) => {
  const label = useLabel();
  return (
    <Flex gap={2} wrap="wrap">
      <Typography fontWeight="bold" textColor="danger700">
        {name}
      </Typography>
      <Typography textColor="danger700">{text}</Typography>
      <Button variant="ghost" size="S" onClick={onFocus}>
        {label('report.checks.goTo', 'Go to cell')}
      </Button>
    </Flex>
  );
};
