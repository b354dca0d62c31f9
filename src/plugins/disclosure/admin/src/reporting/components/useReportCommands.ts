import { useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { isFetchError } from '@strapi/strapi/admin';
import type {
  AnnualReportDto,
  DraftOverviewRequest,
  DraftOverviewResponse,
  GeneratedOverview,
  OverviewConflictResponse,
  RuleFailure,
  SaveReportRequest,
} from '../../../../shared/reporting/contracts';
import { errorMessage, fileNameOf, saveFile, statusOf } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { failuresOf } from './rule-failures';
import type { AnnualReportState } from './useAnnualReport';

/** The text sections drafted from records: 一、总体情况 and 五、存在的主要问题及改进情况. */
export type DraftedSection = 'overview' | 'problems';

/**
 * What the coordinator does with the report: save, submit for review (saving first when changed;
 * a refusal lists the failing rules), print preview, JSON / CSV exports. `busy` names the command
 * running; a failure is shown as a notification. Drafting a text section from records (一、总体情况,
 * 五、存在的主要问题及改进情况) saves unsaved changes first; when the server refuses to overwrite an
 * edited text (409), the new draft is kept in `conflicts[section]` until the coordinator replaces
 * the text or keeps theirs.
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
  const [conflicts, setConflicts] = useState<
    Partial<Record<DraftedSection, { draft: GeneratedOverview; edited: string }>>
  >({});
  const setConflict = (
    section: DraftedSection,
    conflict: { draft: GeneratedOverview; edited: string } | null
  ) => setConflicts((current) => ({ ...current, [section]: conflict ?? undefined }));

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

  const draftSection = (section: DraftedSection, replace: boolean) =>
    run(`draft-${section}`, async () => {
      if (isDirty) await save();
      try {
        const { data } = await post<DraftOverviewResponse, DraftOverviewRequest>(
          `${base}/${section}-draft`,
          { replace }
        );
        show(data.data);
        setConflict(section, null);
        toggleNotification({
          type: data.meta.replaced ? 'success' : 'info',
          message: data.meta.replaced
            ? label('report.overview.drafted', 'Drafted from the records of the year')
            : label(
                'report.overview.nothing',
                'The records of this year have nothing to report yet.'
              ),
        });
      } catch (error) {
        if (statusOf(error) === 409 && isFetchError(error)) {
          const body = error.response?.data as unknown as OverviewConflictResponse | undefined;
          if (body?.error?.details) {
            setConflict(section, body.error.details);
            return;
          }
        }
        throw error;
      }
    });

  return {
    busy,
    conflicts,
    draftSection,
    keep: (section: DraftedSection) => setConflict(section, null),
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
