import { useEffect, useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { QueueResponse } from '../../../../shared/review/contracts';
import { type QueueFilters, queueQuery } from './queue-query';

/** GET the review queue again whenever a filter changes (null until the first answer). */
export const useReviewQueue = (filters: QueueFilters) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [queue, setQueue] = useState<QueueResponse | null>(null);
  const { state, column, department } = filters;

  useEffect(() => {
    const params = queueQuery({ state, column, department });
    get<QueueResponse>(`/disclosure/queue?${params}`).then(
      ({ data }) => setQueue(data),
      (error: { message?: string }) =>
        toggleNotification({ type: 'danger', message: error.message ?? '' })
    );
  }, [get, state, column, department, toggleNotification]);

  return queue;
};
