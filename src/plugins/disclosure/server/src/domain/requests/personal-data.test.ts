import { decrypt, encrypt, mask, parseKey } from './personal-data';

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
