/**
 * The applicant's personal data at rest: AES-256-GCM with a key from the environment
 * (`DISCLOSURE_PERSONAL_DATA_KEY`, 32 bytes base64), a fresh IV per value. The stored form is
 * `v1:<iv>:<tag>:<ciphertext>` (base64), so a key rotation can add v2 later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

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
