import { useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  AnnualReportDto,
  RuleFailure,
  SaveReportRequest,
} from '../../../../shared/reporting/contracts';
import { errorMessage, fileNameOf, saveFile } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { failuresOf } from './rule-failures';
import type { AnnualReportState } from './useAnnualReport';

/**
 * What the coordinator does with the report: save, submit for review (saving first when changed;
 * a refusal lists the failing rules), print preview, JSON / CSV exports. `busy` names the command
 * running; a failure is shown as a notification.
 */
export const useReportCommands = (
  year: number,
  { base, report, request, isDirty, show }: AnnualReportState
) => {
  const label = useLabel();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<RuleFailure[] | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

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
    if (!request) return;
    const { data } = await put<{ data: AnnualReportDto }, SaveReportRequest>(base, request);
    show(data.data);
    setRefusal(null);
  };

  const submit = () =>
    run('submit', async () => {
      if (isDirty || !report?.documentId) await save();
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

  const saveNow = () =>
    run('save', async () => {
      await save();
      toggleNotification({ type: 'success', message: label('report.saved', 'Saved') });
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

  const openPreview = () =>
    run('preview', async () => {
      const { data } = await get(`${base}/export?format=html`, { responseType: 'text' });
      setPreview(data);
    });

  return {
    busy,
    refusal,
    preview,
    closePreview: () => setPreview(null),
    save: saveNow,
    submit,
    download,
    openPreview,
  };
};

export type ReportCommands = ReturnType<typeof useReportCommands>;
