import type { Kysely } from 'kysely';

export const findSampleOrg = (db: Kysely<any>) =>
  db.selectFrom('core_orgs').select(['code', 'name']).where('is_sample', '=', 1).limit(1).executeTakeFirst() as Promise<
    { code: string; name: string } | undefined
  >;

export const findSampleUser = (db: Kysely<any>) =>
  db.selectFrom('core_users').select('account').where('is_sample', '=', 1).limit(1).executeTakeFirst() as Promise<
    { account: string } | undefined
  >;

export const findUserOtherThan = (db: Kysely<any>, account: string) =>
  db.selectFrom('core_users').select('account').where('account', '!=', account).orderBy('account').limit(1).executeTakeFirst() as Promise<
    { account: string } | undefined
  >;

export interface SampleCounts {
  orgs: number;
  users: number;
  grantsByRole: Array<{ code: string; name: string; count: number }>;
}

/** What the database holds that is marked as sample data. */
export async function countSampleData(db: Kysely<any>): Promise<SampleCounts> {
  const count = (table: string) =>
    db
      .selectFrom(table)
      .where('is_sample', '=', 1)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const [orgs, users, grants] = await Promise.all([
    count('core_orgs'),
    count('core_users'),
    db
      .selectFrom('core_grants as g')
      .innerJoin('core_users as u', 'u.id', 'g.user_id')
      .innerJoin('core_roles as r', 'r.id', 'g.role_id')
      .where('u.is_sample', '=', 1)
      .groupBy(['r.code', 'r.name'])
      .select((eb) => ['r.code as code', 'r.name as name', eb.fn.countAll<number>().as('n')])
      .orderBy('r.code')
      .execute() as Promise<Array<{ code: string; name: string; n: number }>>,
  ]);
  return {
    orgs: Number(orgs.n),
    users: Number(users.n),
    grantsByRole: grants.map((g) => ({ code: g.code, name: g.name, count: Number(g.n) })),
  };
}
