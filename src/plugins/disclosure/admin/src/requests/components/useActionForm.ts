import { useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../kernel/api';
import { todayInBeijing } from './labels';
import { type ActionValues, actionRequest, initialActionValues } from './action-request';
import { useReplyLetter } from './useReplyLetter';
import type {
  ProactiveDraft,
  RequestAction,
  RequestDetail,
} from '../../../../shared/requests/contracts';

/**
 * The state of one action's form and its submission: the values, the reply letter (起草答复), the
 * server's 400 sentence. On success `onDone` gets the request as the server returns it;
 * 转为主动公开 keeps the new draft and calls `onChanged`.
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProactiveDraft | null>(null);
  const letter = useReplyLetter(action === 'draft_reply', request, values, setValues, setError);

  const set = (field: string) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async () => {
    setBusy(true);
    setError(null);
    const [path, body] = actionRequest(action, values, days, letter.edited);
    try {
      if (action === 'draft_reply') body.attachmentIds = await letter.attachmentIds();
      const { data } = await post<{ data: unknown }>(
        `/disclosure/requests/${encodeURIComponent(request.trackingNumber)}/${path}`,
        body
      );
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

  return { ...letter, values, set, days, setDays, busy, error, draft, submit };
};

export type ActionForm = ReturnType<typeof useActionForm>;
