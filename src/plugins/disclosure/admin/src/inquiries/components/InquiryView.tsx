import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import {
  INQUIRY_ACTIONS,
  type InquiryAction,
  type InquiryDetail,
} from '../../../../shared/inquiries/contracts';
import { errorMessage } from '../../kernel/api';
import { editViewPath } from '../../kernel/paths';
import { useLabel } from '../../kernel/useLabel';
import { InquiryActionModal } from './InquiryActionModal';
import { inquiryPath } from './InquiryList';
import { DueBadge, Facts, Section, Timeline } from './ui';

const PRIMARY: InquiryAction[] = ['answer', 'draft_reply', 'clear_reply', 'send_reply', 'assign'];

/**
 * One message: its channel, state and deadline (with the 3-month rule's dates), the actions the
 * server allows this user, the message and the writer (contacts only for the assigned division
 * and the coordinator), the reply and its review, the public Q&A, and the handling record.
 */
export const InquiryView = () => {
  const label = useLabel();
  const { id = '' } = useParams<{ id: string }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [inquiry, setInquiry] = useState<InquiryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<InquiryAction | null>(null);
  const shown = useRef(id);
  shown.current = id;

  const load = useCallback(
    () =>
      get<{ data: InquiryDetail }>(`/disclosure/inquiries/${encodeURIComponent(id)}`).then(
        ({ data }) => shown.current === id && setInquiry(data.data),
        (failure: unknown) => shown.current === id && setError(errorMessage(failure))
      ),
    [get, id]
  );
  useEffect(() => {
    setInquiry(null);
    setError(null);
    load();
  }, [load]);

  const done = (detail: InquiryDetail) => {
    const taken = action;
    setAction(null);
    setInquiry(detail);
    toggleNotification({
      type: 'success',
      message: label('inquiries.done', '{action}: done', {
        action: taken ? label(`inquiries.action.${taken}`, taken) : '',
      }),
    });
  };

  const pageTitle = label('inquiries.title', 'Public inquiries');
  if (error || !inquiry) {
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Header
          title={pageTitle}
          navigationAction={<BackButton fallback={inquiryPath()} />}
        />
        <Layouts.Content>
          {error ? (
            <Typography textColor="danger600">{error}</Typography>
          ) : (
            <Loader>{label('inquiries.loading', 'Loading')}</Loader>
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const allowed = INQUIRY_ACTIONS.filter((name) => inquiry.allowedActions.includes(name));
  const field = (name: string, fallback: string) => label(`inquiries.field.${name}`, fallback);
  const { reply, publication } = inquiry;
  return (
    <Page.Main>
      <Page.Title>{`${inquiry.subject} · ${pageTitle}`}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={inquiryPath()} />}
        title={inquiry.subject}
        subtitle={
          <Flex gap={3} wrap="wrap" paddingTop={1}>
            <Typography variant="epsilon" textColor="neutral600">
              {`${label(`inquiries.channel.${inquiry.channel}`, inquiry.channel)} · ${inquiry.trackingNumber}`}
            </Typography>
            <Badge data-testid="inquiry-state" data-state={inquiry.state}>
              {label(`inquiries.state.${inquiry.state}`, inquiry.state)}
            </Badge>
            <DueBadge dueDate={inquiry.dueDate} urgency={inquiry.urgency} testId="inquiry-due" />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {allowed.length > 0 && (
            <Flex gap={2} wrap="wrap" data-testid="inquiry-actions">
              {allowed.map((name) => (
                <Button
                  key={name}
                  variant={
                    PRIMARY.includes(name)
                      ? 'default'
                      : name === 'return_reply' || name === 'dismiss'
                        ? 'danger-light'
                        : 'secondary'
                  }
                  onClick={() => setAction(name)}
                  data-testid={`inquiry-action-${name}`}
                >
                  {label(`inquiries.action.${name}`, name)}
                </Button>
              ))}
            </Flex>
          )}
          <Section title={label('inquiries.section.message', 'The message')} testId="inquiry-case">
            <Facts
              facts={[
                [field('kind', 'Kind'), label(`inquiries.kind.${inquiry.kind}`, inquiry.kind)],
                [
                  field('category', 'Category'),
                  label(`inquiries.category.${inquiry.category}`, inquiry.category),
                ],
                [
                  field('transferredBy', 'Transferred by'),
                  inquiry.transferredBy &&
                    label(`inquiries.transfer.${inquiry.transferredBy}`, inquiry.transferredBy),
                ],
                [
                  field('externalNumber', 'Case number on the platform or transfer'),
                  inquiry.externalNumber,
                ],
                [field('receivedOn', 'Received on'), inquiry.receivedOn],
                [field('platformDueDate', "The platform's deadline"), inquiry.platformDueDate],
                [
                  field('division', 'Division'),
                  inquiry.divisionName ?? label('inquiries.unassigned', 'Not assigned'),
                ],
                [
                  field('rule', '3-month rule'),
                  label('inquiries.ruleDates', 'warning from {warnOn}, answer before {limitOn}', {
                    warnOn: inquiry.warnOn,
                    limitOn: inquiry.limitOn,
                  }),
                ],
                [
                  field('writer', 'Writer'),
                  [inquiry.contact.name, inquiry.contact.phone, inquiry.contact.email]
                    .filter(Boolean)
                    .join(' · '),
                ],
                [
                  field('publicConsent', 'Agrees to publication'),
                  inquiry.publicConsent
                    ? label('inquiries.yes', 'Yes')
                    : label('inquiries.no', 'No'),
                ],
                [field('message', 'Message'), inquiry.message],
                [field('dismissReason', 'Dismissed because'), inquiry.dismissReason],
              ]}
            />
          </Section>
          {reply && (
            <Section title={label('inquiries.section.reply', 'Reply')} testId="inquiry-reply">
              <Facts
                facts={[
                  [
                    field('replyState', 'State'),
                    inquiry.answeredOnCall
                      ? label('inquiries.answeredOnCall', 'Answered on the call')
                      : label(`inquiries.replyState.${reply.state}`, reply.state),
                  ],
                  [field('draftedBy', 'By'), reply.draftedBy.name],
                  [field('clearedBy', 'Cleared by'), reply.clearedBy?.name],
                  [field('returnedReason', 'Returned because'), reply.returnedReason],
                  [field('repliedOn', 'Answered on'), inquiry.repliedOn],
                  [field('workingDays', 'Working days'), inquiry.workingDays],
                  [
                    field('satisfaction', 'Satisfaction'),
                    inquiry.satisfaction &&
                      `${label(`inquiries.satisfaction.${inquiry.satisfaction}`, inquiry.satisfaction)} · ${inquiry.satisfactionOn}`,
                  ],
                ]}
              />
              <Box background="neutral100" padding={4} hasRadius>
                <Typography
                  variant="omega"
                  tag="p"
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid="reply-text"
                >
                  {reply.text}
                </Typography>
              </Box>
            </Section>
          )}
          {publication && (
            <Section
              title={label('inquiries.section.publication', 'Public Q&A')}
              testId="inquiry-publication"
            >
              <Facts
                facts={[
                  [field('publicTitle', 'Public title'), publication.title],
                  [field('publicQuestion', 'Public question'), publication.question],
                  [field('publicAnswer', 'Public answer'), publication.answer],
                  [
                    field('preparedBy', 'Prepared by'),
                    `${publication.preparedBy.name} · ${publication.preparedOn}`,
                  ],
                ]}
              />
              {publication.item && (
                <Link to={editViewPath(publication.item)} data-testid="inquiry-item-link">
                  <Typography textColor="primary600">
                    {label(
                      'inquiries.openItem',
                      'Open the draft item in the Content Manager (it is published through the review)'
                    )}
                  </Typography>
                </Link>
              )}
            </Section>
          )}
          <Timeline entries={inquiry.timeline} />
        </Flex>
      </Layouts.Content>
      {action && (
        <InquiryActionModal
          key={action}
          action={action}
          inquiry={inquiry}
          onClose={() => setAction(null)}
          onDone={done}
        />
      )}
    </Page.Main>
  );
};
