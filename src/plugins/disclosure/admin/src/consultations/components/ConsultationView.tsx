import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import {
  type ConsultationAction,
  type ConsultationArticle,
  type ConsultationDetail,
} from '../../../../shared/consultations/contracts';
import { errorMessage } from '../../kernel/api';
import { CaseTimeline } from '../../kernel/components/CaseTimeline';
import { Facts, Section } from '../../kernel/components/Section';
import { TextAreaField } from '../../kernel/components/form-fields';
import { editViewPath } from '../../kernel/paths';
import { useLabel } from '../../kernel/useLabel';
import { CommentCard } from './CommentCard';
import { ConsultationForm } from './ConsultationForm';
import { consultationPath } from './ConsultationList';

/** The page's buttons: the steps taken from the header (moderation and adoption are per comment). */
const HEADER_ACTIONS: ConsultationAction[] = ['edit', 'announce', 'close', 'submit_summary'];

/**
 * One consultation: its period and phase, the actions the server allows, the draft's units with
 * their comments side by side (each moderated and decided in place), the feedback summary's
 * editor and the review of its articles, and the record of its steps.
 */
export const ConsultationView = () => {
  const label = useLabel();
  const { id = '' } = useParams<{ id: string }>();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [consultation, setConsultation] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ConsultationAction | null>(null);
  const shown = useRef(id);
  shown.current = id;

  const load = useCallback(
    () =>
      get<{ data: ConsultationDetail }>(`/disclosure/consultations/${encodeURIComponent(id)}`).then(
        ({ data }) => shown.current === id && setConsultation(data.data),
        (failure: unknown) => shown.current === id && setError(errorMessage(failure))
      ),
    [get, id]
  );
  useEffect(() => {
    setConsultation(null);
    setError(null);
    load();
  }, [load]);

  /** A step through the admin API; the page answers with the consultation after it. */
  const run = async (taken: ConsultationAction, path: string, body: object = {}) => {
    try {
      const { data } = await post<{ data: ConsultationDetail }>(
        `/disclosure/consultations/${id}${path}`,
        body
      );
      setConsultation(data.data);
      setAction(null);
      toggleNotification({
        type: 'success',
        message: label('consultations.done', '{action}: done', {
          action: label(`consultations.action.${taken}`, taken),
        }),
      });
      return null;
    } catch (failure) {
      return errorMessage(failure);
    }
  };

  const pageTitle = label('consultations.title', 'Public consultations');
  if (error || !consultation) {
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Header
          title={pageTitle}
          navigationAction={<BackButton fallback={consultationPath()} />}
        />
        <Layouts.Content>
          {error ? (
            <Typography textColor="danger600">{error}</Typography>
          ) : (
            <Loader>{label('consultations.loading', 'Loading')}</Loader>
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const can = (name: ConsultationAction) => consultation.allowedActions.includes(name);
  const { counts } = consultation;
  return (
    <Page.Main>
      <Page.Title>{`${consultation.title} · ${pageTitle}`}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={consultationPath()} />}
        title={consultation.title}
        subtitle={
          <Flex gap={3} wrap="wrap" paddingTop={1}>
            <Typography variant="epsilon" textColor="neutral600">
              {`${consultation.divisionName} · ${consultation.opensOn} – ${consultation.closesOn}`}
            </Typography>
            <Badge data-testid="consultation-phase" data-phase={consultation.phase}>
              {label(`consultations.phase.${consultation.phase}`, consultation.phase)}
            </Badge>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {HEADER_ACTIONS.some(can) && (
            <Flex gap={2} wrap="wrap" data-testid="consultation-actions">
              {HEADER_ACTIONS.filter(can).map((name) => (
                <Button
                  key={name}
                  variant={name === 'edit' ? 'secondary' : 'default'}
                  onClick={() => setAction(name)}
                  data-testid={`consultation-action-${name}`}
                >
                  {label(`consultations.action.${name}`, name)}
                </Button>
              ))}
            </Flex>
          )}
          <Section
            title={label('consultations.section.consultation', 'The consultation')}
            testId="consultation-facts"
          >
            <Facts
              facts={[
                [label('consultations.field.division', 'Division'), consultation.divisionName],
                [
                  label('consultations.field.publicId', "Public id (the website's address)"),
                  <code key="publicId" data-testid="consultation-public-id">
                    {`/api/disclosure/consultations/${consultation.documentId}`}
                  </code>,
                ],
                [
                  label('consultations.field.period', 'Period'),
                  label('consultations.period', '{opensOn} to {closesOn} ({days} days)', {
                    opensOn: consultation.opensOn,
                    closesOn: consultation.closesOn,
                    days: consultation.days,
                  }),
                ],
                [
                  label(
                    'consultations.field.isMajorDecision',
                    'Major administrative decision (重大行政决策)'
                  ),
                  consultation.isMajorDecision
                    ? label('consultations.yes', 'Yes')
                    : label('consultations.no', 'No'),
                ],
                [
                  label(
                    'consultations.field.shortenedReason',
                    'Why the period is shorter than the minimum (coordinator only)'
                  ),
                  consultation.shortenedReason,
                ],
                [
                  label('consultations.field.purpose', 'Purpose (征求意见说明)'),
                  consultation.purpose,
                ],
                [
                  label('consultations.field.draftFile', 'The draft as a file'),
                  consultation.draftFile && (
                    <a href={consultation.draftFile.url} target="_blank" rel="noreferrer">
                      {consultation.draftFile.name}
                    </a>
                  ),
                ],
                [
                  label('consultations.field.announcement', 'Announcement'),
                  consultation.announcement && <ArticleState article={consultation.announcement} />,
                ],
                [
                  label('consultations.field.closed', 'Closed'),
                  consultation.closedOn &&
                    [consultation.closedOn, consultation.closeReason].filter(Boolean).join(' · '),
                ],
                [
                  label('consultations.field.counts', 'Comments'),
                  label(
                    'consultations.counts',
                    '{received} received, {public} shown, {rejected} rejected; {adopted} adopted, {partly} partly, {notAdopted} not adopted, {undecided} to decide',
                    { ...counts }
                  ),
                ],
              ]}
            />
          </Section>
          <Section
            title={label('consultations.section.draft', 'The draft and its comments')}
            testId="consultation-units"
          >
            {[
              ...consultation.units,
              {
                anchor: '',
                label: label('consultations.general', 'On the draft as a whole'),
                text: '',
                heading: undefined,
                comments: consultation.generalComments,
              },
            ].map((unit) => (
              <Box
                key={unit.anchor || 'general'}
                style={{ display: 'grid', gridTemplateColumns: '2fr 3fr', gap: '16px' }}
                paddingTop={3}
                paddingBottom={3}
                borderColor="neutral150"
                data-testid="consultation-unit"
                data-anchor={unit.anchor}
              >
                <Box>
                  {'heading' in unit && unit.heading && (
                    <Typography variant="sigma" textColor="neutral600" tag="p">
                      {unit.heading}
                    </Typography>
                  )}
                  <Typography variant="omega" fontWeight="semiBold" tag="p">
                    {unit.label}
                  </Typography>
                  <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {unit.text}
                  </Typography>
                </Box>
                <Flex direction="column" alignItems="stretch" gap={2}>
                  {unit.comments.length === 0 && (
                    <Typography variant="pi" textColor="neutral500">
                      {label('consultations.noComments', 'No comments')}
                    </Typography>
                  )}
                  {unit.comments.map((comment) => (
                    <CommentCard
                      key={comment.id}
                      comment={comment}
                      canModerate={can('moderate')}
                      canDecide={can('record_adoption')}
                      onStep={(kind, body) =>
                        run(
                          kind === 'moderation' ? 'moderate' : 'record_adoption',
                          `/comments/${comment.id}/${kind}`,
                          body
                        )
                      }
                    />
                  ))}
                </Flex>
              </Box>
            ))}
          </Section>
          <SummarySection
            consultation={consultation}
            canDraft={can('draft_summary')}
            onDraft={(text) => run('draft_summary', '/summary', text === null ? {} : { text })}
          />
          <CaseTimeline
            title={label('consultations.section.timeline', 'Record')}
            empty={label('consultations.timeline.empty', 'Nothing recorded yet')}
            testId="consultation-timeline"
            entries={consultation.timeline}
          />
        </Flex>
      </Layouts.Content>
      {action === 'edit' && (
        <ConsultationForm
          consultation={consultation}
          onClose={() => setAction(null)}
          onDone={(detail) => {
            setConsultation(detail);
            setAction(null);
          }}
        />
      )}
      {action && action !== 'edit' && (
        <StepModal
          action={action}
          askReason={action === 'close'}
          onClose={() => setAction(null)}
          onConfirm={(reason) =>
            run(
              action,
              action === 'announce'
                ? '/announce'
                : action === 'close'
                  ? '/close'
                  : '/summary/submit',
              action === 'close' && reason ? { reason } : {}
            )
          }
        />
      )}
    </Page.Main>
  );
};

/** An article's review state, with a link to it in the Content Manager. */
const ArticleState = ({ article }: { article: ConsultationArticle }) => {
  const label = useLabel();
  return (
    <Flex gap={2}>
      <Badge>{label(`consultations.review.${article.reviewState}`, article.reviewState)}</Badge>
      {article.publishedOn && <Typography variant="pi">{article.publishedOn}</Typography>}
      <Link to={editViewPath(article)}>
        <Typography textColor="primary600" variant="pi">
          {label('consultations.openItem', 'Open in the Content Manager')}
        </Typography>
      </Link>
    </Flex>
  );
};

/** 意见采纳情况: generated from the decisions, edited, then submitted to the review. */
const SummarySection = ({
  consultation,
  canDraft,
  onDraft,
}: {
  consultation: ConsultationDetail;
  canDraft: boolean;
  onDraft: (text: string | null) => Promise<string | null>;
}) => {
  const label = useLabel();
  const { summary } = consultation;
  const [text, setText] = useState(summary?.text ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(summary?.text ?? ''), [summary?.text]);
  if (!summary && !canDraft) return null;
  const save = async (value: string | null) => setProblem(await onDraft(value));
  return (
    <Section
      title={label('consultations.section.summary', 'Feedback summary (意见采纳情况)')}
      testId="consultation-summary"
    >
      {summary && (
        <Facts
          facts={[
            [label('consultations.summary.draftedBy', 'Drafted by'), summary.draftedBy.name],
            [
              label('consultations.summary.review', 'Review'),
              summary.article ? (
                <ArticleState article={summary.article} />
              ) : (
                label('consultations.summary.notSubmitted', 'Not submitted yet')
              ),
            ],
          ]}
        />
      )}
      {summary?.isStale && (
        <Typography textColor="warning700" data-testid="consultation-summary-stale">
          {label(
            'consultations.summary.stale',
            'Adoption decisions changed after this text was drafted: generate it again or save your edit before submitting.'
          )}
        </Typography>
      )}
      {canDraft ? (
        <>
          <TextAreaField
            name="summary"
            rows={10}
            required={false}
            label={label('consultations.summary.text', 'Text')}
            value={text}
            onChange={setText}
          />
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => save(null)} data-testid="summary-generate">
              {label('consultations.summary.generate', 'Generate from the decisions')}
            </Button>
            <Button onClick={() => save(text)} disabled={!text.trim()} data-testid="summary-save">
              {label('consultations.summary.save', 'Save the text')}
            </Button>
          </Flex>
        </>
      ) : (
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
          {summary?.text}
        </Typography>
      )}
      {problem && (
        <Typography textColor="danger600" role="alert">
          {problem}
        </Typography>
      )}
    </Section>
  );
};

/** Confirms a step (announce, close — with the reason when early —, submit the summary). */
const StepModal = ({
  action,
  askReason,
  onClose,
  onConfirm,
}: {
  action: ConsultationAction;
  askReason: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<string | null>;
}) => {
  const label = useLabel();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setProblem(await onConfirm(reason));
    setBusy(false);
  };
  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="consultation-step">
        <Modal.Header closeLabel={label('consultations.close', 'Close')}>
          <Modal.Title>{label(`consultations.action.${action}`, action)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{label(`consultations.confirm.${action}`, action)}</Typography>
            {askReason && (
              <TextAreaField
                name="reason"
                required={false}
                label={label('consultations.field.closeReason', 'Reason for closing early')}
                value={reason}
                onChange={setReason}
              />
            )}
            {problem && (
              <Typography textColor="danger600" role="alert">
                {problem}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('consultations.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={confirm} loading={busy} data-testid="consultation-step-confirm">
            {label('consultations.confirm', 'Confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
