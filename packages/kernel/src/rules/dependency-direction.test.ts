import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The rule that keeps modules separable (STYLE.md rule 1): core never imports a domain
 * module; a domain module imports only core contracts, packages and its own files; nothing
 * but apps imports apps. Enforced here by reading every import of every source file.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/** Resolves an import to a repository-relative path ('' for packages from node_modules). */
function target(file: string, spec: string): string {
  if (spec.startsWith('#kernel')) return 'packages/kernel/src';
  if (spec.startsWith('#core/')) return `core/${spec.slice('#core/'.length)}`;
  if (spec.startsWith('.')) return relative(ROOT, resolve(dirname(file), spec));
  return '';
}

function violations(): string[] {
  const found: string[] = [];
  for (const top of ['core', 'modules', 'packages', 'apps']) {
    for (const file of sourceFiles(join(ROOT, top))) {
      const from = relative(ROOT, file);
      const isTest = /\.(int\.)?test\.tsx?$|\.e2e\.ts$/.test(from);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const to = target(file, m[1] ?? m[2]);
        if (!to) continue;
        const [fromTop, fromName] = from.split('/');
        const [toTop, toName, toPart] = to.split('/');
        const bad =
          (fromTop === 'core' && toTop === 'modules') ||
          (fromTop === 'packages' && (toTop === 'core' || toTop === 'modules' || toTop === 'apps')) ||
          (fromTop === 'modules' && toTop === 'modules' && toName !== fromName) ||
          (fromTop === 'modules' && toTop === 'core' && toPart !== 'contract') ||
          // Tests may use the server's test harness; production code outside apps may not.
          (fromTop !== 'apps' && toTop === 'apps' && !isTest);
        if (bad) found.push(`${from} → ${to}`);
      }
    }
  }
  return found;
}

describe('dependency direction', () => {
  it('keeps core free of modules, modules free of each other, and packages free of both', () => {
    expect(violations()).toEqual([]);
  });

  it('would notice a module importing another module', () => {
    const file = join(ROOT, 'modules/a/server/x.ts');
    expect(target(file, '../../b/contract/y.ts')).toBe('modules/b/contract/y.ts');
    expect(target(file, '#core/orgs/server/org.repo.ts')).toBe('core/orgs/server/org.repo.ts');
  });
});
