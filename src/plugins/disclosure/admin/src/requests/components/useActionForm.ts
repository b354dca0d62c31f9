import { useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../kernel/api';
import { chineseDate, fillTemplate, todayInBeijing } from './labels';
import { useReplyTemplates } from './useReplyTemplates';
import {
  type ActionValues,
  type EditedParts,
  actionRequest,
  initialActionValues,
} from './action-request';
import type {
  ProactiveDraft,
  RequestAction,
  RequestDetail,
} from '../../../../shared/requests/contracts';

/**
 * The state of one action's form and its submission: the values, the reply letter's template
 * prefill, the files to upload, the server's 400 sentence. On success `onDone` gets the request as
 * the server returns it; 转为主动公开 keeps the new draft and calls `onChanged`.
 */
export const useActionForm = (
  action: RequestAction,
  request: RequestDetail,
  onDone: (detail: RequestDetail) => void,
  onChanged: () => void
) => {
  const { post } = useFetchClient();
  const [values, setValues] = useState<ActionValues>(() =>
    initialActionValues(request, todayInBeijing())
  );
  const [days, setDays] = useState<number | undefined>(20);
  // A redraft starts from the reply as written, kept unless another outcome is chosen.
  const [edited, setEdited] = useState<EditedParts>(() => {
    const redraft = Boolean(request.reply);
    return { subject: redraft, body: redraft };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templates] = useReplyTemplates(action === 'draft_reply', setError);
  const [draft, setDraft] = useState<ProactiveDraft | null>(null);
  // 起草答复: files to upload with the letter; the reply's files already uploaded stay attached.
  const [files, setFiles] = useState<File[]>([]);
  const replyFiles = request.attachments.filter((file) => file.kind === 'reply');
  const requestPath = `/disclosure/requests/${encodeURIComponent(request.trackingNumber)}`;

  const set = (field: string) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  /** Sets a part of the reply letter as the user typed it: kept from now on. */
  const edit = (part: keyof EditedParts) => (value: string) => {
    setEdited((current) => ({ ...current, [part]: true }));
    set(part)(value);
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

  /** Uploads the chosen files as reply attachments (multipart `files`); their ids. */
  const upload = async (): Promise<number[]> => {
    if (files.length === 0) return [];
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const { data } = await post<{ data: Array<{ id: number }> }>(
      `${requestPath}/attachments`,
      form
    );
    return data.data.map((file) => file.id);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    const [path, body] = actionRequest(action, values, days, edited);
    try {
      if (action === 'draft_reply') {
        body.attachmentIds = [...replyFiles.map((file) => file.id), ...(await upload())];
      }
      const { data } = await post<{ data: unknown }>(`${requestPath}/${path}`, body);
      if (action === 'make_proactive') {
        setDraft(data.data as ProactiveDraft);
        onChanged();
      } else {
        onDone(data.data as RequestDetail);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    set,
    edit,
    days,
    setDays,
    edited,
    prefill,
    templates,
    replyFiles,
    setFiles,
    busy,
    error,
    draft,
    submit,
  };
};

export type ActionForm = ReturnType<typeof useActionForm>;
