import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';

/*
 * An org's path lists the ids from the root down to itself: "/<root>/<province>/<county>/".
 * A subtree is then a range of text, [path, path with its last "/" raised to "0"), which a
 * plain B-tree index answers on SQLite and PostgreSQL alike; LIKE 'x%' would depend on
 * collation and case-sensitivity settings.
 */
export const ROOT_PATH = '/';

export function childPath(parentPath: string, id: string): string {
  if (!parentPath.endsWith('/')) throw new Error(`not an org path: ${parentPath}`);
  return `${parentPath}${id}/`;
}

export function subtreeRange(path: string): [lower: string, upper: string] {
  if (!path.endsWith('/')) throw new Error(`not an org path: ${path}`);
  return [path, `${path.slice(0, -1)}0`];
}

export const isWithin = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath);

export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/** The path of the org's parent; null for the root. */
export function parentPath(path: string): string | null {
  const ids = pathIds(path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join('/')}/`;
}

export const depthOf = (path: string): number => pathIds(path).length;

/** Drops paths that lie inside another path of the list; the rest cover the same orgs. */
export function outermostPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept.sort();
}

/**
 * A where-clause for "column lies in one of these subtrees". No scopes means no rows.
 * Usage: `.where((eb) => inSubtrees(eb, 'u.org_path', scopes))`.
 */
export function inSubtrees(eb: ExpressionBuilder<any, any>, column: string, paths: string[]): Expression<SqlBool> {
  const ranges = outermostPaths(paths).map((p) => {
    const [lower, upper] = subtreeRange(p);
    return eb.and([eb(column, '>=', lower), eb(column, '<', upper)]);
  });
  if (ranges.length === 0) return eb(eb.val(1), '=', 0);
  return ranges.length === 1 ? ranges[0] : eb.or(ranges);
}
