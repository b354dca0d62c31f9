import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** The divisions a consultation may belong to (GET /disclosure/consultation-divisions). */
export const useConsultationDivisions = () => {
  const { get } = useFetchClient();
  const [divisions, setDivisions] = useState<Array<{ code: string; name: string }>>([]);
  useEffect(() => {
    let active = true;
    get<{ data: Array<{ code: string; name: string }> }>('/disclosure/consultation-divisions').then(
      ({ data }) => active && setDivisions(data.data),
      () => undefined
    );
    return () => {
      active = false;
    };
  }, [get]);
  return divisions;
};
