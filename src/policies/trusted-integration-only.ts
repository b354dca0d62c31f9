import { errors } from '@strapi/utils';
import { isTrustedIntegration, type RequestState } from '../content-api/published-only';

/**
 * Route policy `global::trusted-integration-only`: only a full-access API token (a trusted
 * integration) passes; everyone else gets 403 with the reason given in the route's config.
 */
export default (policyContext: { state: RequestState }, config: { reason?: string }): true => {
  if (isTrustedIntegration(policyContext.state)) return true;
  throw new errors.PolicyError(
    config?.reason ?? 'Only a full-access API token may call this route.'
  );
};
