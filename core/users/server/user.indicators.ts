import type { IndicatorDefinition, Period } from '#kernel';
import { subtreeRange } from '#kernel';
import type { Kysely } from 'kysely';

async function countAccounts(db: Kysely<any>, orgPath: string, period: Period, realNameOnly: boolean): Promise<number> {
  const [lower, upper] = subtreeRange(orgPath);
  let q = db
    .selectFrom('core_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_path', '>=', lower)
    .where('org_path', '<', upper)
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to);
  if (realNameOnly) q = q.where('id_number_index', 'is not', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const userIndicators: IndicatorDefinition[] = [
  {
    id: 'users.accounts_opened',
    name: { zh: '新开通账号数', en: 'Accounts opened' },
    unit: '个',
    isFlow: true,
    description: { zh: '时段内在该机构及其下级开通的账号', en: 'Accounts created in the org subtree within the period' },
    compute: (db, orgPath, period) => countAccounts(db, orgPath, period, false),
  },
  {
    id: 'users.accounts_real_name',
    name: { zh: '新开通实名账号数', en: 'Real-name accounts opened' },
    unit: '个',
    isFlow: true,
    description: { zh: '时段内开通且登记了有效身份证号的账号', en: 'Accounts created within the period with a valid ID number' },
    compute: (db, orgPath, period) => countAccounts(db, orgPath, period, true),
  },
];
