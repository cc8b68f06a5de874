import { describe, it, expect } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, totpCode, totpUri, verifyTotp } from './totp.ts';

const counterAt = (seconds: number) => Math.floor(seconds / 30);

describe('totpCode', () => {
  const sha1Seed = Buffer.from('12345678901234567890');

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches RFC 6238 Appendix B for SHA1 at T=%i', (seconds, expected) => {
    expect(totpCode(sha1Seed, counterAt(seconds), 8, 'sha1')).toBe(expected);
  });

  it('matches RFC 6238 Appendix B for SHA256 at T=59', () => {
    const seed = Buffer.from('12345678901234567890123456789012');
    expect(totpCode(seed, counterAt(59), 8, 'sha256')).toBe('46119246');
  });

  it('matches RFC 4226 Appendix D HOTP values with 6 digits', () => {
    expect(totpCode(sha1Seed, 0)).toBe('755224');
    expect(totpCode(sha1Seed, 9)).toBe('520489');
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const bytes = base32Decode(secret);
  const now = 1_700_000_000_000;
  const current = counterAt(now / 1000);

  it('accepts the current code and returns its counter', () => {
    expect(verifyTotp(secret, totpCode(bytes, current), now)).toBe(current);
  });

  it('accepts the previous step but not two steps back', () => {
    expect(verifyTotp(secret, totpCode(bytes, current - 1), now)).toBe(current - 1);
    expect(verifyTotp(secret, totpCode(bytes, current - 2), now)).toBeNull();
  });

  it('accepts two steps back when the window is widened', () => {
    expect(verifyTotp(secret, totpCode(bytes, current - 2), now, { window: 2 })).toBe(current - 2);
  });

  it('refuses a replayed code and any older one', () => {
    const code = totpCode(bytes, current);
    expect(verifyTotp(secret, code, now, { lastUsedCounter: current })).toBeNull();
    expect(verifyTotp(secret, totpCode(bytes, current - 1), now, { lastUsedCounter: current })).toBeNull();
    expect(verifyTotp(secret, code, now, { lastUsedCounter: current - 1 })).toBe(current);
  });

  it('refuses a wrong or malformed code', () => {
    const right = totpCode(bytes, current);
    const wrong = ((Number(right) + 1) % 1_000_000).toString().padStart(6, '0');
    expect(verifyTotp(secret, wrong, now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('accepts a code typed with a space in the middle', () => {
    const code = totpCode(bytes, current);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(current);
  });
});

describe('base32', () => {
  it('encodes the RFC 4648 vectors without padding', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Encode(Buffer.alloc(0))).toBe('');
  });

  it('decodes case-insensitively, ignoring spaces and padding', () => {
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
  });

  it('round-trips random secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it('throws on characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW6YTB0I')).toThrow(/invalid_character/);
    expect(() => base32Decode('MZXW1YTBOI')).toThrow(/invalid_character/);
  });
});

describe('totpUri', () => {
  it('builds an otpauth URI with the issuer and account encoded', () => {
    const uri = totpUri({ secret: 'MZXW6YTBOI', account: 'zhang san@school.cn' });
    expect(uri).toBe(
      'otpauth://totp/EduCloud%20%E6%95%99%E8%82%B2%E4%BA%91:zhang%20san%40school.cn' +
        '?secret=MZXW6YTBOI&issuer=EduCloud%20%E6%95%99%E8%82%B2%E4%BA%91&algorithm=SHA1&digits=6&period=30',
    );
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe('EduCloud 教育云');
  });

  it('refuses a colon in the account, which would break the label', () => {
    expect(() => totpUri({ secret: 'MZXW6YTBOI', account: 'a:b' })).toThrow(/colon/);
  });
});
