import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  FEEDBACKS,
  FEEDBACK_LABELS,
  PUBLICATION_LABELS,
  PUBLICATION_MODES,
  RESULT_CLASSES,
  RESULT_CLASS_LABELS,
  type ProposalAction,
  type ProposalDetail,
} from '../../../../shared/proposals/contracts';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { DivisionFields } from './DivisionFields';
import { ChoiceField, TextAreaField, TextField } from './ui';

/** Where each action posts, relative to the case. */
const PATHS: Record<ProposalAction, string> = {
  assign: '/assign',
  submit_opinion: '/opinions',
  draft_reply: '/reply',
  clear_reply: '/reply/clear',
  return_reply: '/reply/return',
  send_reply: '/reply/send',
  record_feedback: '/feedback',
  decide_publication: '/publication',
};

type Values = Record<string, string>;

/** The body each action sends, from the form's values (empty optional fields left out). */
const bodyOf = (action: ProposalAction, values: Values, proposal: ProposalDetail): object => {
  const given = (...names: string[]) =>
    Object.fromEntries(names.filter((name) => values[name]).map((name) => [name, values[name]]));
  switch (action) {
    case 'assign':
      return {
        lead: values.lead,
        coHandlers: values.coHandlers ? values.coHandlers.split(',') : [],
        ...given('dueDate'),
      };
    case 'submit_opinion':
      return given('text', 'division');
    case 'draft_reply':
      return given('resultClass', 'answer');
    case 'clear_reply':
      return { hash: proposal.reply?.hash };
    case 'return_reply':
      return { hash: proposal.reply?.hash, ...given('reason') };
    case 'send_reply':
      return given('date');
    case 'record_feedback':
      return given('feedback', 'date', 'comment');
    case 'decide_publication':
      return given('mode', 'summary', 'reason');
  }
};

/** One step of a case in a small form; the server's 400 sentence is shown in place. */
export const ProposalActionModal = ({
  action,
  proposal,
  onClose,
  onDone,
}: {
  action: ProposalAction;
  proposal: ProposalDetail;
  onClose: () => void;
  onDone: (detail: ProposalDetail) => void;
}) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const [values, setValues] = useState<Values>({
    lead: proposal.lead,
    resultClass: 'A',
    feedback: 'satisfied',
    mode: 'full',
  });
  const [coHandlers, setCoHandlers] = useState<string[]>(proposal.coHandlers);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const field = (name: string, fallback: string) => label(`proposals.field.${name}`, fallback);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<{ data: ProposalDetail }>(
        `/disclosure/proposals/${proposal.id}${PATHS[action]}`,
        bodyOf(action, { ...values, coHandlers: coHandlers.join(',') }, proposal)
      );
      onDone(data.data);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="action-modal" data-action={action}>
        <Modal.Header closeLabel={label('proposals.close', 'Close')}>
          <Modal.Title>{label(`proposals.action.${action}`, action)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {action === 'assign' && (
              <>
                <DivisionFields
                  lead={values.lead}
                  coHandlers={coHandlers}
                  onLead={set('lead')}
                  onCoHandlers={setCoHandlers}
                />
                <TextField
                  name="dueDate"
                  type="date"
                  required={false}
                  label={field('dueDate', 'Reply due')}
                  value={values.dueDate ?? ''}
                  onChange={set('dueDate')}
                />
              </>
            )}
            {action === 'submit_opinion' && proposal.role === 'all' && (
              <ChoiceField
                name="division"
                label={field('division', 'For the co-handler division')}
                options={proposal.coHandlerOpinions.map((co) => [co.division, co.divisionName])}
                value={values.division ?? ''}
                onChange={set('division')}
              />
            )}
            {action === 'submit_opinion' && (
              <TextAreaField
                name="text"
                label={field('opinion', 'Opinion to the lead division')}
                value={values.text ?? ''}
                onChange={set('text')}
              />
            )}
            {action === 'draft_reply' && (
              <>
                <ChoiceField
                  name="resultClass"
                  label={field('resultClass', 'Result class')}
                  options={RESULT_CLASSES.map((c) => [c, RESULT_CLASS_LABELS[c]])}
                  value={values.resultClass}
                  onChange={set('resultClass')}
                />
                <TextAreaField
                  name="answer"
                  label={field('answer', 'The answer (filled into the letter template)')}
                  value={values.answer ?? ''}
                  onChange={set('answer')}
                />
              </>
            )}
            {(action === 'clear_reply' || action === 'return_reply') && proposal.reply && (
              <Typography style={{ whiteSpace: 'pre-wrap' }}>{proposal.reply.body}</Typography>
            )}
            {action === 'return_reply' && (
              <TextAreaField
                name="reason"
                label={field('reason', 'Reason')}
                value={values.reason ?? ''}
                onChange={set('reason')}
              />
            )}
            {action === 'send_reply' && (
              <TextField
                name="date"
                type="date"
                required={false}
                label={field('sentOn', 'Sent on (default: today)')}
                value={values.date ?? ''}
                onChange={set('date')}
              />
            )}
            {action === 'record_feedback' && (
              <>
                <ChoiceField
                  name="feedback"
                  label={field('feedback', 'Feedback')}
                  options={FEEDBACKS.map((f) => [f, FEEDBACK_LABELS[f]])}
                  value={values.feedback}
                  onChange={set('feedback')}
                />
                <TextAreaField
                  name="comment"
                  required={false}
                  label={field('comment', 'Comment')}
                  value={values.comment ?? ''}
                  onChange={set('comment')}
                />
              </>
            )}
            {action === 'decide_publication' && (
              <>
                <ChoiceField
                  name="mode"
                  label={field('mode', 'Publication')}
                  options={PUBLICATION_MODES.map((m) => [m, PUBLICATION_LABELS[m]])}
                  value={values.mode}
                  onChange={set('mode')}
                />
                {values.mode === 'summary' && (
                  <TextAreaField
                    name="summary"
                    label={field('summary', 'Summary to publish')}
                    value={values.summary ?? ''}
                    onChange={set('summary')}
                  />
                )}
                {values.mode === 'none' && (
                  <TextAreaField
                    name="reason"
                    label={field('reasonNone', 'Why it is not published')}
                    value={values.reason ?? ''}
                    onChange={set('reason')}
                  />
                )}
              </>
            )}
            {error && (
              <Typography textColor="danger600" role="alert" data-testid="action-error">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('proposals.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button
            onClick={submit}
            loading={busy}
            variant={action === 'return_reply' ? 'danger' : 'default'}
            data-testid="action-submit"
          >
            {label('proposals.confirm', 'Confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
