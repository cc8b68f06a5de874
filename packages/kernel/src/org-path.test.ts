import { describe, expect, it } from 'vitest';
import { childPath, depthOf, isWithin, outermostPaths, pathIds, subtreeRange } from './org-path.ts';

describe('org paths', () => {
  it('builds a child path under its parent', () => {
    expect(childPath('/A/', 'B')).toBe('/A/B/');
    expect(() => childPath('/A', 'B')).toThrow();
  });

  it('gives a text range that holds the subtree and nothing beside it', () => {
    const [lower, upper] = subtreeRange('/A/B/');
    const inside = ['/A/B/', '/A/B/C/', '/A/B/ZZZZ/Y/'];
    const outside = ['/A/', '/A/BB/', '/A/B0/', '/A/C/', '/A/A/'];
    for (const p of inside) expect(p >= lower && p < upper, p).toBe(true);
    for (const p of outside) expect(p >= lower && p < upper, p).toBe(false);
  });

  it('tells whether a path lies within another', () => {
    expect(isWithin('/A/B/C/', '/A/B/')).toBe(true);
    expect(isWithin('/A/BC/', '/A/B/')).toBe(false);
  });

  it('keeps only the outermost of nested paths', () => {
    expect(outermostPaths(['/A/B/', '/A/', '/C/D/', '/C/D/E/', '/A/'])).toEqual(['/A/', '/C/D/']);
  });

  it('splits a path into ids and depth', () => {
    expect(pathIds('/A/B/C/')).toEqual(['A', 'B', 'C']);
    expect(depthOf('/A/B/C/')).toBe(3);
  });
});
