import { serviceRef, type ModuleDefinition, type PermissionDeclaration } from '#kernel';

/** Every permission the enabled modules declare, and what the built-in roles receive. */
export class PermissionRegistry {
  private readonly permissions = new Map<string, PermissionDeclaration & { module: string }>();
  private readonly builtinGrants = new Map<string, Set<string>>();

  constructor(modules: ModuleDefinition[]) {
    for (const m of modules) {
      for (const p of m.permissions ?? []) {
        if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/.test(p.id))
          throw new Error(`permission "${p.id}" of module ${m.id} is not <module>.<resource>.<verb>`);
        if (this.permissions.has(p.id)) throw new Error(`permission "${p.id}" is declared twice`);
        this.permissions.set(p.id, { ...p, module: m.id });
      }
    }
    for (const m of modules) {
      for (const g of m.roleGrants ?? []) {
        const set = this.builtinGrants.get(g.role) ?? this.builtinGrants.set(g.role, new Set()).get(g.role)!;
        for (const p of g.permissions) {
          if (!this.permissions.has(p)) throw new Error(`module ${m.id} grants undeclared permission "${p}" to ${g.role}`);
          set.add(p);
        }
      }
    }
  }

  has(id: string): boolean {
    return this.permissions.has(id);
  }

  list(): Array<PermissionDeclaration & { module: string }> {
    return [...this.permissions.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The platform administrator holds every permission; other built-in roles what modules give them. */
  builtinPermissions(roleCode: string): string[] {
    if (roleCode === 'platform_admin') return this.list().map((p) => p.id);
    return [...(this.builtinGrants.get(roleCode) ?? [])].sort();
  }
}

/** core/access' own service: the permission registry built from every enabled module at start-up. */
export const AccessRegistry = serviceRef<{ permissions: PermissionRegistry }>('access');
