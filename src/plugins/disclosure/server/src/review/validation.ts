/**
 * What the review endpoints accept, as yup schemas: the controllers hand the typed values to the
 * services. Step bodies answer as Strapi's own routes do (`details.errors`); query strings name
 * the parameter at fault (`details.key`), as every query of the plugin.
 */
import { validateYupSchema, yup } from '@strapi/utils';
import { pageParameters, queryOf, validateKeyed } from '../kernel/validation';
import {
  STATES,
  WITHHOLD_REASONS,
  type State,
  type WithholdReason,
} from '../../../shared/review/workflow';

/** POST /disclosure/reviews/<step>: the item in one locale, with the step's reason or category. */
export const validateStep = validateYupSchema(
  yup
    .object({
      contentType: yup.string().required(),
      documentId: yup.string().required(),
      locale: yup.string().required(),
      reason: yup.string().max(2000),
      category: yup.mixed<WithholdReason>().oneOf([...WITHHOLD_REASONS]),
    })
    .noUnknown()
    .strict()
);

/** GET /disclosure/queue?state=&column=&department=&page=&pageSize= (20 a page). */
export const validateQueueQuery = validateKeyed(
  queryOf({
    state: yup.mixed<State>().oneOf([...STATES]),
    column: yup.string().max(64),
    department: yup.string().max(64),
    ...pageParameters(20),
  })
);

/** GET /disclosure/reviews/:contentType/:documentId?locale= */
export const validateShowQuery = validateKeyed(queryOf({ locale: yup.string().max(16) }));
