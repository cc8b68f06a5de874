import { serviceRef, type Ctx, type ModuleDefinition, type WorkflowDefinition, type WorkflowStep } from '#kernel';
import type { WorkflowPort } from '../contract/workflow.service.ts';

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

/** The review processes the enabled modules declare; ids are unique, permissions declared. */
export class DefinitionRegistry {
  private readonly registry = new Map<string, WorkflowDefinition>();

  constructor(modules: readonly ModuleDefinition[]) {
    const registry = this.registry;
    const permissions = new Set(modules.flatMap((m) => (m.permissions ?? []).map((p) => p.id)));
    for (const m of modules) {
      for (const d of m.workflows ?? []) {
        if (registry.has(d.id)) throw new Error(`workflow "${d.id}" is declared twice`);
        check(m, d, permissions);
        registry.set(d.id, d);
      }
    }
  }

  find(id: string): WorkflowDefinition | undefined {
    return this.registry.get(id);
  }

  list(): WorkflowDefinition[] {
    return [...this.registry.values()];
  }
}

/** core/workflow's service as the engine itself sees it: the public port plus the definitions. */
export const WorkflowInternals = serviceRef<WorkflowPort & { definitions: DefinitionRegistry }>('workflow');

export const findDefinition = (ctx: Ctx, id: string): WorkflowDefinition | undefined => ctx.service(WorkflowInternals).definitions.find(id);

export const listDefinitions = (ctx: Ctx): WorkflowDefinition[] => ctx.service(WorkflowInternals).definitions.list();

export function stepOf(definition: WorkflowDefinition, stepId: string | null): WorkflowStep | undefined {
  return stepId === null ? undefined : definition.steps.find((s) => s.id === stepId);
}
