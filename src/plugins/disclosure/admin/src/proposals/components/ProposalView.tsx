import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import {
  FEEDBACK_LABELS,
  KIND_LABELS,
  PROPOSAL_ACTIONS,
  PUBLICATION_LABELS,
  RESULT_CLASS_LABELS,
  type ProposalAction,
  type ProposalDetail,
  type ProposalReply,
} from '../../../../shared/proposals/contracts';
import { errorMessage } from '../../kernel/api';
import { editViewPath } from '../../kernel/paths';
import { useLabel } from '../../kernel/useLabel';
import { ProposalActionModal } from './ProposalActionModal';
import { proposalPath } from './ProposalList';
import { DueBadge, Facts, Section, Timeline } from './ui';

const PRIMARY: ProposalAction[] = ['draft_reply', 'clear_reply', 'send_reply', 'submit_opinion'];

/**
 * One suggestion or proposal: its state and due date, the actions the server allows this user,
 * the proposal and its proposers (contacts only for the lead and the coordinator), the
 * co-handlers' opinions, the reply letter and earlier replies, and the handling record.
 */
export const ProposalView = () => {
  const label = useLabel();
  const { id = '' } = useParams<{ id: string }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [proposal, setProposal] = useState<ProposalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ProposalAction | null>(null);
  const shown = useRef(id);
  shown.current = id;

  const load = useCallback(
    () =>
      get<{ data: ProposalDetail }>(`/disclosure/proposals/${encodeURIComponent(id)}`).then(
        ({ data }) => shown.current === id && setProposal(data.data),
        (failure: unknown) => shown.current === id && setError(errorMessage(failure))
      ),
    [get, id]
  );
  useEffect(() => {
    setProposal(null);
    setError(null);
    load();
  }, [load]);

  const done = (detail: ProposalDetail) => {
    const taken = action;
    setAction(null);
    setProposal(detail);
    toggleNotification({
      type: 'success',
      message: label('proposals.done', '{action}: done', {
        action: taken ? label(`proposals.action.${taken}`, taken) : '',
      }),
    });
  };

  const pageTitle = label('proposals.title', 'Suggestions and proposals');
  if (error || !proposal) {
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Header
          title={pageTitle}
          navigationAction={<BackButton fallback={proposalPath()} />}
        />
        <Layouts.Content>
          {error ? (
            <Typography textColor="danger600">{error}</Typography>
          ) : (
            <Loader>{label('proposals.loading', 'Loading')}</Loader>
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const allowed = PROPOSAL_ACTIONS.filter((name) => proposal.allowedActions.includes(name));
  return (
    <Page.Main>
      <Page.Title>{`${proposal.title} · ${pageTitle}`}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={proposalPath()} />}
        title={proposal.title}
        subtitle={
          <Flex gap={3} wrap="wrap" paddingTop={1}>
            <Typography variant="epsilon" textColor="neutral600">
              {`${KIND_LABELS[proposal.kind]} ${proposal.term}${proposal.meeting} 第${proposal.number}号`}
            </Typography>
            <Badge data-testid="proposal-state" data-state={proposal.state}>
              {label(`proposals.state.${proposal.state}`, proposal.state)}
            </Badge>
            <DueBadge dueDate={proposal.dueDate} urgency={proposal.urgency} testId="proposal-due" />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {allowed.length > 0 && (
            <Flex gap={2} wrap="wrap" data-testid="proposal-actions">
              {allowed.map((name) => (
                <Button
                  key={name}
                  variant={
                    PRIMARY.includes(name)
                      ? 'default'
                      : name === 'return_reply'
                        ? 'danger-light'
                        : 'secondary'
                  }
                  onClick={() => setAction(name)}
                  data-testid={`proposal-action-${name}`}
                >
                  {label(`proposals.action.${name}`, name)}
                </Button>
              ))}
            </Flex>
          )}
          <Section title={label('proposals.section.case', 'The proposal')} testId="proposal-case">
            <Facts
              facts={[
                [label('proposals.field.lead', 'Lead division'), proposal.leadName],
                [label('proposals.field.assignedOn', 'Assigned on'), proposal.assignedOn],
                [
                  label('proposals.field.proposers', 'Deputies or members'),
                  proposal.proposers
                    .map((p) =>
                      [p.name, p.delegation, p.phone, p.email, p.address]
                        .filter(Boolean)
                        .join(' · ')
                    )
                    .join('\n'),
                ],
                [label('proposals.field.content', 'Content'), proposal.content],
                [
                  label('proposals.field.publicationDue', 'Publication due'),
                  proposal.publicationDueDate,
                ],
              ]}
            />
          </Section>
          {proposal.coHandlerOpinions.length > 0 && (
            <Section
              title={label('proposals.section.opinions', "Co-handlers' opinions")}
              testId="proposal-opinions"
            >
              <Facts
                facts={proposal.coHandlerOpinions.map((co) => [
                  co.divisionName,
                  co.opinion
                    ? `${co.opinion}（${co.submittedBy?.name ?? ''}）`
                    : label('proposals.opinion.pending', 'Awaited'),
                ])}
              />
            </Section>
          )}
          {proposal.reply && <ReplyCard reply={proposal.reply} testId="proposal-reply" />}
          {proposal.previousReplies.map((reply) => (
            <ReplyCard key={reply.round} reply={reply} />
          ))}
          <Timeline entries={proposal.timeline} />
        </Flex>
      </Layouts.Content>
      {action && (
        <ProposalActionModal
          key={action}
          action={action}
          proposal={proposal}
          onClose={() => setAction(null)}
          onDone={done}
        />
      )}
    </Page.Main>
  );
};

/** 答复函: the letter, its review and its rating and publication. */
const ReplyCard = ({ reply, testId }: { reply: ProposalReply; testId?: string }) => {
  const label = useLabel();
  const { publication } = reply;
  return (
    <Section
      title={label('proposals.section.reply', 'Reply letter (round {round})', {
        round: reply.round,
      })}
      testId={testId}
    >
      <Facts
        facts={[
          [
            label('proposals.reply.state', 'State'),
            label(`proposals.replyState.${reply.state}`, reply.state),
          ],
          [label('proposals.reply.resultClass', 'Result'), RESULT_CLASS_LABELS[reply.resultClass]],
          [label('proposals.reply.draftedBy', 'Drafted by'), reply.draftedBy.name],
          [label('proposals.reply.clearedBy', 'Cleared by'), reply.clearedBy?.name],
          [label('proposals.reply.returnedReason', 'Returned because'), reply.returnedReason],
          [label('proposals.reply.sentOn', 'Sent on'), reply.sentOn],
          [
            label('proposals.reply.feedback', 'Feedback'),
            reply.feedback &&
              [FEEDBACK_LABELS[reply.feedback], reply.feedbackOn, reply.feedbackComment]
                .filter(Boolean)
                .join(' · '),
          ],
          [
            label('proposals.reply.publication', 'Publication'),
            publication &&
              [PUBLICATION_LABELS[publication.mode], publication.reason, publication.decidedOn]
                .filter(Boolean)
                .join(' · '),
          ],
        ]}
      />
      {publication?.item && (
        <Link to={editViewPath(publication.item)} data-testid="proposal-item-link">
          <Typography textColor="primary600">
            {label('proposals.reply.openItem', 'Open the draft item in the Content Manager')}
          </Typography>
        </Link>
      )}
      <Box background="neutral100" padding={4} hasRadius>
        <Typography variant="omega" fontWeight="semiBold">
          {reply.subject}
        </Typography>
        <Typography
          variant="omega"
          tag="p"
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="reply-body"
        >
          {reply.body}
        </Typography>
      </Box>
    </Section>
  );
};
