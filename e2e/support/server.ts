// A real EduCloud server for browser tests: a child process on a free port with its own
// temporary SQLite data directory, stopped (with its whole process group) at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleIsStale } from '../../apps/server/src/web-console.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Meets the password policy and contains neither the account ("admin") nor the real name. */
export const ADMIN_PASSWORD = 'Lantern-Sky-2025!e2e';
export const ADMIN_ACCOUNT = 'admin';
/** Set explicitly for the demo so the tests never depend on the built-in default. */
export const DEMO_PASSWORD = 'EduCloud-Demo-2025';

const STARTUP_TIMEOUT_MS = 30_000;
/** The first start may build the console with Vite (see apps/server/src/web-console.ts). */
const STARTUP_WITH_BUILD_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface TotpState {
  secret: string;
  /** The last time step whose code the server accepted: it refuses that step and older ones again. */
  lastCounter: number;
}

export interface E2eServer {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** TOTP secrets enrolled during this server's life, per account. */
  totp: Map<string, TotpState>;
  /** The server's combined stdout/stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Runs `educloud demo` on the fresh data directory before the server starts. */
  demo?: boolean;
  /** Extra environment variables for the server (and demo). */
  env?: Record<string, string>;
}

/** A port nobody listens on right now (the OS picks it; the tiny race is acceptable here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** The environment of a server or CLI child: only our variables decide where data goes. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('EDUCLOUD_') || key === 'DATABASE_URL') delete env[key];
  // Vitest sets NODE_ENV=test (and VITEST, TEST...) in its workers: inherited, the server's own
  // console build would be React's and antd's development build, not the one users get.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  return {
    ...env,
    EDUCLOUD_DATA_DIR: dataDir,
    EDUCLOUD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    EDUCLOUD_DEMO_PASSWORD: DEMO_PASSWORD,
    EDUCLOUD_LOG_LEVEL: 'warn',
    EDUCLOUD_HOST: '127.0.0.1',
    NO_COLOR: '1',
    ...extra,
  };
}

/** `node --import tsx apps/server/src/main.ts ...args`: one process, its own process group. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', ...args], {
    cwd: ROOT,
    env,
    detached: true, // own process group: stop() can signal the group, never anything else
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Runs `educloud demo` against `dataDir` (sample schools and people, password DEMO_PASSWORD). */
export async function runDemo(dataDir: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const child = spawnCli(['demo'], childEnv(dataDir, extraEnv));
  let output = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`educloud demo exited with ${code}:\n${output}`);
  if (!output.includes(DEMO_PASSWORD)) throw new Error(`educloud demo did not print the expected password:\n${output}`);
  return output;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the EduCloud server ${exited} before it became healthy:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the EduCloud server did not answer /api/health within ${timeoutMs / 1000}s:\n${log()}`);
}

/**
 * Starts `educloud serve` on a free port with a fresh temporary data directory and waits for
 * /api/health. The console is built by the server itself when stale, so the first start may
 * take up to two minutes.
 */
export async function startServer(options: StartOptions = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'educloud-e2e-'));
  const logPath = join(dataDir, 'server.log');
  if (options.demo) await runDemo(dataDir, options.env);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const building = consoleIsStale();
  const child = spawnCli(['serve'], childEnv(dataDir, { ...options.env, EDUCLOUD_PORT: String(port) }));
  const logFile: WriteStream = createWriteStream(logPath);
  let logText = '';
  const capture = (d: Buffer) => {
    logText += d.toString();
    logFile.write(d);
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const log = () => logText;

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => logFile.end(() => resolve()));
      if (!process.env.EDUCLOUD_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };
  // A test run that dies must not leave the server behind.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  try {
    if (building) console.log('e2e: the console is stale: the server builds it on start (up to 120 s)');
    const started = Date.now();
    await waitForHealth(url, child, building ? STARTUP_WITH_BUILD_TIMEOUT_MS : STARTUP_TIMEOUT_MS, log);
    console.log(`e2e: server pid ${child.pid} healthy at ${url} after ${((Date.now() - started) / 1000).toFixed(1)}s (data ${dataDir})`);
  } catch (e) {
    await stop();
    process.off('exit', onExit);
    throw e;
  }

  return {
    url,
    port,
    dataDir,
    pid: child.pid!,
    totp: new Map(),
    log,
    stop: async () => {
      await stop();
      process.off('exit', onExit);
    },
  };
}
