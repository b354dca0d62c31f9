import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFetchClient, useNotification, isFetchError } from '@strapi/strapi/admin';
import {
  missingFields,
  websiteReportField,
  type WebsiteReportCell,
} from '../../../../shared/reporting/website-report/format';
import type {
  SaveWebsiteReportRequest,
  WebsiteReportDto,
} from '../../../../shared/reporting/website-report/contracts';
import { errorMessage, fileNameOf, saveFile, statusOf } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { isLocked } from './annual-report-form';
import {
  enteredOf,
  unreadableFields,
  valueOf,
  websiteFormOf,
  type WebsiteForm,
} from './website-report-form';

/** The field keys a refused submission names in `error.details.missing`, or null. */
const missingOf = (error: unknown): string[] | null => {
  if (!isFetchError(error)) return null;
  const details: unknown = error.response?.data.error.details;
  const missing = (details as { missing?: unknown } | null)?.missing;
  return Array.isArray(missing) ? missing.filter((key) => typeof key === 'string') : null;
};

/**
 * GET the year's 政府网站工作年度报表 and keep its form; save, submit for review (saving first when
 * changed; a refusal lists the empty required fields), print preview and the JSON / CSV exports.
 */
export const useWebsiteReport = (year: number) => {
  const label = useLabel();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const base = `/disclosure/website-reports/${year}`;
  const [report, setReport] = useState<WebsiteReportDto | null>(null);
  const [loadError, setLoadError] = useState<{ status?: number; message: string } | null>(null);
  const [form, setForm] = useState<WebsiteForm>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const show = useCallback((next: WebsiteReportDto) => {
    setReport(next);
    setForm(websiteFormOf(next));
    setSaved(JSON.stringify(enteredOf(websiteFormOf(next))));
  }, []);

  useEffect(() => {
    let active = true;
    setLoadError(null);
    get<{ data: WebsiteReportDto }>(base).then(
      ({ data }) => active && show(data.data),
      (error: unknown) =>
        active && setLoadError({ status: statusOf(error), message: errorMessage(error) })
    );
    return () => {
      active = false;
    };
  }, [get, base, show]);

  const entered = useMemo(() => enteredOf(form), [form]);
  const unreadable = useMemo(() => unreadableFields(form), [form]);
  /** The fields as they would be saved now, to show what is still missing as the coordinator types. */
  const cells = useMemo(() => {
    const next: Record<string, WebsiteReportCell> = { ...(report?.cells ?? {}) };
    for (const [key, value] of Object.entries(entered)) next[key] = { value, source: 'entered' };
    return next;
  }, [report, entered]);
  const missing = useMemo(() => missingFields(cells).map((field) => field.key), [cells]);
  const isDirty = report !== null && JSON.stringify(entered) !== saved;
  const state = report?.review?.state ?? null;

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
    const { data } = await put<{ data: WebsiteReportDto }, SaveWebsiteReportRequest>(base, {
      entered,
    });
    show(data.data);
    setRefusal(null);
  };

  return {
    report,
    loadError,
    form,
    enter: (key: string, text: string) => setForm((current) => ({ ...current, [key]: text })),
    isReadable: (key: string) => {
      const field = websiteReportField(key);
      return !field || valueOf(field, form[key] ?? '') !== undefined;
    },
    unreadable,
    missing,
    isDirty,
    state,
    readOnly: isLocked(state),
    busy,
    refusal,
    preview,
    closePreview: () => setPreview(null),
    save: () =>
      run('save', async () => {
        await save();
        toggleNotification({ type: 'success', message: label('report.saved', 'Saved') });
      }),
    submit: () =>
      run('submit', async () => {
        if (isDirty || !report?.documentId) await save();
        try {
          const { data } = await post<{ data: WebsiteReportDto }>(`${base}/submit`);
          show(data.data);
          setRefusal(null);
          toggleNotification({
            type: 'success',
            message: label('report.submitted', 'Submitted for review'),
          });
        } catch (error) {
          setRefusal(missingOf(error));
          throw error;
        }
      }),
    download: (format: 'json' | 'csv') =>
      run(format, async () => {
        const { data, headers } = await get(`${base}/export?format=${format}`, {
          responseType: 'blob',
        });
        saveFile(
          data,
          fileNameOf(headers?.get('content-disposition')) ?? `website-report-${year}.${format}`
        );
      }),
    openPreview: () =>
      run('preview', async () => {
        const { data } = await get(`${base}/export?format=html`, { responseType: 'text' });
        setPreview(data);
      }),
  };
};

export type WebsiteReportState = ReturnType<typeof useWebsiteReport>;
