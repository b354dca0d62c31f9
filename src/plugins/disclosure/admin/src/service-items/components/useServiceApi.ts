import { useCallback, useEffect, useState } from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../kernel/api';

/** The server's refusal: its sentence and the field it names (details.key), if any. */
export interface Refusal {
  message: string;
  key: string | null;
  details: Record<string, unknown>;
}

export const refusalOf = (error: unknown): Refusal => {
  const details = (isFetchError(error) ? error.response?.data.error.details : undefined) as
    Record<string, unknown> | undefined;
  return {
    message: errorMessage(error),
    key: typeof details?.key === 'string' ? details.key : null,
    details: details ?? {},
  };
};

/** GETs `url` (again on `reload`); `data` is null while loading, `error` the server's sentence. */
export function useGet<T>(url: string | null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!url) return undefined;
    let active = true;
    setError(null);
    get<T>(url).then(
      ({ data: body }) => active && setData(body),
      (failure: unknown) => active && setError(errorMessage(failure))
    );
    return () => {
      active = false;
    };
  }, [get, url, version]);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { data, setData, error, reload };
}
