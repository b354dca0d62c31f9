/**
 * The applicant's personal data at rest: AES-256-GCM with a key from the environment
 * (`DISCLOSURE_PERSONAL_DATA_KEY`, 32 bytes base64), a fresh IV per value. The stored form is
 * `v1:<iv>:<tag>:<ciphertext>` (base64), so a key rotation can add v2 later. The applicant's query
 * code is kept as a keyed hash only (see queryCodeHash).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'crypto';

const VERSION = 'v1';

export const parseKey = (base64: string | undefined): Buffer | null => {
  if (!base64) return null;
  const key = Buffer.from(base64, 'base64');
  return key.length === 32 ? key : null;
};

export function encrypt(key: Buffer, plain: string): string {
  return encryptBytes(key, Buffer.from(plain, 'utf8'));
}

export function decrypt(key: Buffer, stored: string): string {
  return decryptBytes(key, stored).toString('utf8');
}

/** Files (an applicant's scanned identity document, a reply's attachment) in the same form. */
export function encryptBytes(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
    .join(':');
}

export function decryptBytes(key: Buffer, stored: string): Buffer {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) {
    throw new Error('Not an encrypted value of this system');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
}

/** For lists: the first and last characters only (张** / 2101**********1234 / z***@example.com). */
export function mask(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const chars = [...value];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  const keep = chars.length >= 10 ? 4 : 1;
  return `${chars.slice(0, keep).join('')}${'*'.repeat(chars.length - 2 * keep)}${chars.slice(-keep).join('')}`;
}

/** Derives the query code's own HMAC key, so the personal-data key serves one purpose each. */
const QUERY_CODE_KEY_LABEL = 'disclosure/query-code/v1';
const QUERY_CODE_VERSION = 'h1:';
/** The query codes' own HMAC key, derived from the personal-data key. */
export const queryCodeKey = (key: Buffer): Buffer =>
  createHmac('sha256', key).update(QUERY_CODE_KEY_LABEL).digest();
/** The form earlier versions stored: SHA-256 of the code, unsalted (brute-forced offline). */
const legacyDigest = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * The rekeyed form of an earlier unsalted hash: `h1:` + HMAC-SHA-256, under a key derived from the
 * personal-data key, of that hash. Without the key, a stolen table gives nothing to brute-force.
 */
export const rekeyLegacyQueryCodeHash = (key: Buffer, legacy: string): string =>
  hashWithQueryCodeKey(queryCodeKey(key), legacy);

const hashWithQueryCodeKey = (codeKey: Buffer, legacy: string): string =>
  `${QUERY_CODE_VERSION}${createHmac('sha256', codeKey).update(legacy).digest('hex')}`;

/**
 * Whether `code` is the one stored under a query-code key itself (kept after a key rotation,
 * see the personal-data service), in constant time.
 */
export const queryCodeMatchesUnder = (codeKey: Buffer, code: string, stored: string): boolean =>
  sameText(hashWithQueryCodeKey(codeKey, legacyDigest(code)), stored);

const sameText = (expected: string, stored: string) => {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(stored, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The stored form of a query code. It is keyed over the code's SHA-256 so that the hashes stored
 * by earlier versions can be rekeyed without knowing the codes (rekeyLegacyQueryCodeHash).
 */
export const queryCodeHash = (key: Buffer, code: string): string =>
  rekeyLegacyQueryCodeHash(key, legacyDigest(code));

/** Whether a stored value is the earlier unsalted SHA-256 (64 hex digits). */
export const isLegacyQueryCodeHash = (stored: string): boolean => /^[0-9a-f]{64}$/.test(stored);

/** Whether `code` is the one stored, in either form; compared in constant time. */
export function queryCodeMatches(key: Buffer, code: string, stored: string): boolean {
  const expected = isLegacyQueryCodeHash(stored) ? legacyDigest(code) : queryCodeHash(key, code);
  return sameText(expected, stored);
}
