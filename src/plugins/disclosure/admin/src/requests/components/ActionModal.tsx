import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { editViewPath } from '../../kernel/paths';
import { addDays, chineseDate, fillTemplate, todayInBeijing } from './labels';
import { FEE_BASES, FEE_NOTICE_ROUTES } from '../../../../shared/requests/fees';
import { useReplyTemplates } from './useReplyTemplates';
import { EVENT_TYPES } from '../../../../shared/requests/states';
import {
  type ProactiveDraft,
  type RequestAction,
  type RequestDetail,
} from '../../../../shared/requests/contracts';

const WITH_DATE: RequestAction[] = [...EVENT_TYPES, 'record_delivery', 'withdraw'];
const WITH_REASON: RequestAction[] = ['extended', 'return_reply', 'withdraw'];
const PARTIES = ['third_party', 'agency'] as const;
/** Actions without fields, explained by a sentence before they are confirmed. */
const CONFIRMED: RequestAction[] = ['accept', 'clear_reply', 'send_reply', 'make_proactive'];
const PAPER_METHODS = ['post', 'in_person', 'fax'] as const;
const DEFAULT_PROACTIVE_COLUMN = 'disclosure-on-request';

type Values = Record<string, string>;
/** Which parts of the reply letter the user has changed from the template. */
type Edited = { subject: boolean; body: boolean };

const initialValues = (request: RequestDetail): Values => {
  const today = todayInBeijing();
  return {
    date: today,
    // The applicant's time to correct is the office's choice; 15 days is a common default.
    dueBy: addDays(today, 15),
    party: 'third_party',
    // By count when the applicant is past the month's free applications, else by pages.
    basis: request.feeByCount > 0 ? 'count' : 'pages',
    // E-mailed (received the day sent) when the applicant gave an address, else posted.
    via: request.email ? 'email' : 'post',
    pages: '',
    approver: '',
    reason: '',
    division: request.division ?? '',
    method: 'post',
    column: DEFAULT_PROACTIVE_COLUMN,
    outcome: request.reply?.outcome ?? '',
    subject: request.reply?.subject ?? '',
    body: request.reply?.body ?? '',
    // The version of the reply on screen: the server clears or returns only that one.
    hash: request.reply?.hash ?? '',
  };
};

/** The path and body of an action's request. */
const requestFor = (
  action: RequestAction,
  values: Values,
  days: number | undefined,
  edited: Edited
): [string, Record<string, unknown>] => {
  if ((EVENT_TYPES as readonly RequestAction[]).includes(action)) {
    const body: Record<string, unknown> = { type: action, date: values.date };
    if (action === 'correction_requested') body.dueBy = values.dueBy;
    if (action === 'consultation_started') body.party = values.party;
    if (action === 'fee_notice') {
      // The server computes the amount; it refuses a notice that would charge nothing.
      body.basis = values.basis;
      if (values.basis === 'pages') body.pages = Number(values.pages);
      body.via = values.via;
    }
    if (action === 'extended') {
      Object.assign(body, { days, reason: values.reason });
      // Left empty, the server records the signed-in person as the approver.
      if (values.approver.trim()) body.approver = values.approver.trim();
    }
    return ['events', body];
  }
  switch (action) {
    case 'assign':
      return ['assign', { division: values.division.trim() }];
    case 'draft_reply': {
      const body: Record<string, unknown> = { outcome: values.outcome };
      if (values.reason.trim()) body.reason = values.reason;
      // Unedited, the server fills the template in itself (with what only it knows).
      if (edited.subject) body.subject = values.subject;
      if (edited.body) body.body = values.body;
      return ['reply', body];
    }
    case 'clear_reply':
      return ['reply/clear', { hash: values.hash }];
    case 'return_reply':
      return ['reply/return', { reason: values.reason, hash: values.hash }];
    case 'send_reply':
      return ['reply/send', {}];
    case 'record_delivery':
      return ['reply/delivered', { date: values.date, method: values.method }];
    case 'withdraw':
      return ['withdraw', { date: values.date, reason: values.reason }];
    case 'make_proactive':
      return ['proactive', { column: values.column.trim() || DEFAULT_PROACTIVE_COLUMN }];
    default:
      return [action, {}];
  }
};

/**
 * One handling step in a small form: the fields it needs (dates default to today in Beijing), the
 * server's 400 sentence shown in place. On success the page shows the request as the server
 * returns it; 转为主动公开 links to the new draft in the Content Manager.
 */
export const ActionModal = ({
  action,
  request,
  onClose,
  onDone,
  onChanged,
}: {
  action: RequestAction;
  request: RequestDetail;
  onClose: () => void;
  /** The request as the server returned it after the action. */
  onDone: (detail: RequestDetail) => void;
  /** The request changed but the answer is not it (转为主动公开): load it again. */
  onChanged: () => void;
}) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const [values, setValues] = useState<Values>(() => initialValues(request));
  const [days, setDays] = useState<number | undefined>(20);
  // A redraft starts from the reply as written, kept unless another outcome is chosen.
  const [edited, setEdited] = useState<Edited>(() => {
    const redraft = Boolean(request.reply);
    return { subject: redraft, body: redraft };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templates] = useReplyTemplates(action === 'draft_reply', setError);
  const [draft, setDraft] = useState<ProactiveDraft | null>(null);
  // 起草答复: files to upload with the letter; the reply's files already uploaded stay attached.
  const [files, setFiles] = useState<File[]>([]);
  const replyFiles = request.attachments.filter((file) => file.kind === 'reply');

  const set = (field: string) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  /**
   * The chosen template's subject and body with what the page knows filled in; a part the user
   * changed is kept unless another outcome is chosen.
   */
  const prefill = (outcome: string, reason: string) => {
    const keep = outcome === values.outcome ? edited : { subject: false, body: false };
    const template = templates?.find((entry) => entry.outcome === outcome);
    if (!template) return;
    const fill = (text: string) =>
      fillTemplate(text, {
        trackingNumber: request.trackingNumber,
        applicantName: request.name ?? '',
        title: request.title,
        receivedOn: chineseDate(request.receivedOn),
        replyDate: chineseDate(todayInBeijing()),
        reason,
        article: template.article,
      });
    setValues((current) => ({
      ...current,
      outcome,
      reason,
      subject: keep.subject ? current.subject : fill(template.subject),
      body: keep.body ? current.body : fill(template.body),
    }));
    setEdited(keep);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    const [path, body] = requestFor(action, values, days, edited);
    try {
      if (action === 'draft_reply') {
        body.attachmentIds = [...replyFiles.map((file) => file.id), ...(await upload())];
      }
      const { data } = await post<{ data: unknown }>(
        `/disclosure/requests/${encodeURIComponent(request.trackingNumber)}/${path}`,
        body
      );
      if (action === 'make_proactive') {
        setDraft(data.data as ProactiveDraft);
        onChanged();
      } else {
        onDone(data.data as RequestDetail);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  /** Uploads the chosen files as reply attachments (multipart `files`); their ids. */
  const upload = async (): Promise<number[]> => {
    if (files.length === 0) return [];
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const { data } = await post<{ data: Array<{ id: number }> }>(
      `/disclosure/requests/${encodeURIComponent(request.trackingNumber)}/attachments`,
      form
    );
    return data.data.map((file) => file.id);
  };

  const title = label(`requestAction.${action}`, action);
  const fields: ReactNode[] = [];
  if (WITH_DATE.includes(action)) {
    fields.push(
      <TextField
        type="date"
        key="date"
        name="date"
        label={label(`field.date.${action}`, 'Date')}
        value={values.date}
        onChange={set('date')}
      />
    );
  }
  if (action === 'correction_requested') {
    fields.push(
      <TextField
        type="date"
        key="dueBy"
        name="dueBy"
        label={label('field.dueBy', 'Applicant to correct by')}
        hint={label('field.dueBy.hint', '')}
        value={values.dueBy}
        onChange={set('dueBy')}
      />
    );
  }
  if (action === 'consultation_started') {
    fields.push(
      <ChoiceField
        key="party"
        name="party"
        label={label('field.party', 'Consulted')}
        options={PARTIES.map((party) => [party, label(`party.${party}`, party)])}
        value={values.party}
        onChange={set('party')}
      />
    );
  }
  if (action === 'fee_notice') {
    fields.push(
      <ChoiceField
        key="basis"
        name="basis"
        label={label('field.basis', 'Charged by')}
        hint={label('field.basis.hint', '', {
          rank: request.monthlyRank,
          fee: request.feeByCount,
        })}
        options={FEE_BASES.map((basis) => [basis, label(`basis.${basis}`, basis)])}
        value={values.basis}
        onChange={set('basis')}
      />
    );
    fields.push(
      <ChoiceField
        key="via"
        name="via"
        label={label('field.via', 'Sent by')}
        hint={label('field.via.hint', '')}
        options={FEE_NOTICE_ROUTES.map((via) => [via, label(`via.${via}`, via)])}
        value={values.via}
        onChange={set('via')}
      />
    );
    if (values.basis === 'pages') {
      fields.push(
        <TextField
          type="number"
          key="pages"
          name="pages"
          label={label('field.pages', 'Pages')}
          hint={label('field.pages.hint', '')}
          value={values.pages}
          onChange={set('pages')}
        />
      );
    }
  }
  if (action === 'extended') {
    fields.push(
      <Field.Root
        key="days"
        name="days"
        required
        hint={label('field.days.hint', '1 to 20 working days')}
      >
        <Field.Label>{label('field.days', 'Working days')}</Field.Label>
        <NumberInput value={days} onValueChange={setDays} step={1} />
        <Field.Hint />
      </Field.Root>,
      <TextField
        key="approver"
        name="approver"
        label={label('field.approver', 'Approved by')}
        hint={label('field.approver.hint', '')}
        required={false}
        value={values.approver}
        onChange={set('approver')}
      />
    );
  }
  if (action === 'assign') {
    fields.push(
      <TextField
        key="division"
        name="division"
        label={label('field.division', 'Division code')}
        hint={label('field.division.hint', '')}
        value={values.division}
        onChange={set('division')}
      />
    );
  }
  if (action === 'draft_reply') {
    fields.push(
      <Field.Root key="outcome" name="outcome" required>
        <Field.Label>{label('field.outcome', 'Outcome')}</Field.Label>
        {templates ? (
          <SingleSelect
            value={values.outcome}
            placeholder={label('field.outcome.placeholder', 'Choose the outcome')}
            onChange={(value: string | number) => prefill(String(value), values.reason)}
            data-testid="reply-outcome"
          >
            {templates.map((template) => (
              <SingleSelectOption key={template.outcome} value={template.outcome}>
                {template.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        ) : (
          <Loader small>{label('requests.loading', 'Loading')}</Loader>
        )}
      </Field.Root>
    );
  }
  if (WITH_REASON.includes(action) || action === 'draft_reply') {
    fields.push(
      <TextAreaField
        key="reason"
        name="reason"
        label={label(`field.reason.${action}`, 'Reason')}
        required={action !== 'draft_reply'}
        value={values.reason}
        onChange={(value) =>
          action === 'draft_reply' && values.outcome
            ? prefill(values.outcome, value)
            : set('reason')(value)
        }
      />
    );
  }
  if (action === 'draft_reply') {
    fields.push(
      <TextField
        key="subject"
        name="subject"
        label={label('field.subject', 'Subject')}
        value={values.subject}
        onChange={(value) => {
          setEdited((current) => ({ ...current, subject: true }));
          set('subject')(value);
        }}
      />,
      <TextAreaField
        key="body"
        name="body"
        label={label('field.body', 'Letter')}
        hint={
          edited.body
            ? label('field.body.edited', 'Saved as written')
            : label('field.body.template', 'Filled in by the server on saving')
        }
        rows={12}
        value={values.body}
        onChange={(value) => {
          setEdited((current) => ({ ...current, body: true }));
          set('body')(value);
        }}
      />
    );
  }
  if (action === 'draft_reply') {
    fields.push(
      <Field.Root key="files" name="files" hint={label('field.replyFiles.hint', '')}>
        <Field.Label>{label('field.replyFiles', 'Files released with the reply')}</Field.Label>
        {replyFiles.length > 0 && (
          <Typography variant="pi" textColor="neutral600">
            {replyFiles.map((file) => file.fileName).join('、')}
          </Typography>
        )}
        <input
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx"
          data-testid="reply-files"
          onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
        />
        <Field.Hint />
      </Field.Root>
    );
  }
  if (action === 'record_delivery') {
    fields.push(
      <ChoiceField
        key="method"
        name="method"
        label={label('field.method', 'Delivered by')}
        options={PAPER_METHODS.map((method) => [method, label(`reply.method.${method}`, method)])}
        value={values.method}
        onChange={set('method')}
      />
    );
  }
  if (action === 'make_proactive') {
    fields.push(
      <TextField
        key="column"
        name="column"
        label={label('field.column', 'Column code')}
        hint={label('field.column.hint', '')}
        value={values.column}
        onChange={set('column')}
      />
    );
  }
  const confirmation = CONFIRMED.includes(action)
    ? label(`requestAction.${action}.confirm`, '')
    : null;

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="action-modal" data-action={action}>
        <Modal.Header closeLabel={label('requests.modal.close', 'Close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {/* Once the draft item exists, only its link is left to show. */}
            {!draft && confirmation && <Typography>{confirmation}</Typography>}
            {!draft && fields}
            {error && (
              <Typography textColor="danger600" data-testid="action-error" role="alert">
                {error}
              </Typography>
            )}
            {draft && (
              <Flex
                direction="column"
                alignItems="flex-start"
                gap={2}
                data-testid="proactive-draft"
              >
                <Typography textColor="success600">
                  {label(
                    'proactive.done',
                    'A draft item was created from the released information.'
                  )}
                </Typography>
                <Link to={editViewPath(draft)} data-testid="proactive-draft-link">
                  <Typography textColor="primary600" fontWeight="semiBold">
                    {label('proactive.open', 'Open the draft in the Content Manager')}
                  </Typography>
                </Link>
              </Flex>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {draft
                ? label('requests.modal.close', 'Close')
                : label('requests.modal.cancel', 'Cancel')}
            </Button>
          </Modal.Close>
          {!draft && (
            <Button
              onClick={submit}
              loading={busy}
              disabled={action === 'draft_reply' && !values.outcome}
              variant={action === 'return_reply' || action === 'withdraw' ? 'danger' : 'default'}
              data-testid="action-submit"
            >
              {label('requests.modal.confirm', 'Confirm')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const TextField = ({
  name,
  label,
  hint,
  required = true,
  type = 'text',
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date' | 'number';
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

/** A required choice among fixed options, given as [value, label]. */
const ChoiceField = ({
  name,
  label,
  hint,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  options: Array<[value: string, label: string]>;
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(choice: string | number) => onChange(String(choice))}>
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
  </Field.Root>
);

const TextAreaField = ({
  name,
  label,
  hint,
  value,
  required = true,
  rows,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  required?: boolean;
  rows?: number;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      rows={rows}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);
