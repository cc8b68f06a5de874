import type { ParseArgsConfig } from 'node:util';
import type { Ctx } from './ctx.ts';
import type { Host } from './module.ts';

export interface CliInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out(line: string): void;
  err(line: string): void;
  /** Words from the locales: `<module>:cli.…` with {{params}} filled, or an error code's message. */
  text(key: string, params?: Record<string, unknown>): string;
  /** Present when the command says `needsPlatform`: a migrated database, acting as `cli:<os-user>`. */
  ctx?: Ctx;
  host?: Host;
}

/** A module's `educloud <module> <verb>` command; it calls the same services as the HTTP routes. */
export interface CliCommand {
  /** The locale key of one line for `educloud help`, e.g. `work-plan:cli.parse.summary`. */
  summary: string;
  options?: ParseArgsConfig['options'];
  needsPlatform?: boolean;
  run(input: CliInput): Promise<number>;
}
