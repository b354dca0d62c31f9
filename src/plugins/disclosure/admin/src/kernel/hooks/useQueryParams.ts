import { useSearchParams } from 'react-router-dom';

/**
 * The page's state in its URL: the query parameters, and `update` to change some of them in place
 * (replacing the history entry, so Back leaves the page rather than undoing a filter).
 */
export const useQueryParams = () => {
  const [params, setParams] = useSearchParams();
  const update = (patch: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) next.set(key, value);
        return next;
      },
      { replace: true }
    );
  return [params, update] as const;
};
