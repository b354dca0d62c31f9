import { ACTIONS } from '../kernel/constants';
import { INTAKE_GUARD } from '../kernel/middlewares/intake-guard';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';
import { holdingPersonalData, PERSONAL_DATA_KEY } from '../kernel/middlewares/personal-data-key';

type Verb = readonly [RouteDefinition['method'], string, string];

/**
 * Admin routes (mounted under /disclosure): whoever runs consultations (编辑 of a division, the
 * coordinator). Which consultations a person sees — their division's, or all for staff without
 * a division — is the service's.
 */
export const adminRoutes: RouteDefinition[] = holdingPersonalData(
  (
    [
      ['GET', '/consultations', 'list'],
      ['POST', '/consultations', 'create'],
      ['GET', '/consultations/:id', 'show'],
      ['PUT', '/consultations/:id', 'edit'],
      ['POST', '/consultations/:id/announce', 'announce'],
      ['POST', '/consultations/:id/comments/:commentId/moderation', 'moderate'],
      ['POST', '/consultations/:id/comments/:commentId/adoption', 'recordAdoption'],
      ['POST', '/consultations/:id/close', 'close'],
      ['POST', '/consultations/:id/summary', 'draftSummary'],
      ['POST', '/consultations/:id/summary/submit', 'submitSummary'],
      ['GET', '/consultation-divisions', 'divisions'],
    ] as const satisfies readonly Verb[]
  ).map(([method, path, action]) => ({
    method,
    path,
    handler: `consultations.${action}`,
    config: allowed(ACTIONS.manageConsultations),
  })),
  // A consultation's page lists the commenters' names and contacts.
  (route) => route.path.startsWith('/consultations')
);

/** The content-API path (under /api) of a consultation's comments, as the intake guard knows it. */
export const COMMENTS_PATH = '/disclosure/consultations/:id/comments';

/** The website's: published consultations, and comments on an open one (mounted at /api/disclosure). */
export const contentApiRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/consultations',
    handler: 'consultations.publicList',
    config: { auth: false },
  },
  {
    method: 'GET',
    path: '/consultations/:id',
    handler: 'consultations.publicShow',
    config: { auth: false },
  },
  {
    method: 'POST',
    path: '/consultations/:id/comments',
    handler: 'consultations.comment',
    // The guard counts every comment against the client's intake budget (429 past it, nothing
    // stored), whichever consultation it is for.
    config: { auth: false, middlewares: [INTAKE_GUARD, PERSONAL_DATA_KEY] },
  },
];
