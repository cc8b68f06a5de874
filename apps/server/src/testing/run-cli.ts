import { runCli } from '../cli/run.ts';
import type { TestApp } from './test-app.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * Runs the `educloud` command line against the harness's database and field key. The CLI
 * reads its configuration from `process.env`, so the variables are set for the run only
 * and restored afterwards, whatever happens.
 */
export async function runCliAgainst(harness: TestApp, argv: string[]): Promise<CliRun> {
  const { databaseUrl, dataDir, fieldKey } = harness.platform.config;
  const vars: Record<string, string | undefined> = {
    DATABASE_URL: databaseUrl,
    EDUCLOUD_DATA_DIR: dataDir,
    EDUCLOUD_FIELD_KEY: fieldKey ?? undefined,
    EDUCLOUD_CONFIG: undefined,
  };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const setAll = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const out: string[] = [];
  const err: string[] = [];
  setAll(vars);
  try {
    const code = await runCli(
      argv,
      (line) => out.push(line),
      (line) => err.push(line),
    );
    return { code, out, err };
  } finally {
    setAll(saved);
  }
}
