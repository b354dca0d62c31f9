/**
 * What the proposals routes accept, checked before any service runs: each body and query against
 * a yup schema, handed on typed. A refusal is a 400 naming its field (`details.key`, e.g.
 * `proposers[0].name`); a field the schema does not list is refused by name.
 */
import { errors, yup } from '@strapi/utils';
import { beijingDate, isDate } from '../../../shared/kernel/dates';
import {
  FEEDBACKS,
  PROPOSAL_KINDS,
  PROPOSAL_STATES,
  PUBLICATION_MODES,
  RESULT_CLASSES,
  type AssignProposalBody,
  type DraftProposalReplyBody,
  type FeedbackBody,
  type OpinionBody,
  type ProposalKind,
  type PublicationBody,
  type RegisterProposalBody,
  type SendProposalReplyBody,
} from '../../../shared/proposals/contracts';
import {
  PROPOSAL_PLACEHOLDERS,
  unknownProposalPlaceholders,
} from '../../../shared/proposals/reply-templates';
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

const text = (field: string, max: number) =>
  yup
    .string()
    .typeError(`"${field}" must be text of at most ${max} characters.`)
    .max(max, `"${field}" must be text of at most ${max} characters.`);
const filled = (field: string, max: number) =>
  text(field, max)
    .required(`"${field}" is required (text of at most ${max} characters).`)
    .matches(/\S/, `"${field}" is required (text of at most ${max} characters).`);
const optional = (field: string, max: number) => text(field, max).nullable().optional();

const oneOf = <T extends string>(field: string, values: readonly T[]) =>
  yup
    .mixed<T>()
    .oneOf([...values], `"${field}" must be one of ${values.join(', ')}.`)
    .required(`"${field}" must be one of ${values.join(', ')}.`);

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
      (value) => value === undefined || isDate(value)
    )
    .optional();

const divisionCode = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be the code of a division (处室).`)
    .matches(/^[A-Za-z0-9_-]{1,32}$/, `"${field}" must be the code of a division (处室).`);

const coHandlers = yup
  .array()
  .typeError('"coHandlers" must be a list of division codes.')
  .of(divisionCode('coHandlers').required())
  .max(10, '"coHandlers" lists at most 10 divisions.')
  .optional();

const proposer = body({
  name: filled('name', 50),
  delegation: optional('delegation', 100),
  phone: yup
    .string()
    .typeError('"phone" must be a telephone number.')
    .matches(/^[0-9+\-() ]{5,30}$/, '"phone" must be a telephone number.')
    .nullable()
    .optional(),
  email: yup
    .string()
    .typeError('"email" must be an e-mail address.')
    .email('"email" must be an e-mail address.')
    .max(200, '"email" must be an e-mail address.')
    .nullable()
    .optional(),
  address: optional('address', 200),
});

const registration = body({
  kind: oneOf('kind', PROPOSAL_KINDS),
  term: filled('term', 30),
  meeting: filled('meeting', 30),
  number: yup
    .string()
    .typeError('"number" must be the number the congress or conference gave it (digits).')
    .matches(
      /^\d{1,6}$/,
      '"number" must be the number the congress or conference gave it (digits).'
    )
    .required('"number" must be the number the congress or conference gave it (digits).'),
  title: filled('title', 255),
  content: filled('content', 20000),
  proposers: yup
    .array()
    .typeError('"proposers" must list the deputies or members (at least one, at most 50).')
    .of(proposer)
    .min(1, '"proposers" must list the deputies or members (at least one, at most 50).')
    .max(50, '"proposers" must list the deputies or members (at least one, at most 50).')
    .required('"proposers" must list the deputies or members (at least one, at most 50).'),
  lead: divisionCode('lead').required('"lead" must be the code of a division (处室).'),
  coHandlers,
  assignedOn: pastDate('assignedOn'),
  dueDate: anyDate('dueDate'),
});

/** POST /disclosure/proposals. */
export const validateRegistration = (input: unknown): RegisterProposalBody => {
  const value = validateKeyed(registration)(input) as RegisterProposalBody;
  if (value.dueDate && value.dueDate < (value.assignedOn ?? beijingDate(new Date()))) {
    throw invalid('"dueDate" must be on or after the assignment date.', 'dueDate');
  }
  return value;
};

/** POST …/assign. */
export const validateAssignment = (input: unknown): AssignProposalBody =>
  validateKeyed(
    body({
      lead: divisionCode('lead').required('"lead" must be the code of a division (处室).'),
      coHandlers,
      dueDate: anyDate('dueDate'),
    })
  )(input) as AssignProposalBody;

/** POST …/opinions. */
export const validateOpinion = (input: unknown): OpinionBody =>
  validateKeyed(
    body({ text: filled('text', 20000), division: divisionCode('division').optional() })
  )(input) as OpinionBody;

/** POST …/reply. */
export const validateDraft = (input: unknown): DraftProposalReplyBody =>
  validateKeyed(
    body({
      resultClass: oneOf('resultClass', RESULT_CLASSES),
      answer: filled('answer', 20000),
      subject: optional('subject', 255),
      body: optional('body', 40000),
    })
  )(input) as DraftProposalReplyBody;

const hash = yup
  .string()
  .typeError('"hash" must be the hash of the reply you reviewed.')
  .required('"hash" must be the hash of the reply you reviewed.');

/** POST …/reply/clear. */
export const validateClearance = (input: unknown): { hash: string } =>
  validateKeyed(body({ hash }))(input);

/** POST …/reply/return. */
export const validateReturn = (input: unknown): { hash: string; reason: string } =>
  validateKeyed(body({ hash, reason: filled('reason', 2000) }))(input);

/** POST …/reply/send. */
export const validateSend = (input: unknown): SendProposalReplyBody =>
  validateKeyed(body({ date: pastDate('date') }))(input);

/** POST …/feedback. */
export const validateFeedback = (input: unknown): FeedbackBody =>
  validateKeyed(
    body({
      feedback: oneOf('feedback', FEEDBACKS),
      date: pastDate('date'),
      comment: optional('comment', 2000),
    })
  )(input) as FeedbackBody;

/** POST …/publication: a summary for 摘要, a reason for 不公开. */
export const validatePublication = (input: unknown): PublicationBody => {
  const value = validateKeyed(
    body({
      mode: oneOf('mode', PUBLICATION_MODES),
      summary: optional('summary', 5000),
      reason: optional('reason', 2000),
    })
  )(input) as PublicationBody;
  if (value.mode === 'summary' && !value.summary) {
    throw invalid('"summary" is required to publish a summary (摘要公开).', 'summary');
  }
  if (value.mode === 'none' && !value.reason) {
    throw invalid('"reason" is required when the reply is not published (不公开).', 'reason');
  }
  return value;
};

export const LIST_FILTERS = ['open', 'all', ...PROPOSAL_STATES] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** GET /disclosure/proposals?state=&kind=&page=&pageSize=. */
export function validateListQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['state', 'kind', 'page', 'pageSize']);
  const { state = 'all', kind } = query;
  if (!(LIST_FILTERS as readonly unknown[]).includes(state)) {
    throw invalid(`"state" must be one of ${LIST_FILTERS.join(', ')}.`, 'state');
  }
  if (kind !== undefined && !(PROPOSAL_KINDS as readonly unknown[]).includes(kind)) {
    throw invalid(`"kind" must be one of ${PROPOSAL_KINDS.join(', ')}.`, 'kind');
  }
  return {
    ...pageOf(query),
    state: state as ListFilter,
    kind: kind as ProposalKind | undefined,
  };
}

/** The case's id in the path: a whole number, else the same 404 as an unknown case. */
export function proposalIdOf(id: string | undefined): number {
  if (!/^\d{1,9}$/.test(id ?? '')) throw new errors.NotFoundError(`No proposal ${id}.`);
  return Number(id);
}

/** PUT /disclosure/proposal-reply-templates/:kind. */
export function validateTemplate(kind: string, input: unknown) {
  if (!(PROPOSAL_KINDS as readonly string[]).includes(kind)) {
    throw new errors.NotFoundError(`No reply template for "${kind}".`);
  }
  const value = validateKeyed(
    body({ subject: filled('subject', 255), body: filled('body', 20000) })
  )(input);
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownProposalPlaceholders(value[field]);
    if (unknown.length) {
      throw invalid(
        `"${field}" names unknown placeholder(s) ${unknown.map((name) => `{{${name}}}`).join(', ')}: use ${PROPOSAL_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
        field
      );
    }
  }
  return { kind: kind as ProposalKind, ...value };
}
