import { useState } from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  SATISFACTIONS,
  type InquiryAction,
  type InquiryDetail,
} from '../../../../shared/inquiries/contracts';
import { useLabel } from '../../kernel/useLabel';
import { FormModal } from './FormModal';
import { ChoiceField, TextAreaField, TextField, useDivisions } from './ui';

/** Where each action posts, relative to the case. */
const PATHS: Record<InquiryAction, string> = {
  assign: '/assign',
  answer: '/answer',
  draft_reply: '/reply',
  clear_reply: '/reply/clear',
  return_reply: '/reply/return',
  send_reply: '/reply/send',
  record_satisfaction: '/satisfaction',
  prepare_publication: '/publication',
  dismiss: '/dismiss',
};

type Values = Record<string, string>;

/** The body each action sends, from the form's values (empty optional fields left out). */
const bodyOf = (action: InquiryAction, values: Values, inquiry: InquiryDetail): object => {
  const given = (...names: string[]) =>
    Object.fromEntries(names.filter((name) => values[name]).map((name) => [name, values[name]]));
  switch (action) {
    case 'assign':
      return given('division', 'dueDate');
    case 'answer':
      return given('text', 'date');
    case 'draft_reply':
      return given('text');
    case 'clear_reply':
      return { hash: inquiry.reply?.hash };
    case 'return_reply':
      return { hash: inquiry.reply?.hash, ...given('reason') };
    case 'send_reply':
      return given('date');
    case 'record_satisfaction':
      return given('satisfaction', 'date');
    case 'prepare_publication':
      return given('title', 'question', 'answer');
    case 'dismiss':
      return given('reason');
  }
};

/** One step of a case in a small form; the server's 400 sentence is shown in place. */
export const InquiryActionModal = ({
  action,
  inquiry,
  onClose,
  onDone,
}: {
  action: InquiryAction;
  inquiry: InquiryDetail;
  onClose: () => void;
  onDone: (detail: InquiryDetail) => void;
}) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const divisions = useDivisions();
  const [values, setValues] = useState<Values>({
    division: inquiry.division ?? '',
    satisfaction: 'satisfied',
    text: action === 'draft_reply' ? (inquiry.reply?.text ?? '') : '',
    // The public version starts from the case; staff remove every personal detail.
    title: inquiry.subject,
    question: inquiry.message,
    answer: inquiry.reply?.text ?? '',
  });
  const set = (name: string) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const field = (name: string, fallback: string) => label(`inquiries.field.${name}`, fallback);

  const submit = async () => {
    const { data } = await post<{ data: InquiryDetail }>(
      `/disclosure/inquiries/${inquiry.id}${PATHS[action]}`,
      bodyOf(action, values, inquiry)
    );
    onDone(data.data);
  };

  return (
    <FormModal
      title={label(`inquiries.action.${action}`, action)}
      testId="action-modal"
      danger={action === 'return_reply' || action === 'dismiss'}
      onClose={onClose}
      submit={submit}
    >
      {action === 'assign' && (
        <>
          <ChoiceField
            name="division"
            label={field('division', 'Assign to division')}
            options={divisions.map((d) => [d.code, d.name])}
            value={values.division}
            onChange={set('division')}
          />
          <TextField
            name="dueDate"
            type="date"
            required={false}
            label={field('dueDate', 'Reply due (default: unchanged)')}
            value={values.dueDate ?? ''}
            onChange={set('dueDate')}
          />
        </>
      )}
      {(action === 'answer' || action === 'draft_reply') && (
        <TextAreaField
          name="text"
          label={
            action === 'answer'
              ? field('answer', 'The answer given on the call-back')
              : field('reply', 'Reply')
          }
          value={values.text ?? ''}
          onChange={set('text')}
        />
      )}
      {(action === 'clear_reply' || action === 'return_reply') && inquiry.reply && (
        <Typography style={{ whiteSpace: 'pre-wrap' }}>{inquiry.reply.text}</Typography>
      )}
      {(action === 'return_reply' || action === 'dismiss') && (
        <TextAreaField
          name="reason"
          label={field('reason', 'Reason')}
          value={values.reason ?? ''}
          onChange={set('reason')}
        />
      )}
      {(action === 'send_reply' || action === 'answer' || action === 'record_satisfaction') && (
        <TextField
          name="date"
          type="date"
          required={false}
          label={field('date', 'Date (default: today)')}
          value={values.date ?? ''}
          onChange={set('date')}
        />
      )}
      {action === 'record_satisfaction' && (
        <ChoiceField
          name="satisfaction"
          label={field('satisfaction', 'Satisfaction')}
          options={SATISFACTIONS.map((s) => [s, label(`inquiries.satisfaction.${s}`, s)])}
          value={values.satisfaction}
          onChange={set('satisfaction')}
        />
      )}
      {action === 'prepare_publication' && (
        <>
          <Typography textColor="danger600">
            {label(
              'inquiries.hint.publication',
              'Remove every personal detail (names, contacts, company names) before publishing.'
            )}
          </Typography>
          <TextField
            name="title"
            label={field('publicTitle', 'Public title')}
            value={values.title}
            onChange={set('title')}
          />
          <TextAreaField
            name="question"
            label={field('publicQuestion', 'Public question')}
            value={values.question}
            onChange={set('question')}
          />
          <TextAreaField
            name="answer"
            label={field('publicAnswer', 'Public answer')}
            value={values.answer}
            onChange={set('answer')}
          />
        </>
      )}
    </FormModal>
  );
};
