import auditEntry from './audit-entry/schema.json';
import calendarOverride from './calendar-override/schema.json';
import disclosureRequest from './disclosure-request/schema.json';
import indexNumber from './index-number/schema.json';
import replyTemplate from './reply-template/schema.json';
import requestAttachment from './request-attachment/schema.json';
import review from './review/schema.json';
import staff from './staff/schema.json';

/** The plugin's own bookkeeping, hidden from the Content Manager and the builder. */
export const contentTypes = {
  review: { schema: review },
  'audit-entry': { schema: auditEntry },
  'index-number': { schema: indexNumber },
  staff: { schema: staff },
  'disclosure-request': { schema: disclosureRequest },
  'calendar-override': { schema: calendarOverride },
  'reply-template': { schema: replyTemplate },
  'request-attachment': { schema: requestAttachment },
};
