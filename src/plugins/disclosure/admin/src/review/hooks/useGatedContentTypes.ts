import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { WorkflowResponse } from '../../../../shared/review/contracts';

let cached: Promise<string[]> | null = null;

/** The content types under review (plugin setting), fetched once per page load; null while loading. */
export function useGatedContentTypes(): string[] | null {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<string[] | null>(null);
  useEffect(() => {
    cached ??= get<WorkflowResponse>('/disclosure/workflow').then(
      ({ data }) => data.data.contentTypes
    );
    let active = true;
    cached.then(
      (value) => active && setTypes(value),
      () => {
        cached = null;
      }
    );
    return () => {
      active = false;
    };
  }, [get]);
  return types;
}
