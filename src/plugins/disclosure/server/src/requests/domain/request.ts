/**
 * A disclosure request as the plugin stores it (its own table; the applicant's personal data
 * encrypted), the reply letter kept on it, and what the transition table reads of it. Pure.
 */
import type {
  ApplicantType,
  DeliveryRoute,
  IdType,
  ProactiveDraft,
  RequestForm,
  Reply,
  ReplyAuthor,
} from '../../../../shared/requests/contracts';
import type { Channel } from './intake';
import type { Deadline, RequestEvent } from './request-deadline';
import type { RequestFacts, RequestState } from './transitions';

/** The applicant's fields kept encrypted (`v1:…`), null when not given. */
export const PERSONAL_FIELDS = [
  'name',
  'contactPerson',
  'idNumber',
  'phone',
  'email',
  'address',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What the identity document's HMAC (`identityDigest`) is taken of. */
export const identityText = (idType: string, idNumber: string): string =>
  `${idType}:${idNumber.toUpperCase()}`;

export interface RequestRow extends Record<PersonalField, string | null> {
  id: number;
  trackingNumber: string;
  queryCodeHash: string;
  /** HMAC of the identity document: the same applicant's requests, without the number. */
  identityDigest: string;
  channel: Channel;
  state: RequestState;
  /** Dates as the database returns them (read through `toDateOnly`). */
  receivedOn: string;
  dueDate: string | null;
  answeredOn: string | null;
  applicantType: ApplicantType;
  idType: IdType;
  postcode: string | null;
  title: string;
  docNumber: string | null;
  description: string | null;
  form: RequestForm;
  delivery: DeliveryRoute;
  events: RequestEvent[] | null;
  deadline: Deadline | null;
  outcome: string | null;
  outcomeReason: string | null;
  likelyDuplicateOf: string | null;
  division: string | null;
  reply: StoredReply | null;
  deliveredOn: string | null;
  deliveryMethod: string | null;
  remindedDueSoonOn: string | null;
  remindedOverdueOn: string | null;
  remindedConsultationFor: string | null;
}

/** Who drafted or cleared a reply, as the audit trail names them. */
export type Signature = ReplyAuthor;

/** The reply letter as stored on the request: the API's reply and the hash its clearance holds for. */
export interface StoredReply extends Omit<Reply, 'proactiveItem'> {
  clearedHash: string | null;
  proactiveItem?: ProactiveItem | null;
}

/** The draft catalogue item the released information became (Art. 44). */
export type ProactiveItem = ProactiveDraft;

/** What the transition table reads of a stored request. */
export const factsOf = (row: RequestRow): RequestFacts => ({
  trackingNumber: row.trackingNumber,
  state: row.state,
  outcome: row.outcome,
  events: row.events ?? [],
  clockStatus: row.deadline?.status,
  reply: row.reply && { state: row.reply.state, draftedBy: row.reply.draftedBy },
  proactiveItem: row.reply?.proactiveItem,
  applicantHasEmail: Boolean(row.email),
});
