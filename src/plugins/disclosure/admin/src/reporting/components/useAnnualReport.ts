import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  AnnualReportDto,
  ReportTable,
  YearlyStatistics,
} from '../../../../shared/reporting/contracts';
import { checkValues } from '../../../../shared/reporting/annual-report/checks';
import { errorMessage, statusOf } from '../../kernel/api';
import {
  type Entries,
  type ReportForm,
  entriesOf,
  formOf,
  isLocked,
  saveRequestOf,
  unreadableEntries,
} from './annual-report-form';
import {
  type CellInfo,
  cellInfo,
  cellNames,
  liveFailures,
  tablesOf,
  valuesOf,
} from './report-layout';
import { REPORT_LOCALE } from './ReportTableView';

/**
 * GET the year's annual report and keep its form: the values typed, the cells of the chosen format
 * and the 勾稽 rules checked on every keystroke; `isDirty` once the form differs from the saved one.
 */
export const useAnnualReport = (year: number) => {
  const { get } = useFetchClient();
  const [report, setReport] = useState<AnnualReportDto | null>(null);
  const [loadError, setLoadError] = useState<{ status?: number; message: string } | null>(null);
  const [form, setForm] = useState<ReportForm | null>(null);
  const [entries, setEntries] = useState<Entries>({});
  const [saved, setSaved] = useState('');
  const base = `/disclosure/annual-reports/${year}`;

  /** Shows a report as the server returned it, as saved. */
  const show = useCallback((next: AnnualReportDto) => {
    setReport(next);
    setForm(formOf(next));
    setEntries(entriesOf(next));
    setSaved(JSON.stringify(saveRequestOf(next, formOf(next), entriesOf(next))));
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
  const providers = useProviders(year, isOtherFormat);

  const cells = useMemo(
    () => (report ? cellInfo(report, version, providers) : new Map<string, CellInfo>()),
    [report, version, providers]
  );
  const tables: readonly ReportTable[] = report ? tablesOf(report, version) : [];
  const names = useMemo(() => cellNames(tables), [tables]);
  const values = useMemo(() => valuesOf(cells, entries), [cells, entries]);
  const failures = useMemo(() => liveFailures(version, tables, values), [version, tables, values]);
  const unreadable = unreadableEntries(cells, entries);
  const failing = new Set([...failures.map((failure) => failure.cell), ...unreadable]);
  // The server stores only whole numbers ≥ 0, amounts ≥ 0 and whole changes (本年增/减, negative for a
  // decrease): other entries are fixed before saving.
  const cannotSave = unreadable.length > 0 || checkValues(tables, values).length > 0;

  const state = report?.review?.state ?? null;
  const request = report && form ? saveRequestOf(report, form, entries, cells) : null;

  return {
    base,
    loadError,
    report,
    form,
    show,
    change: (patch: Partial<ReportForm>) =>
      setForm((current) => current && { ...current, ...patch }),
    entries,
    enter: (key: string, text: string) => setEntries((current) => ({ ...current, [key]: text })),
    version,
    isOtherFormat,
    cells,
    tables,
    names,
    failures,
    unreadable,
    failing,
    cannotSave,
    state,
    readOnly: isLocked(state),
    request,
    isDirty: request !== null && JSON.stringify(request) !== saved,
  };
};

export type AnnualReportState = ReturnType<typeof useAnnualReport>;

/**
 * In a format the report is not saved in, which cells the server computes depends on the
 * statistics providers registered: the yearly statistics list them (null until known).
 */
const useProviders = (year: number, isOtherFormat: boolean) => {
  const { get } = useFetchClient();
  const [providers, setProviders] = useState<string[] | null>(null);
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
  return providers;
};
