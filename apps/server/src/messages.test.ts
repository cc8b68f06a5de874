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
  value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

/** Every contract: each core piece's and module's `contract/errors.ts`, and the HTTP layer's. */
async function contracts(): Promise<
  Array<{ file: string; moduleId: string | null; entries: Array<{ name: string; code: string; params: readonly string[] }> }>
> {
  const out = [];
  const files = [...files_(join(ROOT, 'core')), ...files_(join(ROOT, 'modules')), join(ROOT, 'apps/server/src/request-errors.ts')];
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    const folder = file.includes('/contract/') ? file.slice(0, file.indexOf('/contract/')) : null;
    const moduleId = folder ? (/\bid: '([^']+)'/.exec(readFileSync(join(folder, 'module.ts'), 'utf8'))?.[1] ?? null) : 'request';
    const entries = Object.values(exported).flatMap((contract) =>
      contract && typeof contract === 'object'
        ? Object.entries(contract as Record<string, unknown>)
            .map(([name, f]) => ({ name, f: f as { code?: unknown; params?: readonly string[] } }))
            .filter(({ f }) => typeof (f as unknown) === 'function' && typeof f.code === 'string')
            .map(({ name, f }) => ({ name, code: f.code as string, params: f.params ?? [] }))
        : [],
    );
    out.push({ file: file.slice(ROOT.length + 1), moduleId, entries });
  }
  return out;
}
const files_ = (dir: string) => files(dir, (n) => n === 'errors.ts').filter((f) => f.endsWith('/contract/errors.ts'));

/**
 * Where a code could be written around a contract: a DomainError built by hand, a `code:`
 * property or a problem+json built from a literal. Each hit must be a code some contract declares.
 */
function literalCodes(): Array<{ code: string; file: string }> {
  const patterns = [
    /DomainError\(\s*'[a-z_]+',\s*'([a-z][a-z-]*\.[a-z_]+)'/g,
    /\bcode: '([a-z][a-z-]*\.[a-z_]+)'/g,
    /\bproblem\(\d{3}, '([a-z][a-z-]*\.[a-z_]+)'/g,
  ];
  const out: Array<{ code: string; file: string }> = [];
  const sources = ['core', 'modules', 'apps/server/src', 'packages/kernel/src'].flatMap((d) =>
    files(join(ROOT, d), (n) => /\.ts$/.test(n) && !/test\.ts$/.test(n)),
  );
  for (const file of sources) {
    if (file.includes('/web/') || file.endsWith('/contract/errors.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) out.push({ code: m[1], file: file.slice(ROOT.length + 1) });
  }
  return out;
}

describe('error contracts', () => {
  it('declares every code in a contract whose prefix is its module id, with a zh-CN and an en message', async () => {
    const zh = new Set(errorCodes('zh-CN'));
    const en = new Set(errorCodes('en'));
    const all = await contracts();
    expect(all.length).toBeGreaterThanOrEqual(13);
    const entries = all.flatMap((c) => c.entries.map((e) => ({ ...e, file: c.file, moduleId: c.moduleId })));
    expect(entries.length).toBeGreaterThan(150);
    expect(
      entries.filter((e) => !e.code.startsWith(`${e.moduleId}.`)).map((e) => `${e.code} in ${e.file}`),
      'codes whose prefix is not the module id',
    ).toEqual([]);
    expect(
      entries.filter((e) => !zh.has(e.code)).map((e) => e.code),
      'codes without a zh-CN message',
    ).toEqual([]);
    expect(
      entries.filter((e) => !en.has(e.code)).map((e) => e.code),
      'codes without an en message',
    ).toEqual([]);
  });

  it('uses in every message only params its contract declares', async () => {
    const undeclared: string[] = [];
    for (const { entries } of await contracts()) {
      for (const e of entries) {
        const declared = new Set(e.params.map((p) => p.replace(/\?$/, '')));
        for (const locale of ['zh-CN', 'en'] as const) {
          for (const m of rawTemplate(e.code, locale).matchAll(/\{\{(\w+)\}\}/g))
            if (!declared.has(m[1])) undeclared.push(`${e.code} {{${m[1]}}} (${locale})`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('finds no code written outside a contract', async () => {
    const declared = new Set((await contracts()).flatMap((c) => c.entries.map((e) => e.code)));
    const stray = literalCodes()
      .filter((c) => !declared.has(c.code))
      .map((c) => `${c.code} (${c.file})`);
    expect(stray, 'codes built from a literal that no contract declares').toEqual([]);
  });

  it('builds a DomainError by hand only from a contract entry', () => {
    const byHand = ['core', 'modules', 'apps/server/src']
      .flatMap((d) => files(join(ROOT, d), (n) => /\.ts$/.test(n) && !/test\.ts$/.test(n)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, where: `${file.slice(ROOT.length + 1)}:${i + 1}` })),
      )
      .filter(({ line }) => /new DomainError\(|extends DomainError[\s\S]*super\(/.test(line) || /^\s*super\('[a-z_]+', /.test(line))
      .filter(({ line }) => !/\w+Errors\.\w+\.(kind|code)/.test(line));
    expect(byHand.map((h) => h.where)).toEqual([]);
  });

  it('keeps every code in the messages the code that owns it', () => {
    // A message with no contract code is a leftover or a typo of a real one.
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const { folder, entries } of localeSections(locale, 'errors')) {
        const id = /\bid: '([^']+)'/.exec(readFileSync(join(ROOT, folder, 'module.ts'), 'utf8'))?.[1];
        const foreign = Object.keys(entries).filter(
          (code) => !code.startsWith(`${id}.`) && !(folder === 'core/auth' && (code === 'internal' || code.startsWith('request.'))),
        );
        expect(foreign, `messages in ${folder}/locales/${locale}.json for another module's codes`).toEqual([]);
      }
    }
  });

  it('has a message for every code a contract declares and a contract for every message', async () => {
    const declared = new Set((await contracts()).flatMap((c) => c.entries.map((e) => e.code)));
    declared.add('internal');
    expect(
      errorCodes('zh-CN').filter((c) => !declared.has(c)),
      'messages no contract declares',
    ).toEqual([]);
  });
});

function rawTemplate(code: string, locale: 'zh-CN' | 'en'): string {
  for (const { entries } of localeSections(locale, 'errors')) if (typeof entries[code] === 'string') return entries[code] as string;
  return '';
}

describe('locales and error messages', () => {
  it('gives every locale file the same keys in zh-CN and en', () => {
    const localeDirs = files(ROOT, (n) => n === 'zh-CN.json').filter(
      (f) => /\/locales\/zh-CN\.json$/.test(f) && !f.includes('node_modules'),
    );
    expect(localeDirs.length).toBeGreaterThan(0);
    for (const zhFile of localeDirs) {
      const enFile = zhFile.replace(/zh-CN\.json$/, 'en.json');
      expect(existsSync(enFile), `${enFile} is missing`).toBe(true);
      const zh = keysOf(JSON.parse(readFileSync(zhFile, 'utf8'))).sort();
      const en = keysOf(JSON.parse(readFileSync(enFile, 'utf8'))).sort();
      expect(en, `keys differ between ${zhFile} and its en.json`).toEqual(zh);
    }
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
      const folder = file
        .slice(ROOT.length + 1)
        .split('/')
        .slice(0, 2)
        .join('/');
      const kinds = new Set<string>();
      for (const m of text.matchAll(/\bkind: '([a-z][a-z-]*\.[a-z_.]+)'/g)) kinds.add(m[1]);
      // A kind handed to a helper on the same line, e.g. notifyApplicant(tx, loaded, 'workflow.returned').
      for (const call of text.matchAll(/\bnotify\w*\([^;\n]*/g))
        for (const m of call[0].matchAll(/'([a-z][a-z-]*\.[a-z_]+)'/g)) kinds.add(m[1]);
      for (const kind of kinds) out.push({ folder, kind, file });
    }
  }
  return out;
}

describe('notification templates', () => {
  it("has a zh-CN and an en template, in the sending module's own locale files, for every kind the code sends", () => {
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
