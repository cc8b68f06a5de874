/**
 * Typed handles to the contract services pieces offer each other. A piece's contract declares
 * `export const OrgsService = serviceRef<OrgsContract>('orgs')`; the piece's `createService`
 * returns the implementation; another piece that lists 'orgs' in `dependsOn` gets it, typed,
 * from `host.service(OrgsService)` at start-up or `ctx.service(OrgsService)` while it works.
 * No string lookups and no casts at the call site, and no module-level singletons to reset.
 */
export interface ServiceRef<T> {
  /** The id of the module that provides the service. */
  readonly id: string;
  /** Carries the type only; never set. */
  readonly __contract?: T;
}

export const serviceRef = <T>(moduleId: string): ServiceRef<T> => ({ id: moduleId });

/** Where the running platform keeps the services its modules created, in start-up order. */
export class ServiceDirectory {
  private readonly services = new Map<string, unknown>();

  provide(moduleId: string, service: unknown): void {
    if (this.services.has(moduleId)) throw new Error(`module "${moduleId}" provided its service twice`);
    this.services.set(moduleId, service);
  }

  has(moduleId: string): boolean {
    return this.services.has(moduleId);
  }

  get<T>(ref: ServiceRef<T>): T {
    if (!this.services.has(ref.id)) {
      throw new Error(`no service "${ref.id}": the module is not enabled, has no createService, or starts later (list it in dependsOn)`);
    }
    // The one cast of the service directory: the ref's type is the contract its module returns.
    return this.services.get(ref.id) as T;
  }
}

interface Ordered {
  id: string;
  dependsOn?: readonly string[];
}

/**
 * The modules in an order that starts each after everything it depends on, keeping the given
 * order where dependencies allow. A missing dependency or a cycle stops start-up with a message
 * naming the modules involved.
 */
export function startOrder<M extends Ordered>(modules: readonly M[]): M[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  for (const m of modules) {
    for (const dep of m.dependsOn ?? []) {
      if (!byId.has(dep)) throw new Error(`module "${m.id}" depends on "${dep}", which is not enabled`);
    }
  }
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: M[] = [];
  const visit = (m: M): void => {
    if (done.has(m.id)) return;
    const at = visiting.indexOf(m.id);
    if (at >= 0) throw new Error(`modules depend on each other in a cycle: ${[...visiting.slice(at), m.id].join(' → ')}`);
    visiting.push(m.id);
    for (const dep of m.dependsOn ?? []) visit(byId.get(dep)!);
    visiting.pop();
    done.add(m.id);
    order.push(m);
  };
  for (const m of modules) visit(m);
  return order;
}
