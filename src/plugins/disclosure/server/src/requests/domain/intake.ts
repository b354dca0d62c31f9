/**
 * A disclosure request as the website submits it (条例 Art. 29): who asks, how to reach them, what
 * they seek, in what form and by what route. Validated here, field by field, so a refusal names
 * the field. Pure.
 */

import {
  APPLICANT_TYPES,
  DELIVERY_ROUTES,
  FORMS,
  ID_TYPES,
  type ApplicantType,
} from '../../../../shared/requests/contracts';

export { APPLICANT_TYPES, DELIVERY_ROUTES, FORMS, ID_TYPES, type ApplicantType };

/** How a request came in: online through the website, or to the office by the other routes. */
export const CHANNELS = ['online', 'paper', 'in_person', 'post', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The routes staff register a request from, with its actual date of receipt. */
export const STAFF_CHANNELS = ['paper', 'in_person', 'post', 'fax'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** How the timeline names each channel. */
export const CHANNEL_TEXT: Record<Channel, string> = {
  online: '网上申请',
  paper: '书面',
  in_person: '当面',
  post: '邮寄',
  fax: '传真',
};

export interface Intake {
  applicantType: ApplicantType;
  /** The person's name, or the organisation's for 法人或其他组织. */
  name: string;
  /** For 法人或其他组织: the contact person. */
  contactPerson: string | null;
  idType: (typeof ID_TYPES)[number];
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  postcode: string | null;
  title: string;
  docNumber: string | null;
  description: string | null;
  form: (typeof FORMS)[number];
  delivery: (typeof DELIVERY_ROUTES)[number];
}

export interface FieldError {
  field: string;
  message: string;
}

const FIELDS: Record<
  keyof Intake,
  {
    required: boolean;
    max: number;
    oneOf?: readonly string[];
    pattern?: RegExp;
    hint?: string;
    /** Free text that may run over several lines: tab and line breaks allowed. */
    multiline?: boolean;
  }
> = {
  applicantType: { required: true, max: 20, oneOf: APPLICANT_TYPES },
  name: { required: true, max: 100 },
  contactPerson: { required: false, max: 50 },
  idType: { required: true, max: 20, oneOf: ID_TYPES },
  idNumber: {
    required: true,
    max: 40,
    pattern: /^[0-9A-Za-z()（）-]{4,40}$/,
    hint: 'letters and digits',
  },
  phone: { required: true, max: 30, pattern: /^[0-9+\- ()]{5,30}$/, hint: 'digits' },
  email: {
    required: false,
    max: 254,
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    hint: 'an email address',
  },
  address: { required: false, max: 200 },
  postcode: { required: false, max: 6, pattern: /^\d{6}$/, hint: 'six digits' },
  title: { required: true, max: 200 },
  docNumber: { required: false, max: 64 },
  description: { required: false, max: 2000, multiline: true },
  form: { required: true, max: 20, oneOf: FORMS },
  delivery: { required: true, max: 20, oneOf: DELIVERY_ROUTES },
};

/**
 * C0 control characters and DEL: NUL cannot be stored in PostgreSQL text (the insert fails), and
 * none of them belongs in a name, a number or a title. Free text over several lines keeps tab and
 * line breaks.
 */
const isControl = (code: number) => code < 0x20 || code === 0x7f;
const LINE_LAYOUT = new Set([0x09, 0x0a, 0x0d]);

/** The message for a value holding a control character it may not, or null. */
export function controlCharacterProblem(field: string, value: string, multiline = false) {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (!isControl(code) || (multiline && LINE_LAYOUT.has(code))) continue;
    return multiline
      ? `"${field}" must not contain control characters other than tab and line breaks.`
      : `"${field}" must not contain control characters.`;
  }
  return null;
}

/** The intake, or every field error (unknown fields included). */
export function validateIntake(body: unknown): { intake: Intake } | { errors: FieldError[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [{ field: '', message: 'Send the request as a JSON object.' }] };
  }
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !Object.hasOwn(FIELDS, key))
    .map((field) => ({ field, message: `Unknown field "${field}".` }));
  const intake: Record<string, string | null> = {};
  for (const [field, rule] of Object.entries(FIELDS)) {
    const raw = input[field];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') {
      if (rule.required) errors.push({ field, message: `"${field}" is required.` });
      intake[field] = null;
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ field, message: `"${field}" must be text.` });
      continue;
    }
    const control = controlCharacterProblem(field, value, rule.multiline);
    if (control) {
      errors.push({ field, message: control });
    } else if (rule.oneOf && !rule.oneOf.includes(value)) {
      errors.push({ field, message: `"${field}" must be one of ${rule.oneOf.join(', ')}.` });
    } else if (value.length > rule.max) {
      errors.push({ field, message: `"${field}" is at most ${rule.max} characters.` });
    } else if (rule.pattern && !rule.pattern.test(value)) {
      errors.push({ field, message: `"${field}" must be ${rule.hint}.` });
    }
    intake[field] = value;
  }
  if (
    !input.docNumber &&
    !input.description &&
    typeof input.title === 'string' &&
    input.title.trim().length < 4
  ) {
    errors.push({
      field: 'description',
      message: 'Describe the information sought: a title, 文号 or description.',
    });
  }
  if (input.delivery === 'email' && !input.email) {
    errors.push({ field: 'email', message: '"email" is required for delivery by email.' });
  }
  if (input.delivery === 'post' && !input.address) {
    errors.push({ field: 'address', message: '"address" is required for delivery by post.' });
  }
  return errors.length ? { errors } : { intake: intake as unknown as Intake };
}

/** A tracking number as the intake issues it: YSQ, the date of receipt, six digits. */
const TRACKING_NUMBER = /^YSQ\d{8}-\d{6}$/;
/** A query code as the intake issues it: 8 characters of base64url. */
const QUERY_CODE = /^[A-Za-z0-9_-]{8}$/;

/**
 * The first problem with the status lookup's parameters, naming its field, or null. Only their
 * form is checked here: a well-formed number or code that matches nothing is the lookup's 404.
 */
export function lookupProblem(trackingNumber: unknown, queryCode: unknown): FieldError | null {
  if (typeof trackingNumber !== 'string' || typeof queryCode !== 'string') {
    const field = typeof trackingNumber !== 'string' ? 'trackingNumber' : 'queryCode';
    return { field, message: 'Give "trackingNumber" and "queryCode".' };
  }
  for (const [field, value] of [
    ['trackingNumber', trackingNumber],
    ['queryCode', queryCode],
  ] as const) {
    const control = controlCharacterProblem(field, value);
    if (control) return { field, message: control };
  }
  if (!TRACKING_NUMBER.test(trackingNumber)) {
    return {
      field: 'trackingNumber',
      message: '"trackingNumber" is written like YSQ20261129-000123.',
    };
  }
  if (!QUERY_CODE.test(queryCode)) {
    return {
      field: 'queryCode',
      message: '"queryCode" is the 8 letters, digits, "-" or "_" given when the request was sent.',
    };
  }
  return null;
}
