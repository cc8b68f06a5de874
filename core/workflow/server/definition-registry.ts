import type { ModuleDefinition, WorkflowDefinition, WorkflowStep } from '#kernel';

const registry = new Map<string, WorkflowDefinition>();

function check(module: ModuleDefinition, d: WorkflowDefinition, permissions: Set<string>): void {
  const where = `workflow "${d.id}" of module "${module.id}"`;
  if (!d.id.startsWith(`${module.id}.`)) throw new Error(`${where}: its id must start with "${module.id}."`);
  if (d.steps.length === 0) throw new Error(`${where} has no steps`);
  const ids = new Set<string>();
  for (const s of d.steps) {
    if (!/^[a-z][a-z0-9_]*$/.test(s.id)) throw new Error(`${where}: step id "${s.id}" must be lower-case letters, digits, _`);
    if (ids.has(s.id)) throw new Error(`${where}: step "${s.id}" is declared twice`);
    ids.add(s.id);
    if (!permissions.has(s.permission)) throw new Error(`${where}: step "${s.id}" names the undeclared permission "${s.permission}"`);
  }
}

/** Collects the review processes the enabled modules declare; ids are unique, permissions declared. */
export function installWorkflowDefinitions(modules: ModuleDefinition[]): void {
  registry.clear();
  const permissions = new Set(modules.flatMap((m) => (m.permissions ?? []).map((p) => p.id)));
  for (const m of modules) {
    for (const d of m.workflows ?? []) {
      if (registry.has(d.id)) throw new Error(`workflow "${d.id}" is declared twice`);
      check(m, d, permissions);
      registry.set(d.id, d);
    }
  }
}

export const findDefinition = (id: string): WorkflowDefinition | undefined => registry.get(id);

export const listDefinitions = (): WorkflowDefinition[] => [...registry.values()];

export function stepOf(definition: WorkflowDefinition, stepId: string | null): WorkflowStep | undefined {
  return stepId === null ? undefined : definition.steps.find((s) => s.id === stepId);
}
