import { randomBytes, randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { beijingDate } from '../../../../shared/kernel/dates';
import { currentActor } from '../../kernel/services/actor';
import { CHANNEL_TEXT, type Channel, type Intake, type StaffChannel } from '../domain/intake';
import { identityText, PERSONAL_FIELDS, type RequestRow } from '../domain/request';
import type { RequestEvent } from '../domain/request-deadline';
import { INITIAL_STATE } from '../domain/transitions';
import type { PreparedFile, UploadedFile } from './request-attachments';
import { getService } from '../../get-service';
import type { CreatedRequest, RequestStatus } from '../../../../shared/requests/contracts';

export type { RequestStatus };

/** A request the same person sent about the same information this many days back is flagged. */
const DUPLICATE_WINDOW_DAYS = 30;

/** What registering a request answers: the query code is shown this once. */
export type Registration = CreatedRequest;

const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Requests coming in (条例 Art. 29): from the website, received today (Beijing time) with the
 * applicant's files, and from the office, received on paper, in person, by post or fax on the
 * day it says; and the applicant's status lookup. The applicant's personal data is encrypted at
 * rest and never leaves through the public API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const requests = () => getService(strapi, 'requests');
  const personalData = () => getService(strapi, 'personal-data');

  /** The applicant as stored: personal fields encrypted, the identity document as an HMAC digest. */
  const sealed = (intake: Intake) => ({
    ...intake,
    ...Object.fromEntries(
      PERSONAL_FIELDS.map((field) => {
        const value = intake[field];
        return [field, value ? personalData().encrypt(value) : null];
      })
    ),
    identityDigest: personalData().digest(identityText(intake.idType, intake.idNumber)),
  });

  const newTrackingNumber = async (receivedOn: string) => {
    for (;;) {
      const candidate = `YSQ${receivedOn.replace(/-/g, '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await rows().findOne({ where: { trackingNumber: candidate } }))) return candidate;
    }
  };

  /** An earlier request of the same person for the same information, received recently. */
  const likelyDuplicate = async (identityDigest: string, title: string, receivedOn: string) => {
    const since = new Date(Date.parse(`${receivedOn}T00:00:00Z`) - DUPLICATE_WINDOW_DAYS * 86400000)
      .toISOString()
      .slice(0, 10);
    const earlier: Array<Pick<RequestRow, 'trackingNumber' | 'title'>> = await rows().findMany({
      where: { identityDigest, receivedOn: { $gte: since } },
      select: ['trackingNumber', 'title'],
    });
    return earlier.find((row) => normalise(row.title) === normalise(title))?.trackingNumber ?? null;
  };

  /** Stores a request with its deadline and files; flags a likely duplicate. */
  const register = async (
    intake: Intake,
    channel: Channel,
    receivedOn: string,
    files: readonly PreparedFile[] = []
  ): Promise<Registration> => {
    requests().key(); // 400 naming the setting when there is no key
    const applicant = sealed(intake);
    const events: RequestEvent[] = [{ type: 'received', date: receivedOn }];
    const deadline = await requests().deadlineOf(events);
    const queryCode = randomBytes(6).toString('base64url').slice(0, 8);
    const trackingNumber = await newTrackingNumber(receivedOn);
    const data = {
      ...applicant,
      trackingNumber,
      queryCodeHash: personalData().hashQueryCode(queryCode),
      channel,
      receivedOn,
      state: INITIAL_STATE,
      dueDate: deadline.dueDate,
      deadline,
      events,
      likelyDuplicateOf: await likelyDuplicate(applicant.identityDigest, intake.title, receivedOn),
    };
    await strapi.db.transaction(async () => {
      await rows().create({ data });
      const attachments = getService(strapi, 'request-attachments');
      if (files.length) await attachments.store(trackingNumber, 'application', files);
      await requests().record(data, 'registered', currentActor(strapi), {
        reason: `${receivedOn} 收到申请（${CHANNEL_TEXT[channel]}）`,
      });
    });
    const { dueDate } = deadline;
    return { trackingNumber, queryCode, receivedOn, dueDate, attachments: files.length };
  };

  return {
    /**
     * Registers a request submitted online (received today, Beijing time), with its attachments:
     * the tracking number and the query code, shown once. 400 naming every file in error, and
     * then nothing is kept.
     */
    async submitOnline(intake: Intake, files: readonly UploadedFile[] = [], now = new Date()) {
      const prepared = await getService(strapi, 'request-attachments').prepare(
        'application',
        files
      );
      return register(intake, 'online', beijingDate(now), prepared);
    },

    /** A request received on paper, in person, by post or fax, with its actual receipt date. */
    async registerByStaff(intake: Intake, channel: StaffChannel, receivedOn: string) {
      return register(intake, channel, receivedOn);
    },

    /**
     * The applicant's view, or 404 when the number and code do not match (the same for both). A
     * code still stored in the earlier unsalted form is rekeyed once it has matched.
     */
    async status(trackingNumber: string, queryCode: string): Promise<RequestStatus> {
      requests().key();
      const row: RequestRow | null = await rows().findOne({ where: { trackingNumber } });
      // The code is hashed for an unknown number too, so both 404s take the same work.
      const { matches, rehash } = personalData().matchQueryCode(
        queryCode,
        row?.queryCodeHash ?? ''
      );
      if (!row || !matches) {
        throw new errors.NotFoundError('No request matches this tracking number and query code.');
      }
      if (rehash) await requests().save(row, { queryCodeHash: rehash });
      return {
        trackingNumber: row.trackingNumber,
        state: row.state,
        receivedOn: row.receivedOn,
        dueDate: row.dueDate,
        outcome: row.outcome,
        explanation: row.deadline?.steps ?? [],
      };
    },
  };
};
