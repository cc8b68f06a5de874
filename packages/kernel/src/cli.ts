import type { ParseArgsConfig } from 'node:util';
import type { Ctx } from './ctx.ts';
import type { Host } from './module.ts';

export interface CliInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out(line: string): void;
  err(line: string): void;
  /** Present when the command says `needsPlatform`: a migrated database, acting as `cli:<os-user>`. */
  ctx?: Ctx;
  host?: Host;
}

/** A module's `educloud <module> <verb>` command; it calls the same services as the HTTP routes. */
export interface CliCommand {
  /** One line for `educloud help`, in Chinese. */
  summary: string;
  options?: ParseArgsConfig['options'];
  needsPlatform?: boolean;
  run(input: CliInput): Promise<number>;
}
