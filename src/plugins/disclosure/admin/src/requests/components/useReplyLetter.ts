import { useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { chineseDate, fillTemplate, todayInBeijing } from './labels';
import { useReplyTemplates } from './useReplyTemplates';
import type { ActionValues, EditedParts } from './action-request';
import type { RequestDetail } from '../../../../shared/requests/contracts';

/**
 * 起草答复's letter: the templates (loaded when `enabled`), which parts the user changed, the
 * prefill from the chosen outcome's template, and the files to release with the reply.
 */
export const useReplyLetter = (
  enabled: boolean,
  request: RequestDetail,
  values: ActionValues,
  setValues: Dispatch<SetStateAction<ActionValues>>,
  onError: (message: string) => void
) => {
  const { post } = useFetchClient();
  const [templates] = useReplyTemplates(enabled, onError);
  // A redraft starts from the reply as written, kept unless another outcome is chosen.
  const [edited, setEdited] = useState<EditedParts>(() => {
    const redraft = Boolean(request.reply);
    return { subject: redraft, body: redraft };
  });
  // Files to upload with the letter; the reply's files already uploaded stay attached.
  const [files, setFiles] = useState<File[]>([]);
  const replyFiles = request.attachments.filter((file) => file.kind === 'reply');

  /** Sets a part of the letter as the user typed it: kept from now on. */
  const edit = (part: keyof EditedParts) => (value: string) => {
    setEdited((current) => ({ ...current, [part]: true }));
    setValues((current) => ({ ...current, [part]: value }));
  };

  /**
   * The chosen template's subject and body with what the page knows filled in; a part the user
   * changed is kept unless another outcome is chosen.
   */
  const prefill = (outcome: string, reason: string) => {
    const keep = outcome === values.outcome ? edited : { subject: false, body: false };
    const template = templates?.find((entry) => entry.outcome === outcome);
    if (!template) return;
    const fill = (text: string) =>
      fillTemplate(text, {
        trackingNumber: request.trackingNumber,
        applicantName: request.name ?? '',
        title: request.title,
        receivedOn: chineseDate(request.receivedOn),
        replyDate: chineseDate(todayInBeijing()),
        reason,
        article: template.article,
      });
    setValues((current) => ({
      ...current,
      outcome,
      reason,
      subject: keep.subject ? current.subject : fill(template.subject),
      body: keep.body ? current.body : fill(template.body),
    }));
    setEdited(keep);
  };

  /** The ids of the reply's files: those attached already, then the chosen ones uploaded. */
  const attachmentIds = async (): Promise<number[]> => {
    const kept = replyFiles.map((file) => file.id);
    if (files.length === 0) return kept;
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const { data } = await post<{ data: Array<{ id: number }> }>(
      `/disclosure/requests/${encodeURIComponent(request.trackingNumber)}/attachments`,
      form
    );
    return [...kept, ...data.data.map((file) => file.id)];
  };

  return { templates, edited, edit, prefill, replyFiles, setFiles, attachmentIds };
};
