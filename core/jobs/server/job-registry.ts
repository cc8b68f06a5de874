import type { JobDefinition, ModuleDefinition } from '#kernel';

export interface RegisteredJob extends JobDefinition {
  /** The id of the module whose manifest declares the job. */
  module: string;
}

const registry = new Map<string, RegisteredJob>();

/**
 * Collects the jobs every enabled module declares; called once when the platform opens.
 * A malformed declaration stops the start: a job that never runs would fail silently.
 */
export function installJobs(modules: ModuleDefinition[]): void {
  registry.clear();
  for (const m of modules) {
    for (const job of m.jobs ?? []) {
      if (!job.id.startsWith(`${m.id}.`)) throw new Error(`job "${job.id}" of module ${m.id} must be named "${m.id}.<what>"`);
      if (registry.has(job.id)) throw new Error(`job "${job.id}" is declared twice`);
      if (!Number.isInteger(job.everySeconds) || job.everySeconds < 1)
        throw new Error(`job "${job.id}": everySeconds must be a positive integer`);
      if (job.maxAttempts !== undefined && (!Number.isInteger(job.maxAttempts) || job.maxAttempts < 1))
        throw new Error(`job "${job.id}": maxAttempts must be a positive integer`);
      registry.set(job.id, { ...job, module: m.id });
    }
  }
}

/** Every declared job, in the order of the modules and their manifests. */
export const registeredJobs = (): RegisteredJob[] => [...registry.values()];

export const findRegisteredJob = (id: string): RegisteredJob | undefined => registry.get(id);
