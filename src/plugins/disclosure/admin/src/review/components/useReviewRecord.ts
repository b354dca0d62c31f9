import { useCallback, useEffect, useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ReviewRecordResponse, ReviewStep } from '../../../../shared/review/contracts';
import { useLabel } from '../../kernel/useLabel';
import { stepRequest } from './review-step';

interface ApiError {
  response?: { data?: { error?: { message?: string } } };
  message?: string;
}

const errorMessage = (error: unknown) =>
  (error as ApiError).response?.data?.error?.message ??
  (error as ApiError).message ??
  String(error);

type Item = { model: string; documentId: string | undefined; locale: string };

/**
 * GET an item's review record in a locale (again when the item is saved, `updatedAt`), and take a
 * step with the reason and category typed; a publishing step reloads the page, the others the
 * record. Failures are shown as notifications.
 */
export const useReviewRecord = ({ model, documentId, locale }: Item, updatedAt: unknown) => {
  const label = useLabel();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [record, setRecord] = useState<ReviewRecordResponse['data'] | null>(null);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!documentId) return;
    const { data } = await get<ReviewRecordResponse>(
      `/disclosure/reviews/${model}/${documentId}?locale=${encodeURIComponent(locale)}`
    );
    setRecord(data.data);
  }, [get, model, documentId, locale]);

  useEffect(() => {
    load().catch((error: unknown) =>
      toggleNotification({ type: 'danger', message: errorMessage(error) })
    );
  }, [load, updatedAt, toggleNotification]);

  const take = async (step: ReviewStep) => {
    if (!documentId) return;
    setBusy(true);
    try {
      const item = { contentType: model, documentId, locale };
      await post(`/disclosure/reviews/${step}`, stepRequest(step, item, reason, category));
      toggleNotification({
        type: 'success',
        message: label('panel.done', 'Done'),
      });
      setReason('');
      if (step === 'publish' || step === 'unpublish') window.location.reload();
      else await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return { record, reason, setReason, category, setCategory, busy, take, reload: load };
};

export type ReviewRecordState = ReturnType<typeof useReviewRecord>;
