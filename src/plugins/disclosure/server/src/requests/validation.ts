/**
 * What the requests routes accept, checked before any service runs: each body, query and path
 * parameter against a yup schema (strict: nothing coerced), handed on typed. A refusal is a 400
 * naming its field — the first in the schema's field order, which is the order the office's
 * forms and the tests rely on. The intake keeps its own validator (domain/intake.ts): its 400
 * lists every field in error at once, in its own shape (decision 0010).
 */
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { beijingDate } from '../../../shared/kernel/dates';
import { FEE_BASES, FEE_NOTICE_ROUTES, MAX_FEE_PAGES } from '../../../shared/requests/fees';
import { OUTCOMES } from '../../../shared/requests/outcomes';
import { PLACEHOLDERS, unknownPlaceholders } from '../../../shared/requests/reply-templates';
import { acceptOnly, pageOf } from '../kernel/controllers/query';
import { isDate, type CalendarOverride } from '../kernel/domain/calendar';
import { lookupProblem, STAFF_CHANNELS, validateIntake, type Intake } from './domain/intake';
import { MAX_EXTENSION_WORKING_DAYS } from './domain/request-deadline';
import { EVENT_TYPES, type HandlingEventType } from './domain/transitions';
import type { FeeBasis, FeeNoticeRoute } from '../../../shared/requests/fees';

/** A 400 naming the field, in the shape the intake's and the status lookup's refusals have. */
export const invalid = (message: string, key: string) =>
  new errors.ValidationError(message, { key, errors: [{ field: key, message }] });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The checker of one schema: the input typed, or the first failure as a 400 naming its field.
 * A field the schema does not list is refused by name, unless `lenient` (it is then ignored).
 */
function validator<S extends yup.AnyObjectSchema>(schema: S, { lenient = false } = {}) {
  const validate = validateYupSchema(schema);
  const known = Object.keys(schema.fields);
  return async (input: unknown): Promise<yup.InferType<S>> => {
    const unknown = isRecord(input) ? Object.keys(input).find((key) => !known.includes(key)) : null;
    if (unknown !== undefined && unknown !== null && !lenient) {
      const takes = known.length ? `it takes ${known.map((key) => `"${key}"`).join(', ')}` : '';
      throw invalid(`Unknown field "${unknown}": ${takes || 'it takes no fields'}.`, unknown);
    }
    try {
      return await validate(input);
    } catch (error) {
      if (!(error instanceof errors.YupValidationError)) throw error;
      const [first] = error.details.errors;
      throw invalid(first.message, first.path[0] ?? '');
    }
  };
}

const object = <T extends Record<string, yup.AnySchema>>(shape: T) =>
  yup.object(shape).typeError('Send the fields as a JSON object.');

/** Text, when given; every failure says `message`. */
const text = (message: string) => yup.string().typeError(message);
/** One of `values`, required. */
const oneOf = <T extends string>(values: readonly T[], message: string) =>
  yup
    .mixed<T>()
    .oneOf([...values], message)
    .required(message);
/** A refusal's sentence, or one made from the value refused. */
type Message = string | ((params: { value?: unknown }) => string);
/** A calendar date (YYYY-MM-DD), when given (`blankIsNone`: '' too, as no date). */
const date = (message: Message, { blankIsNone = false } = {}) =>
  yup
    .string()
    .typeError(message)
    .test(
      'date',
      message,
      (value) => value === undefined || (blankIsNone && !value) || isDate(value)
    );
const requiredDate = (message: Message) => date(message).required(message);
/** Text that says something (not only spaces), at most `max` characters. */
const filled = (message: string, max = Number.MAX_SAFE_INTEGER) =>
  text(message)
    .required(message)
    .max(max, message)
    .test('text', message, (value) => Boolean(value?.trim()));
/** A whole number from `min` to `max`. */
const whole = (message: string, min: number, max: number) =>
  yup.number().typeError(message).integer(message).min(min, message).max(max, message);

// ---- handling events -------------------------------------------------------------------------

const EVENT_TYPE = `"type" must be one of ${EVENT_TYPES.join(', ')}.`;
/** The deadline engine's sentence for a date it cannot count with. */
const notADate: Message = ({ value }) => `"${String(value)}" is not a date`;
const eventDate = () => requiredDate(notADate);
const type = <T extends HandlingEventType>(name: T) => oneOf([name], EVENT_TYPE);

const EXTENSION_DAYS = `An extension is 1 to ${MAX_EXTENSION_WORKING_DAYS} working days.`;
const EXTENSION_REASON = 'An extension needs its approver and a reason.';
const PAGES = `"pages" must be the number of pages supplied, a whole number from 1 to ${MAX_FEE_PAGES}.`;
const DELIVERED_ON =
  '"deliveredOn" is the delivery date (YYYY-MM-DD) of a fee notice sent by post.';

/** What a fee notice charges by: the application's place in the month, or the pages supplied. */
export type FeeCharge = { basis: 'count' } | { basis: 'pages'; pages: number };

/** A handling event as staff record it (the server adds the fee and, if none, the approver). */
export type EventInput =
  | { type: 'correction_requested'; date: string; dueBy?: string }
  | { type: 'corrected'; date: string }
  | { type: 'consultation_ended'; date: string }
  | { type: 'fee_notice_delivered'; date: string }
  | { type: 'fee_paid'; date: string }
  | { type: 'consultation_started'; date: string; party: 'third_party' | 'agency' }
  | {
      type: 'fee_notice';
      date: string;
      via?: FeeNoticeRoute;
      deliveredOn?: string;
      charge: FeeCharge;
    }
  | { type: 'extended'; date: string; days: number; approver?: string; reason: string };

const feeNotice = validator(
  object({
    type: type('fee_notice'),
    via: yup
      .mixed<FeeNoticeRoute>()
      .oneOf([...FEE_NOTICE_ROUTES], `"via" must be one of ${FEE_NOTICE_ROUTES.join(', ')}.`),
    deliveredOn: date(DELIVERED_ON),
    basis: oneOf(FEE_BASES, `"basis" must be one of ${FEE_BASES.join(', ')} (按件 or 按量计收).`),
    pages: whole(PAGES, 1, MAX_FEE_PAGES).when('basis', {
      is: 'pages',
      then: (schema) => schema.required(PAGES),
    }),
    date: eventDate(),
  }),
  { lenient: true }
);

/** The charge a valid fee notice asks for (its pages are there when it charges by pages). */
const chargeOf = (basis: FeeBasis, pages: number | undefined): FeeCharge => {
  if (basis === 'count') return { basis };
  if (pages === undefined) throw invalid(PAGES, 'pages');
  return { basis, pages };
};

const dateOnly = <T extends HandlingEventType>(name: T) =>
  validator(object({ type: type(name), date: eventDate() }), { lenient: true });

/**
 * Each event's fields, in the order today's refusals come: a fee notice's route and basis before
 * its date, an extension's date before its days. Other fields are ignored, as they always were
 * (a client's `amount` for a fee is not taken: the server computes it).
 */
const EVENT_VALIDATORS: {
  [T in HandlingEventType]: (input: unknown) => Promise<Extract<EventInput, { type: T }>>;
} = {
  correction_requested: validator(
    object({
      type: type('correction_requested'),
      date: eventDate(),
      // The admin's form sends '' when its date is cleared: no date to correct by.
      dueBy: date('"dueBy" is the date (YYYY-MM-DD) the applicant is to correct by.', {
        blankIsNone: true,
      }),
    }),
    { lenient: true }
  ),
  corrected: dateOnly('corrected'),
  consultation_ended: dateOnly('consultation_ended'),
  fee_notice_delivered: dateOnly('fee_notice_delivered'),
  fee_paid: dateOnly('fee_paid'),
  consultation_started: validator(
    object({
      type: type('consultation_started'),
      date: eventDate(),
      party: oneOf(
        ['third_party', 'agency'] as const,
        '"party" must be one of third_party, agency.'
      ),
    }),
    { lenient: true }
  ),
  fee_notice: async (input) => {
    const { type: name, date: sent, via, deliveredOn, basis, pages } = await feeNotice(input);
    return { type: name, date: sent, via, deliveredOn, charge: chargeOf(basis, pages) };
  },
  extended: validator(
    object({
      type: type('extended'),
      date: eventDate(),
      days: whole(EXTENSION_DAYS, 1, MAX_EXTENSION_WORKING_DAYS).required(EXTENSION_DAYS),
      approver: text(EXTENSION_REASON),
      reason: text(EXTENSION_REASON).required(EXTENSION_REASON),
    }),
    { lenient: true }
  ),
};
const eventType = validator(object({ type: oneOf(EVENT_TYPES, EVENT_TYPE) }), { lenient: true });

/** POST …/events: a handling event, by its type. */
export async function validateEvent(input: unknown): Promise<EventInput> {
  const { type: name } = await eventType(input);
  return EVENT_VALIDATORS[name](input);
}

// ---- the other steps ---------------------------------------------------------------------------

/** POST …/accept, …/reply/send: no fields. */
export const validateNothing = validator(object({}));

/** POST …/assign { division }: the department's code. */
export const validateAssignment = validator(
  object({
    division: filled('"division" must be the code of a division (处室).'),
  })
);

const OUTCOME = `"outcome" must be one of ${OUTCOMES.join(', ')}.`;
const ATTACHMENT_IDS = '"attachmentIds" must list reply attachments uploaded to this request.';

/** POST …/reply: the outcome; the subject and body when not the template's; reply files by id. */
export const validateDraft: (body: unknown) => Promise<DraftInput> = validator(
  object({
    outcome: oneOf(OUTCOMES, OUTCOME),
    reason: text('"reason" must be text.').nullable(),
    subject: text('"subject" must be text.').nullable(),
    body: text('"body" must be text.').nullable(),
    attachmentIds: yup
      .array(
        yup.number().typeError(ATTACHMENT_IDS).integer(ATTACHMENT_IDS).required(ATTACHMENT_IDS)
      )
      .typeError(ATTACHMENT_IDS),
  })
);
/** A reply drafted: the outcome, and what the office wrote itself. */
export interface DraftInput {
  outcome: string;
  reason?: string | null;
  subject?: string | null;
  body?: string | null;
  attachmentIds?: number[];
}

const STALE =
  'The reply changed since you opened it (or "hash" is missing): reload it and review it again.';
const RETURN_REASON = 'Give a "reason" for returning the reply.';

/** POST …/reply/clear { hash }: the version the reviewer read. */
export const validateClearance = validator(object({ hash: text(STALE) }));

/** POST …/reply/return { reason, hash }. */
export const validateReturn = validator(
  object({
    reason: filled(RETURN_REASON),
    hash: text(STALE),
  })
);

export const PAPER_DELIVERY = ['post', 'in_person', 'fax'] as const;

/** POST …/reply/delivered { date, method }: a cleared reply delivered on paper. */
export const validateDelivery = validator(
  object({
    method: oneOf(PAPER_DELIVERY, `"method" must be one of ${PAPER_DELIVERY.join(', ')}.`),
    date: requiredDate('"date" must be the delivery date, on or after the receipt.'),
  })
);

/** POST …/withdraw { date, reason? }. */
export const validateWithdrawal = validator(
  object({
    date: requiredDate('"date" must be a date from the receipt to today.'),
    reason: text('"reason" must be text.'),
  })
);

/** POST …/proactive { column? }: the catalogue column the draft item goes to. */
export const validateProactive = validator(
  object({ column: text('"column" must be a column code.') })
);

// ---- intake, registration, queries -------------------------------------------------------------

/** The intake, or a 400 listing every field in error (the website's form shows them all). */
export function intakeOf(body: unknown): Intake {
  const result = validateIntake(body);
  if ('errors' in result) {
    throw new errors.ValidationError(
      `The request is incomplete or invalid: ${result.errors.map((error) => error.message).join(' ')}`,
      { errors: result.errors }
    );
  }
  return result.intake;
}

/**
 * The online intake's body: JSON, or multipart with the fields in `data` (JSON, as Strapi's own
 * upload routes take them) and the files in `attachments`; any other multipart field is refused
 * by name. The fields inside `data` are validated with the JSON ones: a `\u0000` escape there
 * decodes to NUL only here, past any guard on the raw body.
 */
export function validateOnlineIntake(request: {
  body?: unknown;
  multipart: boolean;
  fileFields: string[];
}): Intake {
  if (!request.multipart) return intakeOf(request.body);
  const fields = isRecord(request.body) ? request.body : {};
  const unknown = [
    ...Object.keys(fields).filter((field) => field !== 'data'),
    ...request.fileFields.filter((field) => field !== 'attachments'),
  ];
  if (unknown.length) {
    throw invalid(
      `Unknown multipart field(s) ${unknown.map((field) => `"${field}"`).join(', ')}: send the request as JSON in "data" and files in "attachments".`,
      unknown[0]
    );
  }
  if (typeof fields.data !== 'string') {
    throw invalid('"data" must be the request as JSON, sent once.', 'data');
  }
  let data: unknown;
  try {
    data = JSON.parse(fields.data);
  } catch {
    throw invalid('"data" must be the request as JSON.', 'data');
  }
  return intakeOf(data);
}

const staffReceipt = validator(
  object({
    channel: oneOf(STAFF_CHANNELS, `"channel" must be one of ${STAFF_CHANNELS.join(', ')}.`),
    receivedOn: requiredDate('"receivedOn" must be a past date (YYYY-MM-DD).').test(
      'past',
      '"receivedOn" must be a past date (YYYY-MM-DD).',
      (value) => value !== undefined && value <= beijingDate(new Date())
    ),
  }),
  { lenient: true }
);

/** POST /disclosure/requests: a request received on paper, in person, by post or fax. */
export async function validateStaffRegistration(body: unknown) {
  const { channel, receivedOn } = await staffReceipt(body);
  const rest = Object.entries(isRecord(body) ? body : {}).filter(
    ([key]) => key !== 'channel' && key !== 'receivedOn'
  );
  return { channel, receivedOn, intake: intakeOf(Object.fromEntries(rest)) };
}

/** GET /disclosure-requests/status?trackingNumber=&queryCode= */
export function validateStatusQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['trackingNumber', 'queryCode']);
  const { trackingNumber, queryCode } = query;
  const problem = lookupProblem(trackingNumber, queryCode);
  if (problem) throw invalid(problem.message, problem.field);
  return { trackingNumber: String(trackingNumber), queryCode: String(queryCode) };
}

export const LIST_STATES = ['open', 'closed', 'all'] as const;
export type ListState = (typeof LIST_STATES)[number];
const isListState = (value: unknown): value is ListState =>
  LIST_STATES.some((state) => state === value);

/** GET /disclosure/requests?state=&page=&pageSize= */
export function validateListQuery(query: Record<string, unknown>) {
  acceptOnly(query, ['state', 'page', 'pageSize']);
  const { state = 'all' } = query;
  if (!isListState(state)) {
    throw new errors.ValidationError(`"state" must be one of ${LIST_STATES.join(', ')}.`, {
      key: 'state',
    });
  }
  return { ...pageOf(query), state };
}

/** GET …/attachments/:id: a whole number, else the same 404 as an unknown file. */
export function attachmentIdOf(trackingNumber: string, id: string | undefined): number {
  if (!/^\d{1,9}$/.test(id ?? '')) {
    throw new errors.NotFoundError(`Request ${trackingNumber} has no attachment ${id}.`);
  }
  return Number(id);
}

// ---- reply templates, calendar -------------------------------------------------------------------

const templateText = (field: string, max: number) =>
  filled(`"${field}" is required, as text of at most ${max} characters.`, max);

const templateFields = validator(
  object({
    article: templateText('article', 255),
    subject: templateText('subject', 255),
    body: templateText('body', 20000),
  })
);

/** PUT /disclosure/reply-templates/:outcome { article, subject, body }: placeholders known. */
export async function validateTemplate(outcome: string, body: unknown) {
  if (!OUTCOMES.includes(outcome)) {
    throw new errors.ValidationError(OUTCOME, { key: 'outcome' });
  }
  const input = await templateFields(body);
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(input[field]);
    if (unknown.length) {
      throw new errors.ValidationError(
        `"${field}" uses unknown placeholder(s) ${unknown.map((name) => `{{${name}}}`).join(', ')}: the placeholders are ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
        { key: field, placeholders: unknown }
      );
    }
  }
  return {
    outcome,
    template: { article: input.article.trim(), subject: input.subject.trim(), body: input.body },
  };
}

const NOTE = '"note" names the notice (up to 200 characters).';
const overrideFields = validator(
  object({
    isWorking: yup
      .boolean()
      .typeError('"isWorking" must be true or false.')
      .required('"isWorking" must be true or false.'),
    note: filled(NOTE, 200),
  })
);

/** PUT /disclosure/calendar/overrides/:date { isWorking, note }. */
export async function validateCalendarOverride(
  date: string,
  body: unknown
): Promise<CalendarOverride> {
  if (!isDate(date)) {
    throw invalid(`"${String(date)}" is not a date (YYYY-MM-DD).`, 'date');
  }
  const { isWorking, note } = await overrideFields(body);
  return { date, isWorking, note: note.trim() };
}
