import { useState } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { WITHDRAWAL_KINDS } from '../../../../shared/service-items/catalogue';
import type { ServiceItemAdminView } from '../../../../shared/service-items/contracts';
import type { ReviewAction } from '../../../../shared/service-items/review';
import { useLabel } from '../../kernel/useLabel';
import { TextAreaField } from './fields';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN') : '');

/**
 * The guide's review (先审查、后公开): where it stands, who submitted, approved (发布审核) and
 * cleared (保密审查) it, why it was returned, and the steps the server allows the current user.
 */
export const ReviewPanel = ({
  item,
  busy,
  errorOf,
  onStep,
}: {
  item: ServiceItemAdminView;
  busy: boolean;
  errorOf: (key: string) => string | null;
  onStep: (action: ReviewAction, body: object) => void;
}) => {
  const label = useLabel();
  const [reason, setReason] = useState('');
  const review = item.review;
  const allows = (action: ReviewAction) => item.allowedActions.includes(action);
  const stale = review && !review.matchesDraft && review.state !== 'published';
  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="filterShadow"
      hasRadius
      data-testid="item-review"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2}>
          <Typography variant="delta" tag="h2">
            {label('serviceItems.review', 'Review before publication (发布审核 · 保密审查)')}
          </Typography>
          <Badge data-testid="review-state" data-state={review?.state ?? 'none'}>
            {review
              ? label(`serviceItems.review.state.${review.state}`, review.stateLabel)
              : label('serviceItems.review.none', 'Not submitted')}
          </Badge>
        </Flex>
        {review?.kind === 'withdraw' && review.withdrawal && (
          <Typography>
            {label(
              'serviceItems.review.withdrawal',
              'Under review: withdrawal ({kind}, {authority}, {date})',
              {
                kind: WITHDRAWAL_KINDS[review.withdrawal.kind],
                authority: review.withdrawal.authority,
                date: review.withdrawal.date,
              }
            )}
          </Typography>
        )}
        {stale && (
          <Typography textColor="warning600" data-testid="review-stale">
            {label(
              'serviceItems.review.stale',
              'The draft was edited after it was submitted: this review is void. Submit the draft again.'
            )}
          </Typography>
        )}
        {review?.submittedBy && (
          <Typography>
            {label('serviceItems.review.submittedBy', 'Submitted by {name}, {at}', {
              name: review.submittedBy,
              at: when(review.submittedAt),
            })}
          </Typography>
        )}
        {review?.approvedBy && (
          <Typography>
            {label(
              'serviceItems.review.approvedBy',
              'Approved for the division (发布审核) by {name}, {at}',
              {
                name: review.approvedBy,
                at: when(review.approvedAt),
              }
            )}
          </Typography>
        )}
        {review?.clearedBy && (
          <Typography>
            {label('serviceItems.review.clearedBy', 'Cleared (保密审查) by {name}, {at}', {
              name: review.clearedBy,
              at: when(review.clearedAt),
            })}
          </Typography>
        )}
        {review?.state === 'returned' && (
          <Typography textColor="danger600" data-testid="review-returned">
            {label('serviceItems.review.returnedBy', 'Returned by {name} ({stage}): {reason}', {
              name: review.returnedBy ?? '',
              stage:
                review.returnStage === 'division'
                  ? label('serviceItems.review.stage.division', '发布审核')
                  : label('serviceItems.review.stage.confidentiality', '保密审查'),
              reason: review.returnReason ?? '',
            })}
          </Typography>
        )}
        {review && (
          <Typography variant="pi" textColor="neutral600">
            {label('serviceItems.review.hash', 'Content hash {hash}', {
              hash: review.contentHash.slice(0, 16),
            })}
          </Typography>
        )}
        {allows('return') && (
          <TextAreaField
            name="reason"
            label={label('serviceItems.review.reason', 'Reason for returning it')}
            value={reason}
            onChange={setReason}
            error={errorOf('reason')}
          />
        )}
        <Flex gap={2} wrap="wrap">
          {allows('submit') && (
            <Button loading={busy} onClick={() => onStep('submit', {})} data-testid="item-submit">
              {label('serviceItems.review.submit', 'Submit for review')}
            </Button>
          )}
          {allows('approve') && (
            <Button loading={busy} onClick={() => onStep('approve', {})} data-testid="item-approve">
              {label('serviceItems.review.approve', 'Approve (发布审核)')}
            </Button>
          )}
          {allows('clear') && (
            <Button loading={busy} onClick={() => onStep('clear', {})} data-testid="item-clear">
              {label('serviceItems.review.clear', 'Clear (保密审查)')}
            </Button>
          )}
          {allows('return') && (
            <Button
              variant="danger-light"
              loading={busy}
              onClick={() => onStep('return', { reason })}
              data-testid="item-return"
            >
              {label('serviceItems.review.return', 'Return with the reason')}
            </Button>
          )}
          {allows('publish') && (
            <Button loading={busy} onClick={() => onStep('publish', {})} data-testid="item-publish">
              {review?.kind === 'withdraw'
                ? label('serviceItems.review.publishWithdrawal', 'Withdraw it now')
                : label('serviceItems.publish', 'Publish')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
