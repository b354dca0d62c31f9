import { createHash, createHmac, randomBytes, randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, UID } from '../constants';
import type { DisclosureConfig } from '../config';
import { beijingDate } from '../domain/beijing-time';
import { WorkingDayCalendar } from '../domain/deadlines/calendar';
import { computeDeadline, type RequestEvent } from '../domain/deadlines/request-deadline';
import { validateIntake, type Intake } from '../domain/requests/intake';
import { encrypt, parseKey } from '../domain/requests/personal-data';

const PERSONAL_FIELDS = ['name', 'contactPerson', 'idNumber', 'phone', 'email', 'address'] as const;
const DUPLICATE_WINDOW_DAYS = 30;

/** What the applicant may see of their request: never personal data. */
export interface RequestStatus {
  trackingNumber: string;
  state: string;
  receivedOn: string;
  dueDate: string | null;
  outcome: string | null;
}

interface RequestRow {
  id: number;
  trackingNumber: string;
  queryCodeHash: string;
  state: string;
  receivedOn: string;
  dueDate: string | null;
  title: string;
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Disclosure requests (依申请公开): intake from the website, the applicant's status lookup. The
 * applicant's personal data is encrypted at rest and never leaves through the public API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => {
    const parsed = parseKey(
      (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).personalDataKey
    );
    if (!parsed) {
      throw new errors.ApplicationError(
        'Requests cannot be accepted: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    }
    return parsed;
  };
  const rows = () => strapi.db.query(UID.disclosureRequest);

  const newTrackingNumber = async (receivedOn: string) => {
    for (;;) {
      const candidate = `YSQ${receivedOn.replace(/-/g, '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await rows().findOne({ where: { trackingNumber: candidate } }))) return candidate;
    }
  };

  return {
    /**
     * Registers a request submitted online (received today, Beijing time): 201 data with the
     * tracking number and the query code, shown once. 400 naming every field in error.
     */
    async submitOnline(body: unknown, now = new Date()) {
      const result = validateIntake(body);
      if ('errors' in result) {
        throw new errors.ValidationError(
          `The request is incomplete or invalid: ${result.errors.map((error) => error.message).join(' ')}`,
          { errors: result.errors }
        );
      }
      return this.register(result.intake, 'online', beijingDate(now));
    },

    /** Stores a request with its deadline; flags a likely duplicate (same person, same information, recent). */
    async register(intake: Intake, channel: string, receivedOn: string) {
      const secret = key();
      const identityDigest = createHmac('sha256', secret)
        .update(`${intake.idType}:${intake.idNumber.toUpperCase()}`)
        .digest('hex');
      const since = new Date(
        Date.parse(`${receivedOn}T00:00:00Z`) - DUPLICATE_WINDOW_DAYS * 86400000
      )
        .toISOString()
        .slice(0, 10);
      const earlier = (await rows().findMany({
        where: { identityDigest, receivedOn: { $gte: since } },
        select: ['trackingNumber', 'title'],
      })) as Array<{ trackingNumber: string; title: string }>;
      const duplicate = earlier.find((row) => normalise(row.title) === normalise(intake.title));

      const events: RequestEvent[] = [{ type: 'received', date: receivedOn }];
      const deadline = computeDeadline(events, new WorkingDayCalendar());
      const queryCode = randomBytes(6).toString('base64url').slice(0, 8);
      const trackingNumber = await newTrackingNumber(receivedOn);
      const personal = Object.fromEntries(
        PERSONAL_FIELDS.map((field) => [
          field,
          intake[field] ? encrypt(secret, intake[field]!) : null,
        ])
      );
      await rows().create({
        data: {
          ...intake,
          ...personal,
          trackingNumber,
          queryCodeHash: hashCode(queryCode),
          identityDigest,
          channel,
          receivedOn,
          state: 'registered',
          dueDate: deadline.dueDate,
          deadline,
          events,
          likelyDuplicateOf: duplicate?.trackingNumber ?? null,
        },
      });
      return { trackingNumber, queryCode, receivedOn, dueDate: deadline.dueDate };
    },

    /** The applicant's view, or 404 when the number and code do not match (the same for both). */
    async status(trackingNumber: string, queryCode: string): Promise<RequestStatus> {
      const row = (await rows().findOne({ where: { trackingNumber } })) as RequestRow | null;
      if (!row || row.queryCodeHash !== hashCode(queryCode)) {
        throw new errors.NotFoundError('No request matches this tracking number and query code.');
      }
      return {
        trackingNumber: row.trackingNumber,
        state: row.state,
        receivedOn: row.receivedOn,
        dueDate: row.dueDate,
        outcome: null,
      };
    },
  };
};
