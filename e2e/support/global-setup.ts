import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Once per run: screenshots of an earlier run (or of renamed tests) must not mix with this one's. */
export default function setup(): void {
  rmSync(fileURLToPath(new URL('../../test-results/e2e/screenshots', import.meta.url)), { recursive: true, force: true });
}
