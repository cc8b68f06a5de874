import type { Actor } from '#kernel';
import type { Platform } from '../platform.ts';

export async function runDemo(_platform: Platform, _actor: Actor, out: (line: string) => void): Promise<number> {
  out('demo: not yet implemented');
  return 1;
}
