import {
  CamelCasePlugin,
  OperationNodeTransformer,
  type AliasNode,
  type DeleteQueryNode,
  type InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type TableNode,
  type UnknownRow,
  type UpdateQueryNode,
  type WithNode,
} from 'kysely';

/**
 * The database as the host hands it to a piece of the platform: no tables are visible until the
 * piece asks for its own with `ownTables`. Ctx.db has this type, so a service cannot query a
 * table without naming which piece owns it.
 */
export type PlatformDb = Kysely<Record<never, never>>;

/** Thrown (as a programming error, never to a caller) when a piece's query names a table it does not own. */
export class ForeignTableError extends Error {
  constructor(
    readonly owner: string,
    readonly table: string,
  ) {
    super(`${owner} queried ${table}, which it does not own: ask the owning piece's contract service instead`);
    this.name = 'ForeignTableError';
  }
}

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'AliasNode') return tableName((node as AliasNode).node);
  if (node.kind === 'TableNode') return (node as TableNode).table.identifier.name;
  return null; // a subquery or raw SQL: its own tables are checked where they are named
}

/** Walks every query and subquery and refuses a FROM, JOIN, INTO or UPDATE target outside `owned`. */
class OwnTablesChecker extends OperationNodeTransformer {
  constructor(
    private readonly owner: string,
    private readonly owned: ReadonlySet<string>,
  ) {
    super();
  }

  private check(nodes: ReadonlyArray<OperationNode | undefined>, withNode: WithNode | undefined): void {
    const named = new Set((withNode?.expressions ?? []).map((e) => e.name.table.table.identifier.name));
    for (const node of nodes) {
      const table = tableName(node);
      if (table !== null && !this.owned.has(table) && !named.has(table)) throw new ForeignTableError(this.owner, table);
    }
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    this.check([...(node.from?.froms ?? []), ...(node.joins ?? []).map((j) => j.table)], node.with);
    return super.transformSelectQuery(node);
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    this.check([node.into], node.with);
    return super.transformInsertQuery(node);
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    this.check([node.table, ...(node.from?.froms ?? []), ...(node.joins ?? []).map((j) => j.table)], node.with);
    return super.transformUpdateQuery(node);
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    this.check([...node.from.froms, ...(node.using?.tables ?? []), ...(node.joins ?? []).map((j) => j.table)], node.with);
    return super.transformDeleteQuery(node);
  }
}

class OwnTablesPlugin implements KyselyPlugin {
  private readonly checker: OwnTablesChecker;
  constructor(owner: string, owned: readonly string[]) {
    this.checker = new OwnTablesChecker(owner, new Set(owned));
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.checker.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const camelCase = new CamelCasePlugin();

/**
 * A piece's typed view of the database: only the tables it owns (`owned`, the keys of
 * `Tables`), camelCase in TypeScript and snake_case in SQL. A query naming another table throws
 * ForeignTableError when it is built, in tests and in production alike, so what a piece needs
 * of another it must get through that piece's contract service. Works on a transaction too:
 * the view shares the connection it was made from.
 */
export function ownTables<Tables>(
  db: PlatformDb | Kysely<any>,
  owner: string,
  owned: ReadonlyArray<keyof Tables & string>,
): Kysely<Tables> {
  // The one cast of the typed data layer: Kysely cannot know which tables a plugin admits.
  return (db as Kysely<any>).withPlugin(camelCase).withPlugin(new OwnTablesPlugin(owner, owned)) as unknown as Kysely<Tables>;
}
