import type { Ctx } from './ctx.ts';
import type { Host, Label } from './module.ts';

/**
 * A recurring piece of work a module declares in its manifest. core/jobs runs each due job on
 * exactly one server instance (a lease in the database), retries a failure with back-off and
 * keeps a history. `run` receives a system Ctx and should be idempotent: a lease that expires
 * while a slow run is still going lets another instance start it again.
 */
export interface JobDefinition {
  /** `<module>.<what>`, e.g. `workflow.deadlines`. */
  id: string;
  label: Label;
  /** How often the job is due, in seconds. */
  everySeconds: number;
  /** Failed attempts retried with back-off before waiting for the next regular run (default 3). */
  maxAttempts?: number;
  /** The run's one-line summary goes into the history. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a job that has nothing to report simply returns
  run(ctx: Ctx, host: Host): Promise<{ summary?: string } | void>;
}
