import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes, localeSections, messageFor, notificationTemplates } from './messages.ts';

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
    /\bproblem\(\d{3}, '([a-z][a-z-]*\.[a-z_]+)'/g,
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

/**
 * Notification kinds written literally in the code that sends them, by the folder that sends them.
 * Kinds built at run time escape this; notify() refuses those without templates when a test sends them.
 */
function sentKinds(): Array<{ folder: string; kind: string; file: string }> {
  const out: Array<{ folder: string; kind: string; file: string }> = [];
  for (const group of ['core', 'modules']) {
    for (const file of files(join(ROOT, group), (n) => /\.ts$/.test(n) && !/test\.ts$/.test(n))) {
      const text = readFileSync(file, 'utf8');
      if (!/\bnotify\w*\(/.test(text)) continue;
      const folder = file.slice(ROOT.length + 1).split('/').slice(0, 2).join('/');
      const kinds = new Set<string>();
      for (const m of text.matchAll(/\bkind: '([a-z][a-z-]*\.[a-z_.]+)'/g)) kinds.add(m[1]);
      // A kind handed to a helper on the same line, e.g. notifyApplicant(tx, loaded, 'workflow.returned').
      for (const call of text.matchAll(/\bnotify\w*\([^;\n]*/g)) for (const m of call[0].matchAll(/'([a-z][a-z-]*\.[a-z_]+)'/g)) kinds.add(m[1]);
      for (const kind of kinds) out.push({ folder, kind, file });
    }
  }
  return out;
}

describe('notification templates', () => {
  it('has a zh-CN and an en template, in the sending module\'s own locale files, for every kind the code sends', () => {
    const used = sentKinds();
    expect(used.map((u) => u.kind)).toContain('notify.test_message');
    for (const locale of ['zh-CN', 'en'] as const) {
      const own = new Map(localeSections(locale, 'notify').map((s) => [s.folder, s.entries]));
      const missing = used.filter((u) => !own.get(u.folder)?.[u.kind]).map((u) => `${u.kind} (${u.file.slice(ROOT.length + 1)})`);
      expect(missing, `kinds without a notify template in ${locale}`).toEqual([]);
    }
  });

  it('names each kind after the module that owns it and gives it a title in both languages', () => {
    const templates = notificationTemplates();
    expect(templates['zh-CN'].size).toBeGreaterThan(0);
    for (const { folder, entries } of localeSections('zh-CN', 'notify')) {
      for (const kind of Object.keys(entries)) expect(kind.startsWith(`${folder.split('/')[1]}.`), `${kind} in ${folder}`).toBe(true);
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [kind, t] of templates[locale]) expect(t.title.trim(), `title of ${kind} in ${locale}`).not.toBe('');
    }
  });
});
