/**
 * What the service-items routes accept, checked before any service runs: a refusal is a 400
 * naming the field (`details.key`), and a field the route does not take is refused by name.
 */
import { yup } from '@strapi/utils';
import { beijingDate } from '../../../shared/kernel/dates';
import {
  LIFECYCLE_CODES,
  ONLINE_DEPTH_CODES,
  SERVICE_ITEM_TYPE_CODES,
  WITHDRAWAL_KIND_CODES,
} from '../../../shared/service-items/catalogue';
import {
  CASE_APPLICANT_TYPE_CODES,
  CASE_STATE_CODES,
  DECISION_CODES,
  URGENCY_ORDER,
} from '../../../shared/service-items/cases';
import { isDate } from '../kernel/domain/calendar';
import { CASE_NUMBER } from './domain/csv-import';
import { objectOf, pageParameters, queryOf, validateKeyed } from '../kernel/validation';

const body = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  objectOf(
    shape,
    (key, known) =>
      `Unknown field "${key}": it takes ${known.map((name) => `"${name}"`).join(', ')}.`
  )
    .typeError('Send the fields as a JSON object.')
    .required('Send the fields as a JSON object.');

const text = (key: string, max: number) =>
  yup
    .string()
    .strict()
    .typeError(`"${key}" must be text.`)
    .max(max, `"${key}" is longer than ${max} characters.`)
    .nullable();

const days = (key: string) =>
  yup
    .number()
    .strict()
    .typeError(`"${key}" must be a whole number of working days.`)
    .integer(`"${key}" must be a whole number of working days.`)
    .min(1, `"${key}" must be 1 to 365 working days.`)
    .max(365, `"${key}" must be 1 to 365 working days.`)
    .nullable();

/** A calendar date, not after today (Beijing). */
const pastDate = (key: string) =>
  yup
    .string()
    .strict()
    .typeError(`"${key}" must be a date (YYYY-MM-DD).`)
    .test('date', `"${key}" must be a date (YYYY-MM-DD).`, (value) => !value || isDate(value))
    .test(
      'not-future',
      `"${key}" must not be in the future.`,
      (value) => !value || value <= beijingDate(new Date())
    );

const oneOf = <T extends string>(key: string, values: readonly T[]) =>
  yup.mixed<T>().oneOf([...values], `"${key}" must be one of ${values.join(', ')}.`);

const guideShape = {
  name: text('name', 200),
  itemType: oneOf('itemType', SERVICE_ITEM_TYPE_CODES).required('"itemType" is required.'),
  division: text('division', 64),
  legalBasis: text('legalBasis', 5000),
  conditions: text('conditions', 5000),
  materials: text('materials', 5000),
  location: text('location', 1000),
  hours: text('hours', 1000),
  phone: text('phone', 100),
  process: text('process', 5000),
  legalDays: days('legalDays'),
  promisedDays: days('promisedDays').test(
    'within-legal',
    '"promisedDays" (承诺时限) must not exceed "legalDays" (法定时限).',
    function (value) {
      const legal = (this.parent as { legalDays?: number | null }).legalDays;
      return (
        value === null ||
        value === undefined ||
        legal === null ||
        legal === undefined ||
        value <= legal
      );
    }
  ),
  fees: text('fees', 2000),
  onlineUrl: text('onlineUrl', 500).test(
    'url',
    '"onlineUrl" must be an http(s) address.',
    (value) => !value || /^https?:\/\/[^\s]+$/.test(value)
  ),
  // yup's oneOf refuses null even when nullable: the list names it.
  onlineDepth: yup
    .mixed<(typeof ONLINE_DEPTH_CODES)[number] | null>()
    .oneOf(
      [...ONLINE_DEPTH_CODES, null],
      `"onlineDepth" must be one of ${ONLINE_DEPTH_CODES.join(', ')}.`
    ),
};

/** POST and PUT /disclosure/service-items: the guide's fields. */
export const validateItemInput = validateKeyed(body(guideShape));

/** POST /disclosure/service-items/:documentId/withdraw */
export const validateWithdrawal = validateKeyed(
  body({
    kind: oneOf('kind', WITHDRAWAL_KIND_CODES).required(
      '"kind" is required (取消 / 下放 / 上级收回).'
    ),
    date: pastDate('date').required('"date" is required.'),
    authority: text('authority', 200)
      .required('"authority" (the deciding authority) is required.')
      .test(
        'blank',
        '"authority" (the deciding authority) is required.',
        (value) => !!value?.trim()
      ),
    reason: text('reason', 2000),
  })
);

/** POST /disclosure/service-items/:documentId/return */
export const validateReturn = validateKeyed(
  body({
    reason: text('reason', 2000)
      .required('"reason" is required: say why the item is returned (退回理由).')
      .test(
        'blank',
        '"reason" is required: say why the item is returned (退回理由).',
        (value) => !!value?.trim()
      ),
  })
);

/** POST /disclosure/service-cases */
export const validateRegistration = validateKeyed(
  body({
    caseNumber: text('caseNumber', 64).test(
      'shape',
      '"caseNumber" may hold letters, digits, - and _ only.',
      (value) => !value || CASE_NUMBER.test(value)
    ),
    serviceItem: yup
      .string()
      .strict()
      .typeError('"serviceItem" must be a documentId.')
      .required('"serviceItem" is required.'),
    applicantType: oneOf('applicantType', CASE_APPLICANT_TYPE_CODES).required(
      '"applicantType" is required (natural 自然人 / legal 法人).'
    ),
    applicant: text('applicant', 200)
      .required('"applicant" is required.')
      .test('blank', '"applicant" is required.', (value) => !!value?.trim()),
    idNumber: text('idNumber', 64),
    phone: text('phone', 64),
    appliedOn: pastDate('appliedOn').required('"appliedOn" is required.'),
    note: text('note', 2000),
  })
);

/** POST /disclosure/service-cases/:caseNumber/<step>: the date (and for 决定 the decision). */
export const validateStep = (action: string) =>
  validateKeyed(
    body({
      date: pastDate('date').required('"date" is required.'),
      note: text('note', 2000),
      ...(action === 'decide'
        ? {
            decision: oneOf('decision', DECISION_CODES).required(
              '"decision" is required (granted 准予 / denied 不予).'
            ),
          }
        : {}),
    })
  );

/** POST /disclosure/service-cases/import */
export const validateImport = validateKeyed(
  body({
    csv: yup
      .string()
      .strict()
      .typeError('"csv" must be the file\'s text.')
      .required('"csv" is required.')
      .max(5_000_000, '"csv" is larger than 5 MB.'),
    dryRun: yup.boolean().strict().typeError('"dryRun" must be true or false.').default(true),
  })
);

/** GET /disclosure/service-cases */
export const validateCaseListQuery = validateKeyed(
  queryOf({
    state: oneOf('state', CASE_STATE_CODES),
    item: yup.string().max(64),
    urgency: oneOf('urgency', URGENCY_ORDER),
    ...pageParameters(25),
  })
);

/** GET /api/disclosure/service-items (the website) */
export const validatePublicListQuery = validateKeyed(
  queryOf({
    type: oneOf('type', SERVICE_ITEM_TYPE_CODES),
    division: yup
      .string()
      .max(32)
      .matches(/^[0-9A-Za-z_-]+$/, '"division" is a division code.'),
    lifecycle: oneOf('lifecycle', LIFECYCLE_CODES),
    q: yup.string().max(100, '"q" is longer than 100 characters.'),
    ...pageParameters(25),
  })
);

/** GET /disclosure/service-items (staff) */
export const validateItemListQuery = validateKeyed(queryOf({}));

/** A path's documentId. */
export const validateDocumentId = validateKeyed(
  yup.object({ documentId: yup.string().matches(/^[0-9a-z]{1,64}$/, 'No such service item.') })
);
