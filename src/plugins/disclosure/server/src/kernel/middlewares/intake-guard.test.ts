import { clientKey, guardsBeforeBody, INTAKE_GUARD, pathPattern } from './intake-guard';

describe('clientKey', () => {
  it('counts an IPv4 client the same on an IPv4 or an IPv6 socket', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 client by its /64, however it writes the address', () => {
    const key = clientKey('2001:db8:12:34::1');
    expect(key).toBe('2001:db8:12:34::/64');
    expect(clientKey('2001:0db8:0012:0034:ffff:1:2:3')).toBe(key);
    expect(clientKey('2001:db8:12:35::1')).not.toBe(key);
  });

  it('keeps what is not an address as it is', () => {
    expect(clientKey('unknown')).toBe('unknown');
  });
});

describe('guardsBeforeBody', () => {
  it('is true only when the guard comes before the body parser', () => {
    expect(guardsBeforeBody(['strapi::errors', INTAKE_GUARD, 'strapi::body'])).toBe(true);
    expect(guardsBeforeBody([{ name: INTAKE_GUARD, config: {} }, 'strapi::body'])).toBe(true);
    expect(guardsBeforeBody(['strapi::body', INTAKE_GUARD])).toBe(false);
    expect(guardsBeforeBody(['strapi::errors', 'strapi::body'])).toBe(false);
  });
});

describe('an intake path with route parameters', () => {
  const pattern = pathPattern('/api/disclosure/consultations/:id/comments');

  it('matches the path of any one consultation, and nothing around it', () => {
    expect(pattern.test('/api/disclosure/consultations/7/comments')).toBe(true);
    expect(pattern.test('/api/disclosure/consultations/abc/comments')).toBe(true);
    expect(pattern.test('/api/disclosure/consultations/7/8/comments')).toBe(false);
    expect(pattern.test('/api/disclosure/consultations//comments')).toBe(false);
    expect(pattern.test('/api/disclosure/consultations/7/comments/x')).toBe(false);
    expect(pattern.test('/xapi/disclosure/consultations/7/comments')).toBe(false);
  });

  it('takes the literal segments literally', () => {
    expect(pathPattern('/api/disclosure-requests').test('/api/disclosure-requests')).toBe(true);
    expect(pathPattern('/api/a.b').test('/api/aXb')).toBe(false);
  });
});
