import type { IndicatorDefinition } from '#kernel';
import { subtreeRange } from '#kernel';
import { orgsDb } from './orgs.tables.ts';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../contract/org-types.ts';

const EN: Record<string, string> = {
  ministry: 'Ministry',
  department: 'Departments',
  affiliated_unit: 'Affiliated units',
  university: 'Universities',
  provincial_authority: 'Provincial authorities',
  city_authority: 'City bureaus',
  county_authority: 'County bureaus',
  school: 'Schools',
  enterprise: 'Enterprises',
  other: 'Other orgs',
};

/** Active orgs of each type in a subtree, as of now (the tree keeps no history of types). */
export const orgIndicators: IndicatorDefinition[] = ORG_TYPES.map((type) => ({
  id: `orgs.count.${type}`,
  name: { zh: `${ORG_TYPE_LABELS[type]}数`, en: EN[type] },
  unit: type === 'school' ? '所' : '个',
  isFlow: false,
  async compute(db, orgPath) {
    const [lower, upper] = subtreeRange(orgPath);
    const row = await orgsDb(db)
      .selectFrom('core_orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('path', '>=', lower)
      .where('path', '<', upper)
      .where('type', '=', type)
      .where('isActive', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
}));
