import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type {
  ReviewRecordResponse,
  ReviewStep,
  StepRequest,
} from '../../../../shared/review/contracts';
import { WITHHOLD_REASONS } from '../../../../shared/review/workflow';
import { useGatedContentTypes } from '../hooks/useGatedContentTypes';
import { t } from '../../kernel/plugin-id';

const NEEDS_REASON: ReviewStep[] = ['return', 'withhold', 'unpublish'];
const DANGER: ReviewStep[] = ['return', 'withhold', 'unpublish'];

interface ApiError {
  response?: { data?: { error?: { message?: string } } };
  message?: string;
}

const errorMessage = (error: unknown) =>
  (error as ApiError).response?.data?.error?.message ??
  (error as ApiError).message ??
  String(error);

/** The review state, the steps this user may take and the record, beside the edit form. */
const ReviewPanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const locale = (document?.locale as string | undefined) ?? 'zh-Hans';
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
  }, [load, document?.updatedAt, toggleNotification]);

  if (!documentId) {
    return (
      <Typography variant="pi">
        {formatMessage({ id: t('panel.saveFirst'), defaultMessage: 'Save first' })}
      </Typography>
    );
  }
  if (!record) return null;

  const current = record.states.find((state) => state.itemLocale === locale);
  const state = current?.state ?? (document?.publishedAt ? 'published' : 'draft');
  const take = async (step: ReviewStep) => {
    setBusy(true);
    try {
      const body: StepRequest = { contentType: model, documentId, locale };
      if (NEEDS_REASON.includes(step)) body.reason = reason;
      if (step === 'withhold') body.category = category;
      await post(`/disclosure/reviews/${step}`, body);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: t('panel.done'), defaultMessage: 'Done' }),
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
  const wantsReason = record.allowedActions.some((step) => NEEDS_REASON.includes(step));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma">
          {formatMessage({ id: t('panel.state'), defaultMessage: 'State' })}
        </Typography>
        <Badge data-testid="review-state">
          {formatMessage({ id: t(`state.${state}`), defaultMessage: state })}
        </Badge>
      </Flex>
      {record.indexNumber && (
        <Typography variant="pi" data-testid="review-index-number">
          {formatMessage({ id: t('panel.indexNumber'), defaultMessage: 'Index number' })}：
          {record.indexNumber}
        </Typography>
      )}
      {current?.lastReason && (state === 'draft' || state === 'withheld') && (
        <Typography variant="pi" textColor="danger600">
          {formatMessage({ id: t('panel.lastReason'), defaultMessage: 'Reason' })}：
          {current.lastReason}
        </Typography>
      )}
      {wantsReason && (
        <Field.Root hint={formatMessage({ id: t('panel.reason.hint'), defaultMessage: '' })}>
          <Field.Label>
            {formatMessage({ id: t('panel.reason'), defaultMessage: 'Reason' })}
          </Field.Label>
          <Textarea
            name="review-reason"
            value={reason}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              setReason(event.target.value)
            }
          />
          <Field.Hint />
        </Field.Root>
      )}
      {record.allowedActions.includes('withhold') && (
        <Field.Root>
          <Field.Label>
            {formatMessage({ id: t('panel.category'), defaultMessage: 'Category' })}
          </Field.Label>
          <SingleSelect
            value={category}
            onChange={(value: string | number) => setCategory(String(value))}
          >
            {WITHHOLD_REASONS.map((code) => (
              <SingleSelectOption key={code} value={code}>
                {formatMessage({ id: t(`category.${code}`), defaultMessage: code })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      )}
      {record.allowedActions.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('panel.noActions'), defaultMessage: 'Nothing to do' })}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {record.allowedActions.map((step) => (
            <Button
              key={step}
              data-testid={`review-step-${step}`}
              fullWidth
              loading={busy}
              variant={
                DANGER.includes(step)
                  ? 'danger-light'
                  : step === 'publish'
                    ? 'default'
                    : 'secondary'
              }
              onClick={() => take(step)}
            >
              {formatMessage({ id: t(`action.${step}`), defaultMessage: step })}
            </Button>
          ))}
        </Flex>
      )}
      <Box paddingTop={2}>
        <Typography variant="sigma">
          {formatMessage({ id: t('panel.history'), defaultMessage: 'Record' })}
        </Typography>
        {record.history.length === 0 ? (
          <Typography variant="pi" tag="p">
            {formatMessage({ id: t('panel.noHistory'), defaultMessage: 'None' })}
          </Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
            {record.history
              .filter((entry) => entry.locale === locale)
              .slice(-8)
              .reverse()
              .map((entry) => (
                <li key={entry.seq}>
                  <Typography variant="pi">
                    {new Date(entry.at).toLocaleString()} · {entry.actorName} ·{' '}
                    {formatMessage({
                      id: t(`action.${entry.action}`),
                      defaultMessage: entry.action,
                    })}
                    {entry.reason ? `：${entry.reason}` : ''}
                  </Typography>
                </li>
              ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
};

export const ReviewPanel: PanelComponent = (props) => {
  const { formatMessage } = useIntl();
  const gated = useGatedContentTypes();
  if (!gated?.includes(props.model)) return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Publishing review' }),
    content: <ReviewPanelContent {...props} />,
  };
};
