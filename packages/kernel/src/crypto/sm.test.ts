import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { FieldCipher, deriveKey, hmacSm3, sm3Hex } from './sm.ts';

const masterKey = Buffer.alloc(32, 7);

describe('sm3Hex', () => {
  it('matches the GB/T 32905 example for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the GB/T 32905 example for "abcd" repeated 16 times', () => {
    expect(sm3Hex(Buffer.from('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('hmacSm3', () => {
  it('equals the RFC 2104 construction built from plain SM3', () => {
    const key = Buffer.from('educloud-key');
    const data = 'message';
    const block = Buffer.concat([key, Buffer.alloc(64 - key.length)]);
    const xor = (pad: number) => Buffer.from(block.map((b) => b ^ pad));
    const inner = createHash('sm3').update(xor(0x36)).update(data).digest();
    const expected = createHash('sm3').update(xor(0x5c)).update(inner).digest();
    expect(hmacSm3(key, data).equals(expected)).toBe(true);
  });
});

describe('deriveKey', () => {
  it('gives 32-byte keys that differ per label', () => {
    const a = deriveKey(masterKey, 'enc');
    const b = deriveKey(masterKey, 'mac');
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(deriveKey(masterKey, 'enc'))).toBe(true);
  });
});

describe('SM4 in node:crypto', () => {
  it('is the GB/T 32907 cipher (single-block ECB example)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('FieldCipher', () => {
  it('refuses a master key shorter than 32 bytes', () => {
    expect(() => new FieldCipher(Buffer.alloc(31))).toThrow(/master_key_too_short/);
  });

  it('round-trips text, including Chinese and the empty string', () => {
    const fc = new FieldCipher(masterKey);
    for (const text of ['11010519491231002X', '张三 · 北京市海淀区', '']) {
      const token = fc.encrypt(text);
      expect(token.startsWith('v1.')).toBe(true);
      expect(fc.decrypt(token)).toBe(text);
    }
  });

  it('produces a different token each time the same text is encrypted', () => {
    const fc = new FieldCipher(masterKey);
    expect(fc.encrypt('13812345678')).not.toBe(fc.encrypt('13812345678'));
  });

  it('detects a flipped byte in the IV, the ciphertext or the tag', () => {
    const fc = new FieldCipher(masterKey);
    const token = fc.encrypt('13812345678');
    const raw = Buffer.from(token.slice(3), 'base64url');
    for (const index of [0, 16, raw.length - 1]) {
      const copy = Buffer.from(raw);
      copy[index] ^= 0x01;
      expect(() => fc.decrypt(`v1.${copy.toString('base64url')}`)).toThrow('field_cipher.tampered');
    }
  });

  it('refuses malformed tokens and tokens made under another master key', () => {
    const fc = new FieldCipher(masterKey);
    const token = fc.encrypt('secret');
    expect(() => fc.decrypt(`v2.${token.slice(3)}`)).toThrow('field_cipher.tampered');
    expect(() => fc.decrypt('v1.')).toThrow('field_cipher.tampered');
    expect(() => fc.decrypt(`v1.${Buffer.alloc(40).toString('base64url')}`)).toThrow('field_cipher.tampered');
    expect(() => fc.decrypt(`${token}!`)).toThrow('field_cipher.tampered');
    expect(() => new FieldCipher(randomBytes(32)).decrypt(token)).toThrow('field_cipher.tampered');
  });

  it('gives a stable blind index that ignores case and surrounding spaces', () => {
    const fc = new FieldCipher(masterKey);
    const index = fc.blindIndex('11010519491231002X');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(new FieldCipher(masterKey).blindIndex('11010519491231002X')).toBe(index);
    expect(fc.blindIndex(' 11010519491231002x ')).toBe(index);
    expect(fc.blindIndex('110105194912310029')).not.toBe(index);
  });

  it('gives different blind indexes under different master keys', () => {
    const other = new FieldCipher(Buffer.alloc(32, 8));
    expect(other.blindIndex('13812345678')).not.toBe(new FieldCipher(masterKey).blindIndex('13812345678'));
  });
});
