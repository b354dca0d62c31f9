import { createHash, createHmac } from 'crypto';
import {
  decrypt,
  encrypt,
  isLegacyQueryCodeHash,
  mask,
  parseKey,
  queryCodeHash,
  queryCodeMatches,
  rekeyLegacyQueryCodeHash,
} from './personal-data';

const key = parseKey(Buffer.alloc(32, 1).toString('base64'))!;

describe('personal data at rest', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encrypt(key, '210102198001011234');
    const b = encrypt(key, '210102198001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('2101021980');
    expect(decrypt(key, a)).toBe('210102198001011234');
  });

  it('refuses a tampered value or another key', () => {
    const stored = encrypt(key, '张三丰');
    const [version, iv, tag, data] = stored.split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => decrypt(key, [version, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => decrypt(parseKey(Buffer.alloc(32, 2).toString('base64'))!, stored)).toThrow();
  });

  it('accepts only 32-byte keys', () => {
    expect(parseKey(Buffer.alloc(16).toString('base64'))).toBeNull();
    expect(parseKey(undefined)).toBeNull();
  });

  it('masks names, numbers and emails for lists', () => {
    expect(mask('张三丰')).toBe('张*丰');
    expect(mask('210102198001011234')).toBe('2101**********1234');
    expect(mask('zhangsan@example.com')).toBe('z***@example.com');
  });
});

describe('the query code at rest', () => {
  const secret = Buffer.alloc(32, 9);
  const code = 'Ab3_x-9Z';
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('is a keyed HMAC, not the plain SHA-256 of the code', () => {
    const stored = queryCodeHash(secret, code);
    expect(stored).toMatch(/^h1:[0-9a-f]{64}$/);
    expect(stored).not.toContain(sha256(code));
    expect(queryCodeHash(Buffer.alloc(32, 8), code)).not.toBe(stored);
    // Not the personal-data secret used directly either: the key is derived for this use alone.
    expect(stored.slice(3)).not.toBe(createHmac('sha256', secret).update(code).digest('hex'));
  });

  it('matches the right code only', () => {
    const stored = queryCodeHash(secret, code);
    expect(queryCodeMatches(secret, code, stored)).toBe(true);
    expect(queryCodeMatches(secret, 'Ab3_x-9Y', stored)).toBe(false);
    expect(queryCodeMatches(Buffer.alloc(32, 8), code, stored)).toBe(false);
    expect(queryCodeMatches(secret, code, 'h1:00')).toBe(false);
    expect(queryCodeMatches(secret, code, '')).toBe(false);
  });

  it('still matches a hash of the earlier unsalted form, and rekeys it to the same value a new code gets', () => {
    const legacy = sha256(code);
    expect(isLegacyQueryCodeHash(legacy)).toBe(true);
    expect(queryCodeMatches(secret, code, legacy)).toBe(true);
    expect(queryCodeMatches(secret, 'Ab3_x-9Y', legacy)).toBe(false);
    expect(rekeyLegacyQueryCodeHash(secret, legacy)).toBe(queryCodeHash(secret, code));
    expect(isLegacyQueryCodeHash(queryCodeHash(secret, code))).toBe(false);
  });
});
