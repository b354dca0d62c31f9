import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../kernel/api';
import type { ReplyTemplateView as ReplyTemplate } from '../../../../shared/requests/contracts';

/**
 * GET /disclosure/reply-templates once `enabled`: the templates (null while loading), a setter for
 * edits made on the page; a failure goes to `onError` as the server's sentence.
 */
export const useReplyTemplates = (enabled: boolean, onError: (message: string) => void) => {
  const { get } = useFetchClient();
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    get<{ data: ReplyTemplate[] }>('/disclosure/reply-templates').then(
      ({ data }) => active && setTemplates(data.data),
      (failure: unknown) => active && onError(errorMessage(failure))
    );
    return () => {
      active = false;
    };
  }, [get, enabled, onError]);
  return [templates, setTemplates] as const;
};
