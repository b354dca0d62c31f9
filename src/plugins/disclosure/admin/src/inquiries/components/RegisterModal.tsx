import { useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  INQUIRY_CATEGORIES,
  INQUIRY_KINDS,
  REGISTERED_CHANNELS,
  TRANSFER_SOURCES,
  type InquiryDetail,
  type RegisterInquiryBody,
} from '../../../../shared/inquiries/contracts';
import { useLabel } from '../../kernel/useLabel';
import { FormModal, NONE } from './FormModal';
import { ChoiceField, TextAreaField, TextField, useDivisions } from './ui';

/**
 * 登记留言: the coordinator registers a 民心网 case (its number and the platform's deadline), a
 * transfer from 政府公开电话 / 12345 / the enterprise hotline (who and its number), a letter or a
 * hotline form, and may assign it at once.
 */
export const RegisterModal = ({
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
    channel: 'minxin',
    kind: 'consultation',
    category: 'policy',
    subject: '',
    message: '',
    externalNumber: '',
    transferredBy: 'government_hotline',
    platformDueDate: '',
    receivedOn: '',
    division: NONE,
    name: '',
    phone: '',
  });
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const field = (name: string, fallback: string) => label(`inquiries.field.${name}`, fallback);
  const given = (...names: Array<keyof typeof values>) =>
    Object.fromEntries(names.filter((name) => values[name].trim()).map((n) => [n, values[n]]));

  const submit = async () => {
    const body = {
      channel: values.channel,
      kind: values.kind,
      category: values.category,
      subject: values.subject,
      message: values.message,
      ...given('externalNumber', 'receivedOn', 'name', 'phone'),
      ...(values.division !== NONE ? { division: values.division } : {}),
      ...(values.channel === 'hotline' ? { transferredBy: values.transferredBy } : {}),
      ...(values.channel === 'minxin' ? given('platformDueDate') : {}),
    } as RegisterInquiryBody;
    const { data } = await post<{ data: InquiryDetail }>('/disclosure/inquiries', body);
    onDone(data.data.id);
  };

  return (
    <FormModal
      title={label('inquiries.register', 'Register a message')}
      testId="register-inquiry"
      onClose={onClose}
      submit={submit}
    >
      <ChoiceField
        name="channel"
        label={field('channel', 'Channel')}
        options={REGISTERED_CHANNELS.map((c) => [c, label(`inquiries.channel.${c}`, c)])}
        value={values.channel}
        onChange={set('channel')}
      />
      {values.channel === 'hotline' && (
        <ChoiceField
          name="transferredBy"
          label={field('transferredBy', 'Transferred by')}
          options={TRANSFER_SOURCES.map((s) => [s, label(`inquiries.transfer.${s}`, s)])}
          value={values.transferredBy}
          onChange={set('transferredBy')}
        />
      )}
      {(values.channel === 'minxin' || values.channel === 'hotline') && (
        <TextField
          name="externalNumber"
          label={field('externalNumber', 'Case number on the platform or transfer')}
          value={values.externalNumber}
          onChange={set('externalNumber')}
        />
      )}
      {values.channel === 'minxin' && (
        <TextField
          name="platformDueDate"
          type="date"
          required={false}
          label={field('platformDueDate', "The platform's deadline")}
          value={values.platformDueDate}
          onChange={set('platformDueDate')}
        />
      )}
      <ChoiceField
        name="kind"
        label={field('kind', 'Kind')}
        options={INQUIRY_KINDS.map((k) => [k, label(`inquiries.kind.${k}`, k)])}
        value={values.kind}
        onChange={set('kind')}
      />
      <ChoiceField
        name="category"
        label={field('category', 'Category')}
        options={INQUIRY_CATEGORIES.map((c) => [c, label(`inquiries.category.${c}`, c)])}
        value={values.category}
        onChange={set('category')}
      />
      <TextField
        name="subject"
        label={field('subject', 'Subject')}
        value={values.subject}
        onChange={set('subject')}
      />
      <TextAreaField
        name="message"
        label={field('message', 'Message')}
        value={values.message}
        onChange={set('message')}
      />
      <TextField
        name="receivedOn"
        type="date"
        required={false}
        label={field('receivedOn', 'Received on (default: today)')}
        value={values.receivedOn}
        onChange={set('receivedOn')}
      />
      <ChoiceField
        name="division"
        label={field('division', 'Assign to division')}
        options={[
          [NONE, label('inquiries.none', 'None')],
          ...divisions.map((d): [string, string] => [d.code, d.name]),
        ]}
        value={values.division}
        onChange={set('division')}
      />
      <TextField
        name="name"
        required={false}
        label={field('name', 'Name')}
        value={values.name}
        onChange={set('name')}
      />
      <TextField
        name="phone"
        required={false}
        label={field('phone', 'Phone')}
        value={values.phone}
        onChange={set('phone')}
      />
    </FormModal>
  );
};
