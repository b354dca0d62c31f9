import { useState } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import {
  ADOPTIONS,
  MODERATIONS,
  type Adoption,
  type Moderation,
  type StaffComment,
} from '../../../../shared/consultations/contracts';
import { ChoiceField, TextField } from '../../kernel/components/form-fields';
import { useLabel } from '../../kernel/useLabel';

const MODERATION_COLOURS: Record<Moderation, [text: string, background: string]> = {
  hidden: ['neutral700', 'neutral150'],
  public: ['success700', 'success100'],
  rejected: ['danger700', 'danger100'],
};

/**
 * One comment as staff see it: the commenter and their contacts (never public), its text, its
 * moderation (shown publicly, hidden, rejected with a reason) and its adoption decision (a
 * reason for 部分采纳 and 未采纳). Each control sends one step; the page answers with the
 * consultation after it, or the server's sentence.
 */
export const CommentCard = ({
  comment,
  canModerate,
  canDecide,
  onStep,
}: {
  comment: StaffComment;
  canModerate: boolean;
  canDecide: boolean;
  onStep: (kind: 'moderation' | 'adoption', body: object) => Promise<string | null>;
}) => {
  const label = useLabel();
  const [adoption, setAdoption] = useState<Adoption | ''>(comment.adoption ?? '');
  const [reason, setReason] = useState(comment.adoptionReason ?? '');
  const [rejectReason, setRejectReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const step = async (kind: 'moderation' | 'adoption', body: object) =>
    setProblem(await onStep(kind, body));
  const [text, background] = MODERATION_COLOURS[comment.moderation];
  return (
    <Box
      background="neutral100"
      padding={3}
      hasRadius
      data-testid="consultation-comment"
      data-number={comment.number}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" fontWeight="semiBold">
            {label('consultations.comment.number', 'Comment {number}', { number: comment.number })}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {[comment.name, comment.organisation, comment.phone, comment.email]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          <Badge textColor={text} backgroundColor={background}>
            {label(`consultations.moderation.${comment.moderation}`, comment.moderation)}
          </Badge>
          {comment.adoption && (
            <Badge>{label(`consultations.adoption.${comment.adoption}`, comment.adoption)}</Badge>
          )}
        </Flex>
        <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
          {comment.text}
        </Typography>
        {comment.moderationReason && (
          <Typography variant="pi" textColor="neutral600">
            {label('consultations.comment.moderationReason', 'Rejected because: {reason}', {
              reason: comment.moderationReason,
            })}
          </Typography>
        )}
        {canModerate && (
          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            {MODERATIONS.filter(
              (value) => value !== comment.moderation && value !== 'rejected'
            ).map((value) => (
              <Button
                key={value}
                size="S"
                variant="tertiary"
                onClick={() => step('moderation', { moderation: value })}
                data-testid={`comment-moderate-${value}`}
              >
                {label(`consultations.moderate.${value}`, value)}
              </Button>
            ))}
            {comment.moderation !== 'rejected' && (
              <>
                <TextField
                  name="rejectReason"
                  required={false}
                  label={label('consultations.comment.rejectReason', 'Reason to reject')}
                  value={rejectReason}
                  onChange={setRejectReason}
                />
                <Button
                  size="S"
                  variant="danger-light"
                  onClick={() =>
                    step('moderation', { moderation: 'rejected', reason: rejectReason })
                  }
                  data-testid="comment-moderate-rejected"
                >
                  {label('consultations.moderate.rejected', 'Reject')}
                </Button>
              </>
            )}
          </Flex>
        )}
        {canDecide && comment.moderation !== 'rejected' && (
          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            <ChoiceField
              name="adoption"
              label={label('consultations.comment.adoption', 'Adoption')}
              options={ADOPTIONS.map((value) => [
                value,
                label(`consultations.adoption.${value}`, value),
              ])}
              value={adoption}
              onChange={(value) => setAdoption(value as Adoption)}
            />
            {adoption && adoption !== 'adopted' && (
              <TextField
                name="adoptionReason"
                label={label('consultations.comment.adoptionReason', 'Reason')}
                value={reason}
                onChange={setReason}
              />
            )}
            <Button
              size="S"
              disabled={!adoption}
              onClick={() =>
                step('adoption', {
                  adoption,
                  ...(adoption !== 'adopted' ? { reason } : {}),
                })
              }
              data-testid="comment-decide"
            >
              {label('consultations.comment.decide', 'Record')}
            </Button>
          </Flex>
        )}
        {!canDecide && comment.adoptionReason && (
          <Typography variant="pi">{comment.adoptionReason}</Typography>
        )}
        {problem && (
          <Typography variant="pi" textColor="danger600" role="alert">
            {problem}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
