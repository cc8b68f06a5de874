import type { Kysely } from 'kysely';

/*
 * From this version on a child org's type ranks below its parent's (core/orgs/contract/org-types.ts).
 * Data written before could break that rule, for example a "city bureau" created inside a county
 * to route reviews through it. Such data is not repaired silently: the migration stops start-up
 * and names the rows, so an administrator moves or retypes them and starts again.
 * The ranks are copied here because a migration is frozen and imports nothing from the app.
 */
const RANK: Record<string, number> = {
  ministry: 0,
  department: 1,
  affiliated_unit: 1,
  university: 1,
  provincial_authority: 1,
  city_authority: 2,
  county_authority: 3,
  school: 4,
  enterprise: 4,
  other: 4,
};
const AUTHORITIES = new Set([
  'ministry',
  'department',
  'affiliated_unit',
  'university',
  'provincial_authority',
  'city_authority',
  'county_authority',
]);

function allowed(parentType: string, childType: string): boolean {
  const parent = RANK[parentType];
  const child = RANK[childType];
  if (parent === undefined || child === undefined || parentType === 'school' || childType === 'ministry') return false;
  return child > parent || (!AUTHORITIES.has(childType) && !AUTHORITIES.has(parentType));
}

export async function up(db: Kysely<any>): Promise<void> {
  const pairs = (await db
    .selectFrom('core_orgs as c')
    .innerJoin('core_orgs as p', 'p.id', 'c.parent_id')
    .select(['c.code as code', 'c.name as name', 'c.type as type', 'p.code as parentCode', 'p.type as parentType'])
    .execute()) as Array<{ code: string; name: string; type: string; parentCode: string; parentType: string }>;
  const broken = pairs.filter((r) => !allowed(r.parentType, r.type));
  if (broken.length === 0) return;
  const lines = broken.slice(0, 50).map((r) => `  ${r.code} ${r.name} (${r.type}) 的上级 ${r.parentCode} (${r.parentType})`);
  throw new Error(
    [
      `机构层级不合规：${broken.length} 个机构的类型不低于其上级（下级机构的层级须低于上级）。请先移动或更正这些机构再启动：`,
      ...lines,
      ...(broken.length > 50 ? [`  ……另有 ${broken.length - 50} 个`] : []),
    ].join('\n'),
  );
}

export async function down(): Promise<void> {
  // Nothing was changed.
}
