import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';
import { holdingPersonalData } from '../kernel/middlewares/personal-data-key';

type Verb = readonly [RouteDefinition['method'], string, string];

const handledBy = (verbs: readonly Verb[], ...actions: string[]): RouteDefinition[] =>
  verbs.map(([method, path, action]) => ({
    method,
    path,
    handler: `proposals.${action}`,
    config: allowed(...actions),
  }));

/**
 * Admin routes (mounted under /disclosure). The route names the rights that may reach it; which
 * part a person plays on a case (lead, co-handler, coordinator, reviewer) and whether their
 * division sees it at all is checked by the service on the case itself.
 */
export const adminRoutes: RouteDefinition[] = holdingPersonalData(
  [
    ...handledBy(
      [
        ['POST', '/proposals', 'register'],
        ['POST', '/proposals/:id/assign', 'assign'],
      ],
      ACTIONS.assignProposals
    ),
    ...handledBy(
      [
        ['POST', '/proposals/:id/opinions', 'submitOpinion'],
        ['POST', '/proposals/:id/reply', 'draftReply'],
        ['POST', '/proposals/:id/reply/send', 'sendReply'],
        ['GET', '/proposal-reply-templates', 'templates'],
        ['PUT', '/proposal-reply-templates/:kind', 'saveTemplate'],
      ],
      ACTIONS.handleProposals
    ),
    ...handledBy(
      [
        ['GET', '/proposal-divisions', 'divisions'],
        ['POST', '/proposals/:id/feedback', 'recordFeedback'],
        ['POST', '/proposals/:id/publication', 'decidePublication'],
      ],
      ACTIONS.handleProposals,
      ACTIONS.assignProposals
    ),
    ...handledBy(
      [
        ['GET', '/proposals', 'list'],
        ['GET', '/proposals/:id', 'show'],
      ],
      ACTIONS.handleProposals,
      ACTIONS.assignProposals,
      ACTIONS.approveConfidentiality
    ),
    ...handledBy(
      [
        ['POST', '/proposals/:id/reply/clear', 'clearReply'],
        ['POST', '/proposals/:id/reply/return', 'returnReply'],
      ],
      ACTIONS.approveConfidentiality
    ),
  ],
  // The cases carry the proposers' contacts.
  (route) => route.path === '/proposals' || route.path.startsWith('/proposals/')
);
