import { Badge, Box, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useLabel } from '../../kernel/useLabel';
import { editViewPath } from '../../kernel/paths';
import { Facts, Section } from '../../kernel/components/Section';
import type { Reply } from '../../../../shared/requests/contracts';

const REPLY_BADGE: Record<string, 'neutral' | 'warning' | 'success' | 'primary'> = {
  draft: 'neutral',
  returned: 'warning',
  cleared: 'success',
  delivered: 'primary',
};

/** 答复: the reply letter — outcome, article, text — its 保密审查 and its delivery (送达). */
export const ReplySection = ({ reply }: { reply: Reply | null | undefined }) => {
  const label = useLabel();
  const { formatDate } = useIntl();
  const at = (instant: string | null) =>
    instant
      ? formatDate(instant, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
      : '';
  if (!reply) {
    return (
      <Section title={label('reply.title', 'Reply')} testId="reply">
        <Typography textColor="neutral600">
          {label('reply.none', 'No reply drafted yet')}
        </Typography>
      </Section>
    );
  }
  const who = (person: { name: string } | null, instant: string | null) =>
    person ? `${person.name}${instant ? ` · ${at(instant)}` : ''}` : null;
  return (
    <Section title={label('reply.title', 'Reply')} testId="reply">
      <Facts
        facts={[
          [
            label('reply.state', 'State'),
            <Badge
              key="state"
              variant={REPLY_BADGE[reply.state] ?? 'neutral'}
              data-testid="reply-state"
              data-state={reply.state}
            >
              {label(`reply.state.${reply.state}`, reply.state)}
            </Badge>,
          ],
          [label('reply.outcome', 'Outcome'), reply.outcomeLabel],
          [label('reply.article', 'Legal basis'), reply.article],
          [label('reply.draftedBy', 'Drafted by'), who(reply.draftedBy, reply.draftedAt)],
          [label('reply.clearedBy', 'Cleared by'), who(reply.clearedBy, reply.clearedAt)],
          ...(reply.returnedReason && reply.state === 'returned'
            ? ([[label('reply.returnedReason', 'Returned because'), reply.returnedReason]] as Array<
                [string, string]
              >)
            : []),
          ...(reply.proactiveItem
            ? ([
                [
                  label('reply.proactiveItem', 'Published proactively'),
                  <Link key="proactive" to={editViewPath(reply.proactiveItem)}>
                    {label('proactive.open', 'Open the draft in the Content Manager')}
                  </Link>,
                ],
              ] as Array<[string, ReactNode]>)
            : []),
          [
            label('reply.delivered', 'Delivered (送达)'),
            reply.deliveredOn
              ? `${reply.deliveredOn}${reply.deliveryMethod ? ` · ${label(`reply.method.${reply.deliveryMethod}`, reply.deliveryMethod)}` : ''}`
              : null,
          ],
        ]}
      />
      <Box background="neutral100" hasRadius padding={5} data-testid="reply-letter">
        <Typography variant="omega" fontWeight="bold" tag="p">
          {reply.subject}
        </Typography>
        <Box paddingTop={3}>
          <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
            {reply.body}
          </Typography>
        </Box>
      </Box>
    </Section>
  );
};
