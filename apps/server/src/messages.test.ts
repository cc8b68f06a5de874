import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes, messageFor } from './messages.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function files(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? files(full, test) : test(name) ? [full] : [];
  });
}

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

/** Error codes written literally where they are thrown or reported. */
function thrownCodes(): string[] {
  const patterns = [
    /\b(?:invalid|notFound|conflict|forbidden)\(\s*'([a-z][a-z-]*\.[a-z_]+)'/g,
    /DomainError\(\s*'[a-z_]+',\s*'([a-z][a-z-]*\.[a-z_]+)'/g,
    /\bcode: '([a-z][a-z-]*\.[a-z_]+)'/g,
    /\bfail\('([a-z][a-z-]*\.[a-z_]+)'/g,
  ];
  const codes = new Set<string>();
  const sources = ['core', 'modules', 'apps/server/src'].flatMap((d) => files(join(ROOT, d), (n) => /\.ts$/.test(n) && !/test\.ts$/.test(n)));
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]);
    if (file.endsWith('/contract/errors.ts')) for (const m of text.matchAll(/'([a-z][a-z-]*\.[a-z_]+)'/g)) codes.add(m[1]);
  }
  // Built from the ID-number check's reasons at run time.
  for (const reason of ['format', 'check_digit', 'birth_date']) codes.add(`users.id_number_${reason}`);
  return [...codes].sort();
}

describe('locales and error messages', () => {
  it('gives every locale file the same keys in zh-CN and en', () => {
    const localeDirs = files(ROOT, (n) => n === 'zh-CN.json').filter((f) => /\/locales\/zh-CN\.json$/.test(f) && !f.includes('node_modules'));
    expect(localeDirs.length).toBeGreaterThan(0);
    for (const zhFile of localeDirs) {
      const enFile = zhFile.replace(/zh-CN\.json$/, 'en.json');
      expect(existsSync(enFile), `${enFile} is missing`).toBe(true);
      const zh = keysOf(JSON.parse(readFileSync(zhFile, 'utf8'))).sort();
      const en = keysOf(JSON.parse(readFileSync(enFile, 'utf8'))).sort();
      expect(en, `keys differ between ${zhFile} and its en.json`).toEqual(zh);
    }
  });

  it('has a Chinese and an English message for every error code the code throws', () => {
    const zh = new Set(errorCodes('zh-CN'));
    const en = new Set(errorCodes('en'));
    const codes = thrownCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !zh.has(c)), 'codes without a zh-CN message').toEqual([]);
    expect(codes.filter((c) => !en.has(c)), 'codes without an en message').toEqual([]);
  });

  it('fills parameters into the message', () => {
    expect(messageFor('orgs.code_taken', { code: 'GB110000' })).toBe('机构代码 GB110000 已被使用');
    expect(messageFor('access.unknown_permission', { permissions: ['a.b.c', 'd.e.f'] }, 'en')).toBe('Unknown permissions: a.b.c, d.e.f');
  });
});
