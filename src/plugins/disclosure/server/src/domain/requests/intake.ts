/**
 * A disclosure request as the website submits it (条例 Art. 29): who asks, how to reach them, what
 * they seek, in what form and by what route. Validated here, field by field, so a refusal names
 * the field. Pure.
 */

export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal',
  'other',
] as const;
export const ID_TYPES = [
  'id_card',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'credit_code',
  'other',
] as const;
export const FORMS = ['paper', 'electronic', 'other'] as const;
export const DELIVERY_ROUTES = ['email', 'post', 'pickup', 'fax', 'online'] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number];

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
  { required: boolean; max: number; oneOf?: readonly string[]; pattern?: RegExp; hint?: string }
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
  description: { required: false, max: 2000 },
  form: { required: true, max: 20, oneOf: FORMS },
  delivery: { required: true, max: 20, oneOf: DELIVERY_ROUTES },
};

/** The intake, or every field error (unknown fields included). */
export function validateIntake(body: unknown): { intake: Intake } | { errors: FieldError[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [{ field: '', message: 'Send the request as a JSON object.' }] };
  }
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !(key in FIELDS))
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
    if (rule.oneOf && !rule.oneOf.includes(value)) {
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
