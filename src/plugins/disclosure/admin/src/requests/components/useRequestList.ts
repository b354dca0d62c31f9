import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../kernel/api';
import { useQueryParams } from '../../kernel/hooks/useQueryParams';
import {
  STATE_FILTERS,
  type RequestListResponse,
  type StateFilter,
} from '../../../../shared/requests/contracts';

export const PAGE_SIZE = 25;

/**
 * GET one page of the requests, filtered by state; the filter and page live in the URL. `result`
 * is null while loading, `error` the server's sentence.
 */
export const useRequestList = () => {
  const { get } = useFetchClient();
  const [params, update] = useQueryParams();
  const filter: StateFilter = STATE_FILTERS.find((code) => code === params.get('state')) ?? 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [result, setResult] = useState<RequestListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setError(null);
    const query = new URLSearchParams({
      page: String(page),
      pageSize: String(PAGE_SIZE),
      state: filter,
    });
    get<RequestListResponse>(`/disclosure/requests?${query}`).then(
      ({ data }) => active && setResult(data),
      (failure: unknown) => active && setError(errorMessage(failure))
    );
    return () => {
      active = false;
    };
  }, [get, filter, page]);

  const total = result?.meta.pagination.total ?? 0;
  return {
    filter,
    /** Shows another state filter, from its first page. */
    setFilter: (state: string) => update({ state, page: '1' }),
    page,
    setPage: (next: number) => update({ page: String(next) }),
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    result,
    error,
  };
};
