import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONSOLE_DIST = join(ROOT, 'apps/web/dist');

/** Folders whose files end up in the console bundle. */
function sourceRoots(): string[] {
  const roots = [
    'apps/web/src',
    'apps/web/locales',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'packages/ui/src',
    'package-lock.json',
  ];
  for (const group of ['core', 'modules']) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) roots.push(`${group}/${name}/web`, `${group}/${name}/locales`);
  }
  return roots.map((r) => join(ROOT, r)).filter((p) => existsSync(p));
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when the built console is missing or older than any of its sources. */
export function consoleIsStale(): boolean {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sourceRoots().some((root) => newestMtime(root) > built);
}

/** Builds the console with Vite, in-process, so `npm start` needs no separate build step. */
export async function buildConsole(log: (line: string) => void): Promise<void> {
  log('正在构建 Web 控制台（首次启动或源文件有更新）…');
  const started = Date.now();
  const { build } = await import('vite');
  // React picks its development build from NODE_ENV; whatever the caller runs under, the console is production.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'apps/web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  log(`Web 控制台构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
}

/** Serves the built console's assets; every other non-API GET gets index.html (client routing). */
export async function registerConsole(app: FastifyInstance): Promise<(() => string) | null> {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return null;
  await app.register(fastifyStatic, {
    root: join(CONSOLE_DIST, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  const html = readFileSync(index, 'utf8');
  return () => html;
}
