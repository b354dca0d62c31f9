/**
 * What identifies the personal-data key without revealing it, and the registry of the fields it
 * encrypts. Pure: the service (kernel/services/personal-data) holds the key and the database.
 */
import { createHmac } from 'crypto';

/** The setting that holds the key; named in every refusal so the operator knows what to fix. */
export const KEY_SETTING = 'DISCLOSURE_PERSONAL_DATA_KEY';

/** Where the fingerprint is kept: Strapi's core store (`strapi_core_store_settings`). */
export const KEY_STORE = { type: 'plugin', name: 'disclosure', key: 'personal-data-key' } as const;

/** The 503 refusal's code, for the admin pages and the website's developers. */
export const KEY_MISMATCH_CODE = 'PERSONAL_DATA_KEY_MISMATCH';

const FINGERPRINT_LABEL = 'gov-disclosure personal-data key fingerprint v1';

/**
 * 16 hex digits that tell keys apart and give nothing about the key (an HMAC under the key of a
 * fixed label). The backup's manifest carries the same figure (scripts/backup computes it alike).
 */
export const fingerprintOf = (key: Buffer): string =>
  createHmac('sha256', key).update(FINGERPRINT_LABEL).digest('hex').slice(0, 16);

/** What the core store keeps. */
export interface StoredKeyRecord {
  fingerprint: string;
  recordedAt: string;
  /**
   * The query-code HMAC keys of retired personal-data keys, each encrypted under the current key
   * (`v1:…`): a query code handed out before a rotation still matches (and is rehashed then).
   */
  retiredQueryCodeKeys?: string[];
}

/** Whether the key in the setting is the one the stored data was encrypted with. */
export type KeyStatus = 'ok' | 'missing' | 'mismatch';

/**
 * One content type's encrypted fields, declared by the module that owns it: the key rotation
 * re-encrypts exactly these, so a field holding `v1:` values must be declared here (a test scans
 * every plugin table for undeclared ones). A JSON field is walked: every `v1:` string in it.
 */
export interface EncryptedFields {
  uid: string;
  /** Counted under this name in the rotation's report. */
  label: string;
  fields: readonly string[];
  /**
   * Values keyed by the personal-data key that cannot be decrypted but can be recomputed from
   * the decrypted row (the identity document's HMAC): given the row with its fields decrypted
   * and the new key, the columns to write.
   */
  rekey?: {
    reads: readonly string[];
    compute(plain: Record<string, unknown>, key: Buffer): Record<string, unknown>;
  };
}

/** The stored form of an encrypted value (`v1:<iv>:<tag>:<data>`, base64 parts). */
export const ENCRYPTED_VALUE = /^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$/;

export const isEncryptedValue = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('v1:') && ENCRYPTED_VALUE.test(value);

/**
 * A JSON value with every encrypted string replaced by `map`'s result; the same object when
 * nothing changed. Walks arrays and plain objects.
 */
export function mapEncrypted(value: unknown, map: (stored: string) => string): unknown {
  if (isEncryptedValue(value)) return map(value);
  if (Array.isArray(value)) return value.map((item) => mapEncrypted(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, mapEncrypted(item, map)])
    );
  }
  return value;
}

/** The plain-words refusal, logged at start-up and sent with every 503. */
export function refusalMessage(status: KeyStatus, stored: string | null, current: string | null) {
  if (status === 'missing') {
    return (
      `${KEY_SETTING} is not set, but the database holds personal data encrypted with a key ` +
      `(fingerprint ${stored ?? 'not recorded'}). Set ${KEY_SETTING} to that key and restart.`
    );
  }
  return (
    `${KEY_SETTING} is not the key the personal data in this database was encrypted with ` +
    `(stored key fingerprint ${stored ?? 'not recorded'}, this key's ${current}). Set ` +
    `${KEY_SETTING} to the key the data was encrypted with and restart; to change keys, start ` +
    `with the old key and run npm run personal-data:rotate-key.`
  );
}
