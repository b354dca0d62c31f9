import { createHmac } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DisclosureConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import {
  decryptBytes,
  encryptBytes,
  isLegacyQueryCodeHash,
  parseKey,
  queryCodeHash,
  queryCodeKey,
  queryCodeMatches,
  queryCodeMatchesUnder,
} from '../domain/personal-data';
import {
  fingerprintOf,
  isEncryptedValue,
  KEY_MISMATCH_CODE,
  KEY_SETTING,
  KEY_STORE,
  mapEncrypted,
  refusalMessage,
  type EncryptedFields,
  type KeyStatus,
  type StoredKeyRecord,
} from '../domain/personal-data-key';

/**
 * The 503 for anything that reads or writes personal data while the key in the setting cannot
 * open the stored data. Its prototype is Strapi's HttpError (http-errors' abstract class, whose
 * constructor refuses to run), so Strapi's error middleware answers `{ error: { status: 503 … } }`
 * wherever it is thrown; the route middleware `personal-data-key` answers the same before a
 * handler starts.
 */
export class PersonalDataKeyRefusal extends Error {
  readonly status = 503;
  readonly statusCode = 503;
  readonly expose = true;
  readonly details: { code: string; setting: string };
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnavailableError';
    this.details = { code: KEY_MISMATCH_CODE, setting: KEY_SETTING };
  }
}
Object.setPrototypeOf(PersonalDataKeyRefusal.prototype, errors.HttpError.prototype);

/** What a rotation did, per declared type: values re-encrypted, rows rewritten. */
export type RotationReport = Record<string, { rows: number; values: number }>;

/** Rows read at once while rotating (attachments carry whole files). */
const ROTATION_BATCH = 100;

/**
 * The personal-data key, held in one place: every module encrypts and decrypts through here.
 * At start-up `check()` compares the key with the fingerprint kept in the core store (or, on a
 * database from before the fingerprint, tries one stored value); while they disagree `key()`
 * refuses with a 503 naming the setting, so the pages holding personal data say what is wrong
 * and everything else keeps working. `rotate()` re-encrypts every declared field.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const declarations: EncryptedFields[] = [];
  let checked: {
    status: KeyStatus;
    refusing: boolean;
    stored: StoredKeyRecord | null;
    message: string | null;
  } = { status: 'missing', refusing: false, stored: null, message: null };

  const configuredKey = () =>
    parseKey(strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`).personalDataKey);
  const store = () => strapi.store(KEY_STORE);
  const readRecord = async () => ((await store().get({})) as StoredKeyRecord | null) ?? null;
  const writeRecord = (record: StoredKeyRecord) => store().set({ value: record });

  /** One stored encrypted value of any declared field, or null when there is none. */
  const anyEncryptedValue = async (): Promise<string | null> => {
    for (const { uid, fields } of declarations) {
      for (const field of fields) {
        // A few rows: a JSON field (a proposal's proposers) may hold no encrypted value.
        const rows = (await strapi.db.query(uid).findMany({
          select: ['id', field],
          where: { [field]: { $notNull: true } },
          limit: 20,
        })) as Array<Record<string, unknown>>;
        let found: string | null = null;
        for (const row of rows) mapEncrypted(row[field], (stored) => (found ??= stored));
        if (found) return found;
      }
    }
    return null;
  };

  const opens = (key: Buffer, stored: string) => {
    try {
      decryptBytes(key, stored);
      return true;
    } catch {
      return false;
    }
  };

  /** The retired query-code keys that `key` opens (those sealed under another key are skipped). */
  const retiredQueryCodeKeys = (key: Buffer, record: StoredKeyRecord | null): Buffer[] =>
    (record?.retiredQueryCodeKeys ?? []).flatMap((sealed) =>
      opens(key, sealed) ? [decryptBytes(key, sealed)] : []
    );

  return {
    /** Adds modules' encrypted fields to the registry (at register, before `check`). */
    declare(fields: readonly EncryptedFields[]): void {
      declarations.push(...fields);
    },

    /** Every declared encrypted field, by type. */
    declared(): readonly EncryptedFields[] {
      return declarations;
    },

    /**
     * Compares the key in the setting with the stored fingerprint and logs a mismatch in plain
     * words. The first start with a key records its fingerprint; a database from before the
     * fingerprint is checked by opening one stored value first. Without any encrypted data a
     * different key is simply recorded (nothing would be lost).
     */
    async check(): Promise<KeyStatus> {
      const key = configuredKey();
      const record = await readRecord();
      const current = key ? fingerprintOf(key) : null;
      // A new record: retired query-code keys were sealed under another key and go with it.
      const recordFingerprint = (fingerprint: string) =>
        writeRecord({ fingerprint, recordedAt: new Date().toISOString() });
      checked = { status: 'ok', refusing: false, stored: record, message: null };
      if (!key || !current) {
        const sample = await anyEncryptedValue();
        checked.status = 'missing';
        checked.refusing = sample !== null;
      } else if (record?.fingerprint !== current) {
        const sample = await anyEncryptedValue();
        if (!sample || (!record && opens(key, sample))) {
          if (record) {
            strapi.log.warn(
              `[disclosure] ${KEY_SETTING} changed (fingerprint ${record.fingerprint} → ${current}) ` +
                'while no personal data was stored: the new key is recorded'
            );
          }
          await recordFingerprint(current);
          checked.stored = await readRecord();
        } else {
          checked.status = 'mismatch';
          checked.refusing = true;
        }
      }
      if (checked.refusing) {
        checked.message = refusalMessage(checked.status, record?.fingerprint ?? null, current);
        strapi.log.error(
          `[disclosure] ${checked.message} Until then the pages and API of requests, service ` +
            'cases, proposals, inquiries and consultations answer 503; everything else works.'
        );
      }
      return checked.status;
    },

    /** ok, missing (no key in the setting) or mismatch (not the key of the stored data). */
    status(): KeyStatus {
      return checked.status;
    },

    /** Whether personal data must be refused now (mismatch, or no key while data exists). */
    isRefusing(): boolean {
      return checked.refusing;
    },

    /** The refusal's sentence, or null while the key is right. */
    refusal(): string | null {
      return checked.message;
    },

    /** The current key's fingerprint, or null without a key. */
    fingerprint(): string | null {
      const key = configuredKey();
      return key ? fingerprintOf(key) : null;
    },

    /** The fingerprint recorded in the database, or null before any. */
    async storedFingerprint(): Promise<string | null> {
      return (await readRecord())?.fingerprint ?? null;
    },

    /**
     * The key. 503 (PersonalDataKeyRefusal) while it cannot open the stored data; without a key,
     * a 400 with `missing`, the module's sentence naming what cannot be done.
     */
    key(missing = `Personal data cannot be handled: the server has no ${KEY_SETTING}.`): Buffer {
      if (checked.refusing) throw new PersonalDataKeyRefusal(checked.message ?? '');
      const key = configuredKey();
      if (!key) throw new errors.ApplicationError(missing);
      return key;
    },

    /** Encrypts a text (`v1:…`). */
    encrypt(plain: string): string {
      return encryptBytes(this.key(), Buffer.from(plain, 'utf8'));
    },

    /** Decrypts a stored text; throws on a value this key did not encrypt. */
    decrypt(stored: string): string {
      return decryptBytes(this.key(), stored).toString('utf8');
    },

    /** Encrypts a file's bytes (`v1:…`). */
    encryptBytes(plain: Buffer): string {
      return encryptBytes(this.key(), plain);
    },

    /** Decrypts a stored file's bytes. */
    decryptBytes(stored: string): Buffer {
      return decryptBytes(this.key(), stored);
    },

    /** HMAC-SHA-256 (hex) under the key: a value to match on without storing it. */
    digest(text: string): string {
      return createHmac('sha256', this.key()).update(text).digest('hex');
    },

    /** The stored form of a new query code. */
    hashQueryCode(code: string): string {
      return queryCodeHash(this.key(), code);
    },

    /**
     * Whether `code` is the one stored — under the current key, the earlier unsalted form or a
     * retired key's — in constant time per form; `rehash` is the current form when the stored one
     * is older (to be saved), else null.
     */
    matchQueryCode(code: string, stored: string): { matches: boolean; rehash: string | null } {
      const key = this.key();
      if (queryCodeMatches(key, code, stored)) {
        return {
          matches: true,
          rehash: isLegacyQueryCodeHash(stored) ? queryCodeHash(key, code) : null,
        };
      }
      const retired = retiredQueryCodeKeys(key, checked.stored);
      const matches = retired.some((old) => queryCodeMatchesUnder(old, code, stored));
      return { matches, rehash: matches ? queryCodeHash(key, code) : null };
    },

    /**
     * Re-encrypts every declared field from the current key to `next`, one transaction per type,
     * and records `next`'s fingerprint; values already under `next` are left (so a run that
     * stopped half-way is simply run again). Query codes cannot be rehashed without the codes:
     * the current query-code key is kept, encrypted under `next`.
     */
    async rotate(next: Buffer): Promise<RotationReport> {
      const old = this.key('Nothing to rotate from: the server has no ' + `${KEY_SETTING}.`);
      const record = await readRecord();
      const report: RotationReport = {};
      const reseal = (stored: string) =>
        opens(next, stored) ? stored : encryptBytes(next, decryptBytes(old, stored));
      const open = (stored: string) =>
        (opens(next, stored) ? decryptBytes(next, stored) : decryptBytes(old, stored)).toString(
          'utf8'
        );
      for (const declaration of declarations) {
        const { uid, label, fields, rekey } = declaration;
        const counts = (report[label] ??= { rows: 0, values: 0 });
        const reads = [...new Set(['id', ...fields, ...(rekey?.reads ?? [])])];
        await strapi.db.transaction(async () => {
          for (let after = 0; ;) {
            const rows = (await strapi.db.query(uid).findMany({
              select: reads,
              where: { id: { $gt: after } },
              orderBy: { id: 'asc' },
              limit: ROTATION_BATCH,
            })) as Array<Record<string, unknown> & { id: number }>;
            if (!rows.length) break;
            after = rows[rows.length - 1].id;
            for (const row of rows) {
              const data: Record<string, unknown> = {};
              let values = 0;
              for (const field of fields) {
                const value = mapEncrypted(row[field], (stored) => {
                  values += 1;
                  return reseal(stored);
                });
                if (JSON.stringify(value) !== JSON.stringify(row[field])) data[field] = value;
              }
              if (rekey) {
                const plain = Object.fromEntries(
                  Object.entries(row).map(([name, value]) => [
                    name,
                    isEncryptedValue(value) ? open(value) : value,
                  ])
                );
                Object.assign(data, rekey.compute(plain, next));
              }
              if (Object.keys(data).length) {
                await strapi.db.query(uid).update({ where: { id: row.id }, data });
                counts.rows += 1;
              }
              counts.values += values;
            }
          }
        });
      }
      const retired = [
        ...retiredQueryCodeKeys(old, record).map((key) => encryptBytes(next, key)),
        encryptBytes(next, queryCodeKey(old)),
      ];
      await writeRecord({
        fingerprint: fingerprintOf(next),
        recordedAt: new Date().toISOString(),
        retiredQueryCodeKeys: retired,
      });
      return report;
    },
  };
};
