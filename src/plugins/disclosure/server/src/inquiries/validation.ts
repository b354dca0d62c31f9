/**
 * What the inquiries routes accept, checked before any service runs: each body and query against
 * a yup schema (strict: nothing coerced), handed on typed. A refusal is a 400 naming its field
 * (`details.key`); a field the schema does not list is refused by name, so nothing is stored.
 */
import { errors, yup } from '@strapi/utils';
import { beijingDate, isDate } from '../../../shared/kernel/dates';
import {
  INQUIRY_CATEGORIES,
  INQUIRY_CHANNELS,
  INQUIRY_KINDS,
  INQUIRY_URGENCIES,
  PUBLIC_CHANNELS,
  REGISTERED_CHANNELS,
  SATISFACTIONS,
  TRANSFER_SOURCES,
  type AnswerBody,
  type AssignInquiryBody,
  type DismissBody,
  type DraftInquiryReplyBody,
  type InquiryChannel,
  type InquiryIntakeBody,
  type InquiryUrgency,
  type PhoneLogBody,
  type PublicationBody,
  type RegisterInquiryBody,
  type SatisfactionBody,
  type SendInquiryReplyBody,
} from '../../../shared/inquiries/contracts';
import { acceptOnly, pageOf } from '../kernel/controllers/query';
import { objectOf, validateKeyed } from '../kernel/validation';

/** A 400 naming the field. */
export const invalid = (message: string, key: string) =>
  new errors.ValidationError(message, { key, errors: [{ field: key, message }] });

const body = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  objectOf(
    shape,
    (key, known) =>
      `Unknown field "${key}": it takes ${known.map((name) => `"${name}"`).join(', ') || 'no fields'}.`
  )
    .typeError('Send the fields as a JSON object.')
    .strict();

/** C0 control characters (NUL cannot be stored in PostgreSQL text); multiline keeps tab and breaks. */
const noControl = (field: string, multiline: boolean) => ({
  name: 'no-control',
  message: multiline
    ? `"${field}" must not contain control characters other than tab and line breaks.`
    : `"${field}" must not contain control characters.`,
  test: (value: unknown) =>
    typeof value !== 'string' ||
    ![...value].some((char) => {
      const code = char.charCodeAt(0);
      const control = code < 0x20 || code === 0x7f;
      return control && !(multiline && (code === 0x09 || code === 0x0a || code === 0x0d));
    }),
});

const text = (field: string, max: number, multiline = false) =>
  yup
    .string()
    .typeError(`"${field}" must be text of at most ${max} characters.`)
    .max(max, `"${field}" must be text of at most ${max} characters.`)
    .test(noControl(field, multiline));
const filled = (field: string, max: number, multiline = false) =>
  text(field, max, multiline)
    .required(`"${field}" is required (text of at most ${max} characters).`)
    .matches(/\S/, `"${field}" is required (text of at most ${max} characters).`);
const optional = (field: string, max: number, multiline = false) =>
  text(field, max, multiline).nullable().optional();

const oneOf = <T extends string>(field: string, values: readonly T[]) =>
  yup
    .mixed<T>()
    .oneOf([...values], `"${field}" must be one of ${values.join(', ')}.`)
    .required(`"${field}" must be one of ${values.join(', ')}.`);
const maybeOneOf = <T extends string>(field: string, values: readonly T[]) =>
  yup
    .mixed<T>()
    .oneOf([...values, null], `"${field}" must be one of ${values.join(', ')}.`)
    .nullable()
    .optional();

/** A date YYYY-MM-DD, when given, not in the future. */
const pastDate = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be a date (YYYY-MM-DD), not in the future.`)
    .test(
      'past-date',
      `"${field}" must be a date (YYYY-MM-DD), not in the future.`,
      (value) => value === undefined || (isDate(value) && value <= beijingDate(new Date()))
    )
    .optional();
const anyDate = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be a date (YYYY-MM-DD).`)
    .test(
      'date',
      `"${field}" must be a date (YYYY-MM-DD).`,
      (value) => value === undefined || value === null || isDate(value)
    )
    .nullable()
    .optional();

const phone = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be a telephone number (digits).`)
    .matches(/^[0-9+\-() ]{5,30}$/, `"${field}" must be a telephone number (digits).`);
const email = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be an e-mail address.`)
    .matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, `"${field}" must be an e-mail address.`)
    .max(254, `"${field}" must be an e-mail address.`)
    .nullable()
    .optional();
const consent = yup.boolean().typeError('"publicConsent" must be true or false.').optional();

const divisionCode = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be the code of a division (处室).`)
    .matches(/^[A-Za-z0-9_-]{1,32}$/, `"${field}" must be the code of a division (处室).`);

/** The website's form: the channel, what it is about, who writes and how to reach them. */
const intake = body({
  channel: oneOf('channel', PUBLIC_CHANNELS),
  kind: oneOf('kind', INQUIRY_KINDS),
  category: oneOf('category', INQUIRY_CATEGORIES),
  subject: filled('subject', 100),
  message: filled('message', 2000, true),
  name: filled('name', 50),
  phone: phone('phone').required('"phone" must be a telephone number (digits).'),
  email: email('email'),
  publicConsent: consent,
});

/** POST /api/disclosure/inquiries. */
export const validateIntake = (input: unknown): InquiryIntakeBody =>
  validateKeyed(intake)(input) as InquiryIntakeBody;

const TRACKING_NUMBER = /^LY\d{8}-\d{6}$/;
const QUERY_CODE = /^[A-Za-z0-9_-]{8}$/;

/** GET /api/disclosure/inquiries/status?trackingNumber=&queryCode= */
export function validateStatusQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['trackingNumber', 'queryCode']);
  const { trackingNumber, queryCode } = query;
  if (typeof trackingNumber !== 'string' || !TRACKING_NUMBER.test(trackingNumber)) {
    throw invalid('"trackingNumber" is written like LY20181105-000123.', 'trackingNumber');
  }
  if (typeof queryCode !== 'string' || !QUERY_CODE.test(queryCode)) {
    throw invalid(
      '"queryCode" is the 8 letters, digits, "-" or "_" given when the message was sent.',
      'queryCode'
    );
  }
  return { trackingNumber, queryCode };
}

/** POST /disclosure/inquiries/phone: the phone desk's quick log. */
export const validatePhoneLog = (input: unknown): PhoneLogBody =>
  validateKeyed(
    body({
      category: oneOf('category', INQUIRY_CATEGORIES),
      question: filled('question', 2000, true),
      answer: optional('answer', 2000, true),
      kind: maybeOneOf('kind', INQUIRY_KINDS),
      callerName: optional('callerName', 50),
      callerPhone: phone('callerPhone').nullable().optional(),
      division: divisionCode('division').nullable().optional(),
      receivedOn: pastDate('receivedOn'),
      publicConsent: consent,
    })
  )(input) as PhoneLogBody;

/** POST /disclosure/inquiries: a 民心网 case (its number), a transfer (who and its number) … */
export const validateRegistration = (input: unknown): RegisterInquiryBody => {
  const value = validateKeyed(
    body({
      channel: oneOf('channel', REGISTERED_CHANNELS),
      kind: oneOf('kind', INQUIRY_KINDS),
      category: oneOf('category', INQUIRY_CATEGORIES),
      subject: filled('subject', 100),
      message: filled('message', 5000, true),
      externalNumber: optional('externalNumber', 64),
      transferredBy: maybeOneOf('transferredBy', TRANSFER_SOURCES),
      platformDueDate: anyDate('platformDueDate'),
      receivedOn: pastDate('receivedOn'),
      division: divisionCode('division').nullable().optional(),
      name: optional('name', 50),
      phone: phone('phone').nullable().optional(),
      email: email('email'),
      publicConsent: consent,
    })
  )(input) as RegisterInquiryBody;
  if (value.channel === 'minxin' && !value.externalNumber?.trim()) {
    throw invalid('"externalNumber" is required: the 民心网 case number.', 'externalNumber');
  }
  if (value.channel === 'hotline') {
    if (!value.transferredBy) {
      throw invalid(
        `"transferredBy" is required for a transfer (转办): one of ${TRANSFER_SOURCES.join(', ')}.`,
        'transferredBy'
      );
    }
    if (!value.externalNumber?.trim()) {
      throw invalid(
        '"externalNumber" is required: the transfer’s number (工单号).',
        'externalNumber'
      );
    }
  } else if (value.transferredBy) {
    throw invalid('"transferredBy" is given for a hotline transfer only.', 'transferredBy');
  }
  if (value.platformDueDate) {
    if (value.channel !== 'minxin') {
      throw invalid('"platformDueDate" is the 民心网 platform’s deadline only.', 'platformDueDate');
    }
    if (value.platformDueDate < (value.receivedOn ?? beijingDate(new Date()))) {
      throw invalid('"platformDueDate" must be on or after the receipt date.', 'platformDueDate');
    }
  }
  return value;
};

/** POST …/assign. */
export const validateAssignment = (input: unknown): AssignInquiryBody =>
  validateKeyed(
    body({
      division: divisionCode('division').required(
        '"division" must be the code of a division (处室).'
      ),
      dueDate: anyDate('dueDate'),
    })
  )(input) as AssignInquiryBody;

/** POST …/answer (a phone call answered on the call-back). */
export const validateAnswer = (input: unknown): AnswerBody =>
  validateKeyed(body({ text: filled('text', 5000, true), date: pastDate('date') }))(
    input
  ) as AnswerBody;

/** POST …/reply. */
export const validateDraft = (input: unknown): DraftInquiryReplyBody =>
  validateKeyed(body({ text: filled('text', 10000, true) }))(input) as DraftInquiryReplyBody;

const hash = yup
  .string()
  .typeError('"hash" must be the hash of the reply you reviewed.')
  .required('"hash" must be the hash of the reply you reviewed.');

/** POST …/reply/clear. */
export const validateClearance = (input: unknown): { hash: string } =>
  validateKeyed(body({ hash }))(input);

/** POST …/reply/return. */
export const validateReturn = (input: unknown): { hash: string; reason: string } =>
  validateKeyed(body({ hash, reason: filled('reason', 2000, true) }))(input);

/** POST …/reply/send. */
export const validateSend = (input: unknown): SendInquiryReplyBody =>
  validateKeyed(body({ date: pastDate('date') }))(input) as SendInquiryReplyBody;

/** POST …/satisfaction. */
export const validateSatisfaction = (input: unknown): SatisfactionBody =>
  validateKeyed(
    body({ satisfaction: oneOf('satisfaction', SATISFACTIONS), date: pastDate('date') })
  )(input) as SatisfactionBody;

/** POST …/dismiss. */
export const validateDismissal = (input: unknown): DismissBody =>
  validateKeyed(body({ reason: filled('reason', 2000, true) }))(input) as DismissBody;

/** POST …/publication: the public version, personal data removed by the writer. */
export const validatePublication = (input: unknown): PublicationBody =>
  validateKeyed(
    body({
      title: filled('title', 200),
      question: filled('question', 5000, true),
      answer: filled('answer', 10000, true),
    })
  )(input) as PublicationBody;

export const LIST_STATES = ['open', 'closed', 'dismissed', 'all'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** GET /disclosure/inquiries?channel=&state=&urgency=&page=&pageSize=. */
export function validateListQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['channel', 'state', 'urgency', 'page', 'pageSize']);
  const { state = 'open', channel, urgency } = query;
  if (!(LIST_STATES as readonly unknown[]).includes(state)) {
    throw invalid(`"state" must be one of ${LIST_STATES.join(', ')}.`, 'state');
  }
  if (channel !== undefined && !(INQUIRY_CHANNELS as readonly unknown[]).includes(channel)) {
    throw invalid(`"channel" must be one of ${INQUIRY_CHANNELS.join(', ')}.`, 'channel');
  }
  if (urgency !== undefined && !(INQUIRY_URGENCIES as readonly unknown[]).includes(urgency)) {
    throw invalid(`"urgency" must be one of ${INQUIRY_URGENCIES.join(', ')}.`, 'urgency');
  }
  return {
    ...pageOf(query),
    state: state as ListState,
    channel: channel as InquiryChannel | undefined,
    urgency: urgency as InquiryUrgency | undefined,
  };
}

/** The case's id in the path: a whole number, else the same 404 as an unknown case. */
export function inquiryIdOf(id: string | undefined): number {
  if (!/^\d{1,9}$/.test(id ?? '')) throw new errors.NotFoundError(`No inquiry ${id}.`);
  return Number(id);
}
