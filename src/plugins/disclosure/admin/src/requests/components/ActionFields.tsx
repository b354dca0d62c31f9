/** The fields of each action's form, in the order the form shows them. */
import type { ComponentType } from 'react';
import {
  Field,
  Loader,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import { FEE_BASES, FEE_NOTICE_ROUTES } from '../../../../shared/requests/fees';
import type { RequestAction, RequestDetail } from '../../../../shared/requests/contracts';
import { WITH_DATE } from './action-request';
import { ChoiceField, TextAreaField, TextField } from '../../kernel/components/form-fields';
import type { ActionForm } from './useActionForm';

const PARTIES = ['third_party', 'agency'] as const;
const PAPER_METHODS = ['post', 'in_person', 'fax'] as const;

type FieldsProps = { action: RequestAction; request: RequestDetail; form: ActionForm };

/** A date first where the action has one, then the action's own fields. */
export const ActionFields = (props: FieldsProps) => {
  const label = useLabel();
  const { action, form } = props;
  const Own = OWN_FIELDS[action];
  return (
    <>
      {WITH_DATE.includes(action) && (
        <TextField
          type="date"
          name="date"
          label={label(`field.date.${action}`, 'Date')}
          value={form.values.date}
          onChange={form.set('date')}
        />
      )}
      {Own && <Own {...props} />}
    </>
  );
};

const CorrectionFields = ({ form }: FieldsProps) => {
  const label = useLabel();
  return (
    <TextField
      type="date"
      name="dueBy"
      label={label('field.dueBy', 'Applicant to correct by')}
      hint={label('field.dueBy.hint', '')}
      value={form.values.dueBy}
      onChange={form.set('dueBy')}
    />
  );
};

const ConsultationFields = ({ form }: FieldsProps) => {
  const label = useLabel();
  return (
    <ChoiceField
      name="party"
      label={label('field.party', 'Consulted')}
      options={PARTIES.map((party) => [party, label(`party.${party}`, party)])}
      value={form.values.party}
      onChange={form.set('party')}
    />
  );
};

const FeeNoticeFields = ({ request, form }: FieldsProps) => {
  const label = useLabel();
  return (
    <>
      <ChoiceField
        name="basis"
        label={label('field.basis', 'Charged by')}
        hint={label('field.basis.hint', '', {
          rank: request.monthlyRank,
          fee: request.feeByCount,
        })}
        options={FEE_BASES.map((basis) => [basis, label(`basis.${basis}`, basis)])}
        value={form.values.basis}
        onChange={form.set('basis')}
      />
      <ChoiceField
        name="via"
        label={label('field.via', 'Sent by')}
        hint={label('field.via.hint', '')}
        options={FEE_NOTICE_ROUTES.map((via) => [via, label(`via.${via}`, via)])}
        value={form.values.via}
        onChange={form.set('via')}
      />
      {form.values.basis === 'pages' && (
        <TextField
          type="number"
          name="pages"
          label={label('field.pages', 'Pages')}
          hint={label('field.pages.hint', '')}
          value={form.values.pages}
          onChange={form.set('pages')}
        />
      )}
    </>
  );
};

const ExtensionFields = (props: FieldsProps) => {
  const label = useLabel();
  const { form } = props;
  return (
    <>
      <Field.Root name="days" required hint={label('field.days.hint', '1 to 20 working days')}>
        <Field.Label>{label('field.days', 'Working days')}</Field.Label>
        <NumberInput value={form.days} onValueChange={form.setDays} step={1} />
        <Field.Hint />
      </Field.Root>
      <TextField
        name="approver"
        label={label('field.approver', 'Approved by')}
        hint={label('field.approver.hint', '')}
        required={false}
        value={form.values.approver}
        onChange={form.set('approver')}
      />
      <ReasonField {...props} />
    </>
  );
};

const AssignFields = ({ form }: FieldsProps) => {
  const label = useLabel();
  return (
    <TextField
      name="division"
      label={label('field.division', 'Division code')}
      hint={label('field.division.hint', '')}
      value={form.values.division}
      onChange={form.set('division')}
    />
  );
};

/** The reason of 延期, 退回 and 撤回 (required), or the grounds of a reply's outcome. */
const ReasonField = ({ action, form }: FieldsProps) => {
  const label = useLabel();
  const isReply = action === 'draft_reply';
  return (
    <TextAreaField
      name="reason"
      label={label(`field.reason.${action}`, 'Reason')}
      required={!isReply}
      value={form.values.reason}
      onChange={(value) =>
        isReply && form.values.outcome
          ? form.prefill(form.values.outcome, value)
          : form.set('reason')(value)
      }
    />
  );
};

/** 起草答复: the outcome (its template prefills the letter), grounds, letter and files. */
const DraftReplyFields = (props: FieldsProps) => {
  const label = useLabel();
  const { form } = props;
  return (
    <>
      <Field.Root name="outcome" required>
        <Field.Label>{label('field.outcome', 'Outcome')}</Field.Label>
        {form.templates ? (
          <SingleSelect
            value={form.values.outcome}
            placeholder={label('field.outcome.placeholder', 'Choose the outcome')}
            onChange={(value: string | number) => form.prefill(String(value), form.values.reason)}
            data-testid="reply-outcome"
          >
            {form.templates.map((template) => (
              <SingleSelectOption key={template.outcome} value={template.outcome}>
                {template.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        ) : (
          <Loader small>{label('requests.loading', 'Loading')}</Loader>
        )}
      </Field.Root>
      <ReasonField {...props} />
      <TextField
        name="subject"
        label={label('field.subject', 'Subject')}
        value={form.values.subject}
        onChange={form.edit('subject')}
      />
      <TextAreaField
        name="body"
        label={label('field.body', 'Letter')}
        hint={
          form.edited.body
            ? label('field.body.edited', 'Saved as written')
            : label('field.body.template', 'Filled in by the server on saving')
        }
        rows={12}
        value={form.values.body}
        onChange={form.edit('body')}
      />
      <ReplyFilesField form={form} />
    </>
  );
};

const ReplyFilesField = ({ form }: Pick<FieldsProps, 'form'>) => {
  const label = useLabel();
  return (
    <Field.Root name="files" hint={label('field.replyFiles.hint', '')}>
      <Field.Label>{label('field.replyFiles', 'Files released with the reply')}</Field.Label>
      {form.replyFiles.length > 0 && (
        <Typography variant="pi" textColor="neutral600">
          {form.replyFiles.map((file) => file.fileName).join('、')}
        </Typography>
      )}
      <input
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx"
        data-testid="reply-files"
        onChange={(event) => form.setFiles(Array.from(event.target.files ?? []))}
      />
      <Field.Hint />
    </Field.Root>
  );
};

const DeliveryFields = ({ form }: FieldsProps) => {
  const label = useLabel();
  return (
    <ChoiceField
      name="method"
      label={label('field.method', 'Delivered by')}
      options={PAPER_METHODS.map((method) => [method, label(`reply.method.${method}`, method)])}
      value={form.values.method}
      onChange={form.set('method')}
    />
  );
};

const ProactiveFields = ({ form }: FieldsProps) => {
  const label = useLabel();
  return (
    <TextField
      name="column"
      label={label('field.column', 'Column code')}
      hint={label('field.column.hint', '')}
      value={form.values.column}
      onChange={form.set('column')}
    />
  );
};

/** The fields of each action after its date; actions missing here have none. */
const OWN_FIELDS: Partial<Record<RequestAction, ComponentType<FieldsProps>>> = {
  correction_requested: CorrectionFields,
  consultation_started: ConsultationFields,
  fee_notice: FeeNoticeFields,
  extended: ExtensionFields,
  assign: AssignFields,
  draft_reply: DraftReplyFields,
  return_reply: ReasonField,
  withdraw: ReasonField,
  record_delivery: DeliveryFields,
  make_proactive: ProactiveFields,
};
