import { useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  INQUIRY_CATEGORIES,
  type InquiryDetail,
  type PhoneLogBody,
} from '../../../../shared/inquiries/contracts';
import { useLabel } from '../../kernel/useLabel';
import { FormModal, NONE } from './FormModal';
import { ChoiceField, TextAreaField, TextField, useDivisions } from './ui';

/**
 * 电话登记: the phone desk logs a call in under a minute — the category, the question, and the
 * answer given on the call (the call is then closed) or, for a call-back, the caller's number and
 * the division that calls back.
 */
export const PhoneLogModal = ({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (id: number) => void;
}) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const divisions = useDivisions();
  const [values, setValues] = useState({
    category: 'policy',
    question: '',
    answer: '',
    callerPhone: '',
    division: NONE,
  });
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const submit = async () => {
    const body: PhoneLogBody = {
      category: values.category as PhoneLogBody['category'],
      question: values.question,
      ...(values.answer.trim() ? { answer: values.answer } : {}),
      ...(values.callerPhone.trim() ? { callerPhone: values.callerPhone.trim() } : {}),
      ...(values.division !== NONE ? { division: values.division } : {}),
    };
    const { data } = await post<{ data: InquiryDetail }>('/disclosure/inquiries/phone', body);
    onDone(data.data.id);
  };

  return (
    <FormModal
      title={label('inquiries.phone', 'Log a call')}
      testId="phone-log"
      onClose={onClose}
      submit={submit}
    >
      <ChoiceField
        name="category"
        label={label('inquiries.field.category', 'Category')}
        options={INQUIRY_CATEGORIES.map((c) => [c, label(`inquiries.category.${c}`, c)])}
        value={values.category}
        onChange={set('category')}
      />
      <TextAreaField
        name="question"
        rows={2}
        label={label('inquiries.field.question', 'Question')}
        value={values.question}
        onChange={set('question')}
      />
      <TextAreaField
        name="answer"
        rows={2}
        required={false}
        label={label('inquiries.field.answerOnCall', 'Answer given on the call')}
        hint={label(
          'inquiries.hint.answerOnCall',
          'With an answer the call is closed at once; leave it empty for a call-back.'
        )}
        value={values.answer}
        onChange={set('answer')}
      />
      <TextField
        name="callerPhone"
        required={false}
        label={label('inquiries.field.callerPhone', "Caller's phone (for a call-back)")}
        value={values.callerPhone}
        onChange={set('callerPhone')}
      />
      <ChoiceField
        name="division"
        label={label('inquiries.field.callBackDivision', 'Division that calls back')}
        options={[
          [NONE, label('inquiries.none', 'None')],
          ...divisions.map((d): [string, string] => [d.code, d.name]),
        ]}
        value={values.division}
        onChange={set('division')}
      />
    </FormModal>
  );
};
