import {
  ACTIONS,
  STATES,
  STATE_LABELS,
  TRANSITIONS,
  WITHHOLD_REASONS,
} from '../../../../shared/review/workflow';

import type { Core } from '@strapi/strapi';
import type { DisclosureConfig } from '../../kernel/config';
import { PLUGIN_ID } from '../../kernel/constants';
import type { WorkflowDescription } from '../../../../shared/review/contracts';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The transition table and the content types under review, as the admin UI reads them. */
  describe(): WorkflowDescription {
    const { contentTypes } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
    return {
      contentTypes,
      states: STATES.map((state) => ({ state, label: STATE_LABELS[state] })),
      actions: ACTIONS.map((action) => ({ action, ...TRANSITIONS[action] })),
      withholdReasons: [...WITHHOLD_REASONS],
    };
  },
});
