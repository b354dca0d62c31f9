import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { ActionModal } from './ActionModal';
import { ApplicationSections } from './ApplicationSections';
import { AttachmentsSection } from './AttachmentsSection';
import { CalendarWarning } from './CalendarWarning';
import { DeadlineSection } from './DeadlineSection';
import { DueDate } from './DueDate';
import { requestPath } from '../../kernel/paths';
import { ReplySection } from './ReplySection';
import { StateBadge } from './StateBadge';
import { TimelineSection } from './TimelineSection';
import {
  REQUEST_ACTIONS,
  type RequestAction,
  type RequestDetail,
} from '../../../../shared/requests/contracts';

const PRIMARY: RequestAction[] = ['draft_reply', 'clear_reply', 'send_reply', 'record_delivery'];
const DANGER: RequestAction[] = ['return_reply', 'withdraw'];

/**
 * One request: its state and due date, the actions the server allows this user (each in a small
 * form), the application, the deadline explained, the handling record, attachments and reply.
 */
export const RequestView = () => {
  const label = useLabel();
  const { trackingNumber = '' } = useParams<{ trackingNumber: string }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [request, setRequest] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<RequestAction | null>(null);

  // The request on screen: an answer for one left meanwhile is dropped.
  const shown = useRef(trackingNumber);
  shown.current = trackingNumber;
  const load = useCallback(
    () =>
      get<{ data: RequestDetail }>(
        `/disclosure/requests/${encodeURIComponent(trackingNumber)}`
      ).then(
        ({ data }) => shown.current === trackingNumber && setRequest(data.data),
        (failure: unknown) => shown.current === trackingNumber && setError(errorMessage(failure))
      ),
    [get, trackingNumber]
  );

  useEffect(() => {
    setRequest(null);
    setError(null);
    load();
  }, [load]);

  const done = (detail: RequestDetail) => {
    const taken = action;
    setAction(null);
    // Every action answers with the request as it now is: no second request needed.
    setRequest(detail);
    toggleNotification({
      type: 'success',
      message: label('requests.done', '{action}: done', {
        action: taken ? label(`requestAction.${taken}`, taken) : '',
      }),
    });
  };

  const pageTitle = label('requests.title', 'Disclosure requests');
  if (error) {
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Header
          title={trackingNumber}
          navigationAction={<BackButton fallback={requestPath()} />}
        />
        <Layouts.Content>
          <Typography textColor="danger600">{error}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!request) {
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Content>
          <Box paddingTop={8}>
            <Loader>{label('requests.loading', 'Loading')}</Loader>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }

  const allowed = REQUEST_ACTIONS.filter((name) => request.allowedActions.includes(name));
  return (
    <Page.Main>
      <Page.Title>{`${request.trackingNumber} · ${pageTitle}`}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={requestPath()} />}
        title={request.title}
        subtitle={
          <Flex gap={3} wrap="wrap" paddingTop={1} data-testid="request-header">
            <Typography
              variant="epsilon"
              textColor="neutral600"
              data-testid="request-tracking-number"
            >
              {label('requests.column.trackingNumber', 'Tracking number')}：{request.trackingNumber}
            </Typography>
            <StateBadge state={request.state} testId="request-state" />
            <Flex gap={2}>
              <Typography variant="epsilon" textColor="neutral600">
                {label('requests.column.dueDate', 'Reply due')}
              </Typography>
              <DueDate
                dueDate={request.dueDate}
                urgency={request.urgency}
                testId="request-due-date"
              />
            </Flex>
            {request.likelyDuplicateOf && (
              <Typography variant="pi" textColor="warning700">
                {label('requests.duplicateOf', 'Possibly the same as {trackingNumber}', {
                  trackingNumber: request.likelyDuplicateOf,
                })}
              </Typography>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {allowed.length > 0 && (
            <Flex gap={2} wrap="wrap" data-testid="request-actions">
              {allowed.map((name) => (
                <Button
                  key={name}
                  variant={
                    PRIMARY.includes(name)
                      ? 'default'
                      : DANGER.includes(name)
                        ? 'danger-light'
                        : 'secondary'
                  }
                  onClick={() => setAction(name)}
                  data-testid={`request-action-${name}`}
                >
                  {label(`requestAction.${name}`, name)}
                </Button>
              ))}
            </Flex>
          )}
          <CalendarWarning years={request.uncoveredYears} />
          <ApplicationSections request={request} />
          <DeadlineSection request={request} />
          <TimelineSection entries={request.timeline} />
          <AttachmentsSection
            trackingNumber={request.trackingNumber}
            attachments={request.attachments}
          />
          <ReplySection reply={request.reply} />
        </Flex>
      </Layouts.Content>
      {action && (
        <ActionModal
          key={action}
          action={action}
          request={request}
          onClose={() => setAction(null)}
          onDone={done}
          onChanged={() => load()}
        />
      )}
    </Page.Main>
  );
};
