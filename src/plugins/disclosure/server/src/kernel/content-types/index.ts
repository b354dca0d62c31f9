import auditEntry from './audit-entry/schema.json';
import calendarOverride from './calendar-override/schema.json';
import staff from './staff/schema.json';

/** The plugin's own bookkeeping, hidden from the Content Manager and the builder. */
export const contentTypes = {
  'audit-entry': { schema: auditEntry },
  staff: { schema: staff },
  'calendar-override': { schema: calendarOverride },
};
