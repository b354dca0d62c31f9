import { createHmac } from 'crypto';
import { encrypt, queryCodeHash, queryCodeKey, queryCodeMatchesUnder } from './personal-data';
import { fingerprintOf, isEncryptedValue, mapEncrypted, refusalMessage } from './personal-data-key';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('the personal-data key fingerprint', () => {
  it('is the first 16 hex digits of HMAC-SHA-256 of the fixed label under the key', () => {
    const expected = createHmac('sha256', keyA)
      .update('gov-disclosure personal-data key fingerprint v1')
      .digest('hex')
      .slice(0, 16);
    expect(fingerprintOf(keyA)).toBe(expected);
    expect(fingerprintOf(keyA)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells keys apart and reveals neither', () => {
    expect(fingerprintOf(keyB)).not.toBe(fingerprintOf(keyA));
    expect(fingerprintOf(keyA)).not.toContain(keyA.toString('hex').slice(0, 8));
  });

  it('is a fixed figure for a fixed key (the backup manifest computes the same)', () => {
    expect(fingerprintOf(Buffer.alloc(32, 7))).toBe(fingerprintOf(Buffer.alloc(32, 7)));
    expect(fingerprintOf(Buffer.alloc(32, 0))).toBe(
      createHmac('sha256', Buffer.alloc(32, 0))
        .update('gov-disclosure personal-data key fingerprint v1')
        .digest('hex')
        .slice(0, 16)
    );
  });
});

describe('encrypted values in stored rows', () => {
  it('recognises the stored form only', () => {
    expect(isEncryptedValue(encrypt(keyA, '张三'))).toBe(true);
    expect(isEncryptedValue('v1: a title that starts like one')).toBe(false);
    expect(isEncryptedValue(null)).toBe(false);
  });

  it('maps every encrypted string inside JSON, leaving the rest', () => {
    const phone = encrypt(keyA, '13900001234');
    const proposers = [{ name: '李明', phone, email: null, address: 'v1:not-one' }];
    expect(mapEncrypted(proposers, () => 'X')).toEqual([
      { name: '李明', phone: 'X', email: null, address: 'v1:not-one' },
    ]);
  });
});

describe('query codes after a key rotation', () => {
  it('match under the retired query-code key, not under the new key', () => {
    const stored = queryCodeHash(keyA, 'Ab3dE5gH');
    expect(queryCodeMatchesUnder(queryCodeKey(keyA), 'Ab3dE5gH', stored)).toBe(true);
    expect(queryCodeMatchesUnder(queryCodeKey(keyB), 'Ab3dE5gH', stored)).toBe(false);
    expect(queryCodeMatchesUnder(queryCodeKey(keyA), 'wrong123', stored)).toBe(false);
  });
});

describe('the refusal', () => {
  it('names the setting, both fingerprints and what to do', () => {
    const message = refusalMessage('mismatch', 'aaaa', 'bbbb');
    expect(message).toContain('DISCLOSURE_PERSONAL_DATA_KEY');
    expect(message).toContain('stored key fingerprint aaaa');
    expect(message).toContain("this key's bbbb");
    expect(message).toContain('npm run personal-data:rotate-key');
    expect(refusalMessage('missing', 'aaaa', null)).toContain('is not set');
  });
});
