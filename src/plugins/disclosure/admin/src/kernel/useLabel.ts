import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { t } from './plugin-id';

type Values = Record<string, string | number>;

/** The plugin's translated text by key (without the plugin prefix), with an English fallback. */
export function useLabel() {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: string, fallback: string, values?: Values) =>
      formatMessage({ id: t(id), defaultMessage: fallback }, values),
    [formatMessage]
  );
}
