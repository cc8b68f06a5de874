import { describe, it, expect } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt parameters, salt and hash in the documented format', async () => {
    const stored = await hashPassword('Correct-Horse-9');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(32);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct-Horse-9');
    expect(await verifyPassword('Correct-Horse-9', stored)).toBe(true);
    expect(await verifyPassword('correct-Horse-9', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash, so the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashPassword('Correct-Horse-9'), hashPassword('Correct-Horse-9')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Correct-Horse-9', b)).toBe(true);
  });

  it('reads the cost parameters from the stored string', async () => {
    const stored = await hashPassword('Correct-Horse-9');
    // Same salt and hash under a different N must no longer verify.
    expect(await verifyPassword('Correct-Horse-9', stored.replace('$16384$', '$8192$'))).toBe(false);
  });

  it('treats full-width input as the same password as half-width', async () => {
    const stored = await hashPassword('Pass1234word!');
    expect(await verifyPassword('Ｐａｓｓ１２３４ｗｏｒｄ！', stored)).toBe(true);
  });

  it('returns false rather than throwing for malformed stored strings', async () => {
    const good = await hashPassword('Correct-Horse-9');
    const [, , , , salt, hash] = good.split('$');
    const malformed = [
      '',
      'plaintext',
      `bcrypt$16384$8$1$${salt}$${hash}`,
      `scrypt$16384$8$1$${salt}`,
      `scrypt$16383$8$1$${salt}$${hash}`,
      `scrypt$${1 << 24}$8$1$${salt}$${hash}`,
      `scrypt$16384$0$1$${salt}$${hash}`,
      `scrypt$16384$8$1$$${hash}`,
      `scrypt$16384$8$1$${salt}$not*base64`,
      `scrypt$16384$8$1$${salt}$AAAA`,
    ];
    for (const stored of malformed) {
      expect(await verifyPassword('Correct-Horse-9', stored)).toBe(false);
    }
  });
});

describe('checkPasswordPolicy', () => {
  const context = { account: 'zhangsan' };

  it('accepts a long password with three character classes', () => {
    expect(checkPasswordPolicy('Blue-river-42', context)).toEqual([]);
  });

  it('flags a password shorter than 10 characters', () => {
    expect(checkPasswordPolicy('Ab1!Ab1!x', context)).toEqual(['too_short']);
    expect(checkPasswordPolicy('Ab1!Ab1!xy', context)).toEqual([]);
  });

  it('flags a password longer than 128 characters', () => {
    expect(checkPasswordPolicy(`${'Aa1!'.repeat(32)}x`, context)).toEqual(['too_long']);
    expect(checkPasswordPolicy('Aa1!'.repeat(32), context)).toEqual([]);
  });

  it('flags a password using fewer than three character classes', () => {
    expect(checkPasswordPolicy('onlylowercase1!', context)).toEqual([]);
    expect(checkPasswordPolicy('onlylowercase12', context)).toEqual(['too_few_classes']);
    expect(checkPasswordPolicy('onlylowercaseabc', context)).toEqual(['too_few_classes']);
    expect(checkPasswordPolicy('lowerUPPERonly', context)).toEqual(['too_few_classes']);
  });

  it('counts non-ASCII characters such as Chinese as the "other" class', () => {
    expect(checkPasswordPolicy('教育云abcdefg1', context)).toEqual([]);
  });

  it('flags a password containing the account, ignoring case', () => {
    expect(checkPasswordPolicy('My-ZhangSan-2024', context)).toEqual(['contains_account']);
  });

  it('ignores accounts shorter than 3 characters', () => {
    expect(checkPasswordPolicy('Reliable-2024', { account: 'li' })).toEqual([]);
  });

  it('flags a password containing the real name', () => {
    expect(checkPasswordPolicy('我是张伟abc123', { account: 'teacher01', realName: '张伟' })).toEqual(['contains_account']);
    expect(checkPasswordPolicy('Xiaoming-1999', { account: 'teacher01', realName: 'Xiao Ming' })).toEqual(['contains_account']);
  });

  it('flags very common passwords regardless of case', () => {
    for (const common of ['Password123!', 'admin@123456', 'QWER1234!@#$', 'P@ssw0rd1234']) {
      expect(checkPasswordPolicy(common, context)).toEqual(['common']);
    }
  });

  it('judges the normalised text that is hashed, so full-width input cannot pass a listed password through', () => {
    // Ｐａｓｓｗｏｒｄ１２３！ hashes as Password123!; before, its full-width letters counted as the
    // "other" class and it was not found in the common list.
    expect(checkPasswordPolicy('Ｐａｓｓｗｏｒｄ１２３！', context)).toEqual(['common']);
    expect(checkPasswordPolicy('Ｍｙ－ＺｈａｎｇＳａｎ－２０２４', context)).toEqual(['contains_account']);
    expect(checkPasswordPolicy('ａｂｃｄｅｆｇｈｉｊ', context)).toEqual(['too_few_classes']);
  });

  it('reports every rule that is broken at once', () => {
    expect(checkPasswordPolicy('zhangsan', context)).toEqual(['too_short', 'too_few_classes', 'contains_account']);
  });
});
