/**
 * What the consultations routes accept, checked before any service runs: each body and query
 * against a yup schema, handed on typed. A refusal is a 400 naming its field (`details.key`); a
 * field or query parameter the schema does not list is refused by name. The rules that need the
 * stored consultation or the config (the units of the draft, the period of a major decision,
 * the anchor of a comment) are the services'.
 */
import { errors, yup } from '@strapi/utils';
import { isDate } from '../../../shared/kernel/dates';
import {
  ADOPTIONS,
  CONSULTATION_STATES,
  MODERATIONS,
  type AdoptionBody,
  type CloseBody,
  type CommentBody,
  type ConsultationBody,
  type ConsultationState,
  type ModerationBody,
  type SummaryBody,
} from '../../../shared/consultations/contracts';
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

const date = (field: string) =>
  yup
    .string()
    .typeError(`"${field}" must be a date (YYYY-MM-DD).`)
    .test('date', `"${field}" must be a date (YYYY-MM-DD).`, (value) =>
      value === undefined ? true : isDate(value)
    );

const oneOf = <T extends string>(field: string, values: readonly T[]) =>
  yup
    .mixed<T>()
    .oneOf([...values], `"${field}" must be one of ${values.join(', ')}.`)
    .required(`"${field}" must be one of ${values.join(', ')}.`);

const divisionCode = yup
  .string()
  .typeError('"division" must be the code of a division (处室).')
  .matches(/^[A-Za-z0-9_-]{1,32}$/, '"division" must be the code of a division (处室).');

const consultationShape = {
  title: filled('title', 255),
  division: divisionCode.optional(),
  purpose: filled('purpose', 5000),
  draftText: filled('draftText', 100000),
  draftFile: yup
    .number()
    .typeError('"draftFile" must be the id of an uploaded file (or null).')
    .integer('"draftFile" must be the id of an uploaded file (or null).')
    .min(1, '"draftFile" must be the id of an uploaded file (or null).')
    .nullable()
    .optional(),
  opensOn: date('opensOn').required('"opensOn" must be a date (YYYY-MM-DD).'),
  closesOn: date('closesOn').required('"closesOn" must be a date (YYYY-MM-DD).'),
  isMajorDecision: yup.boolean().typeError('"isMajorDecision" must be true or false.').optional(),
  shortenedReason: optional('shortenedReason', 2000),
};

/** POST /disclosure/consultations. */
export const validateConsultation = (input: unknown): ConsultationBody =>
  validateKeyed(body(consultationShape))(input) as ConsultationBody;

/** PUT /disclosure/consultations/:id: the fields to change. */
export const validateConsultationChanges = (input: unknown): Partial<ConsultationBody> =>
  validateKeyed(
    body({
      ...consultationShape,
      title: text('title', 255).matches(/\S/, '"title" must not be blank.').optional(),
      purpose: text('purpose', 5000).matches(/\S/, '"purpose" must not be blank.').optional(),
      draftText: text('draftText', 100000)
        .matches(/\S/, '"draftText" must not be blank.')
        .optional(),
      opensOn: date('opensOn').optional(),
      closesOn: date('closesOn').optional(),
    })
  )(input) as Partial<ConsultationBody>;

/** POST …/comments/:commentId/moderation: a reason to reject. */
export const validateModeration = (input: unknown): ModerationBody => {
  const value = validateKeyed(
    body({ moderation: oneOf('moderation', MODERATIONS), reason: optional('reason', 2000) })
  )(input) as ModerationBody;
  if (value.moderation === 'rejected' && !value.reason?.trim()) {
    throw invalid('"reason" is required to reject a comment (无效意见).', 'reason');
  }
  return value;
};

/** POST …/comments/:commentId/adoption: a reason for 部分采纳 and 未采纳. */
export const validateAdoption = (input: unknown): AdoptionBody => {
  const value = validateKeyed(
    body({ adoption: oneOf('adoption', ADOPTIONS), reason: optional('reason', 2000) })
  )(input) as AdoptionBody;
  if (value.adoption !== 'adopted' && !value.reason?.trim()) {
    throw invalid(
      '"reason" is required when a comment is not adopted or partly adopted (未采纳的理由).',
      'reason'
    );
  }
  return value;
};

/** POST …/close. */
export const validateClose = (input: unknown): CloseBody =>
  validateKeyed(body({ reason: optional('reason', 2000) }))(input);

/** POST …/summary. */
export const validateSummary = (input: unknown): SummaryBody =>
  validateKeyed(body({ text: optional('text', 20000) }))(input);

/** POST …/announce and …/summary/submit: no fields. */
export const validateNothing = (input: unknown): Record<string, never> =>
  validateKeyed(body({}))(input) as Record<string, never>;

export const LIST_FILTERS = ['all', 'active', ...CONSULTATION_STATES] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** GET /disclosure/consultations?state=&page=&pageSize=. */
export function validateListQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['state', 'page', 'pageSize']);
  const { state = 'all' } = query;
  if (!(LIST_FILTERS as readonly unknown[]).includes(state)) {
    throw invalid(`"state" must be one of ${LIST_FILTERS.join(', ')}.`, 'state');
  }
  return { ...pageOf(query), state: state as ListFilter | ConsultationState };
}

/** GET /api/disclosure/consultations?pagination[page]=&pagination[pageSize]=. */
export function validatePublicListQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['pagination']);
  const pagination = (query.pagination ?? {}) as Record<string, unknown>;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) {
    throw invalid('Use pagination[page]=1&pagination[pageSize]=25.', 'pagination');
  }
  const extra = Object.keys(pagination).find((key) => !['page', 'pageSize'].includes(key));
  if (extra) throw invalid(`Unknown parameter "pagination[${extra}]".`, `pagination[${extra}]`);
  return pageOf(pagination);
}

/** GET /api/disclosure/consultations/:id: no query parameters. */
export const validateNoQuery = (query: Record<string, unknown>) => acceptOnly(query, []);

/** POST /api/disclosure/consultations/:id/comments (the website). */
export const validateComment = (input: unknown): CommentBody => {
  const value = validateKeyed(
    body({
      anchor: yup
        .string()
        .typeError('"anchor" must be the anchor of a unit of the draft (e.g. art-3), or null.')
        .max(32, '"anchor" must be the anchor of a unit of the draft (e.g. art-3), or null.')
        .nullable()
        .optional(),
      text: filled('text', 5000),
      name: filled('name', 50),
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
      organisation: optional('organisation', 200),
    })
  )(input) as CommentBody;
  if (!value.phone && !value.email) {
    throw invalid(
      '"phone" or "email" is required, so the office can ask about the comment (never published).',
      'phone'
    );
  }
  return value;
};

/** An id in the path: a whole number, else the same 404 as an unknown one. */
export function idOf(id: string | undefined, what = 'consultation'): number {
  if (!/^\d{1,9}$/.test(id ?? '')) throw new errors.NotFoundError(`No ${what} ${id}.`);
  return Number(id);
}
