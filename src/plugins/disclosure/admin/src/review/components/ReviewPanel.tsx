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
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { ReviewRecordResponse } from '../../../../shared/review/contracts';
import { WITHHOLD_REASONS } from '../../../../shared/review/workflow';
import { useGatedContentTypes } from '../hooks/useGatedContentTypes';
import { beijingTime } from '../../kernel/beijing-time';
import { t } from '../../kernel/plugin-id';
import { useLabel } from '../../kernel/useLabel';
import { PrescreenFindings } from './PrescreenFindings';
import { NEEDS_REASON, recentHistory, stepVariant } from './review-step';
import { type ReviewRecordState, useReviewRecord } from './useReviewRecord';

type ReviewRecord = ReviewRecordResponse['data'];

/** The review state, the steps this user may take and the record, beside the edit form. */
const ReviewPanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const label = useLabel();
  const locale = (document?.locale as string | undefined) ?? 'zh-Hans';
  const review = useReviewRecord({ model, documentId, locale }, document?.updatedAt);
  const { record } = review;

  if (!documentId) {
    return <Typography variant="pi">{label('panel.saveFirst', 'Save first')}</Typography>;
  }
  if (!record) return null;

  const current = record.states.find((state) => state.itemLocale === locale);
  const state = current?.state ?? (document?.publishedAt ? 'published' : 'draft');
  const wantsReason = record.allowedActions.some((step) => NEEDS_REASON.includes(step));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma">{label('panel.state', 'State')}</Typography>
        <Badge data-testid="review-state">{label(`state.${state}`, state)}</Badge>
      </Flex>
      {record.indexNumber && (
        <Typography variant="pi" data-testid="review-index-number">
          {label('panel.indexNumber', 'Index number')}：{record.indexNumber}
        </Typography>
      )}
      {current?.lastReason && (state === 'draft' || state === 'withheld') && (
        <Typography variant="pi" textColor="danger600">
          {label('panel.lastReason', 'Reason')}：{current.lastReason}
        </Typography>
      )}
      {wantsReason && <ReasonField review={review} />}
      {record.allowedActions.includes('withhold') && <CategoryField review={review} />}
      <PrescreenFindings
        model={model}
        documentId={documentId}
        locale={locale}
        version={record}
        onConfirmed={() => void review.reload()}
      />
      <StepButtons record={record} review={review} />
      <ReviewHistory record={record} locale={locale} />
    </Flex>
  );
};

const ReasonField = ({ review }: { review: ReviewRecordState }) => {
  const label = useLabel();
  return (
    <Field.Root hint={label('panel.reason.hint', '')}>
      <Field.Label>{label('panel.reason', 'Reason')}</Field.Label>
      <Textarea
        name="review-reason"
        value={review.reason}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
          review.setReason(event.target.value)
        }
      />
      <Field.Hint />
    </Field.Root>
  );
};

/** To withhold: the category of the reason (国家秘密, 个人隐私 …). */
const CategoryField = ({ review }: { review: ReviewRecordState }) => {
  const label = useLabel();
  return (
    <Field.Root>
      <Field.Label>{label('panel.category', 'Category')}</Field.Label>
      <SingleSelect
        value={review.category}
        onChange={(value: string | number) => review.setCategory(String(value))}
      >
        {WITHHOLD_REASONS.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {label(`category.${code}`, code)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

const StepButtons = ({ record, review }: { record: ReviewRecord; review: ReviewRecordState }) => {
  const label = useLabel();
  if (record.allowedActions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {label('panel.noActions', 'Nothing to do')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {record.allowedActions.map((step) => (
        <Button
          key={step}
          data-testid={`review-step-${step}`}
          fullWidth
          loading={review.busy}
          variant={stepVariant(step)}
          onClick={() => review.take(step)}
        >
          {label(`action.${step}`, step)}
        </Button>
      ))}
    </Flex>
  );
};

/** The item's last steps in this locale, newest first. */
const ReviewHistory = ({ record, locale }: { record: ReviewRecord; locale: string }) => {
  const label = useLabel();
  return (
    <Box paddingTop={2}>
      <Typography variant="sigma">{label('panel.history', 'Record')}</Typography>
      {record.history.length === 0 ? (
        <Typography variant="pi" tag="p">
          {label('panel.noHistory', 'None')}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          {recentHistory(record.history, locale).map((entry) => (
            <li key={entry.seq}>
              <Typography variant="pi">
                {beijingTime(entry.at)} ·{' '}
                {entry.actorName === 'system' ? label('actor.system', 'system') : entry.actorName} ·{' '}
                {label(`action.${entry.action}`, entry.action)}
                {entry.reason ? `：${entry.reason}` : ''}
              </Typography>
            </li>
          ))}
        </Flex>
      )}
    </Box>
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
