import { sql, type Kysely } from 'kysely';
import { cappedCount, inSubtrees, likeContains } from '#kernel';

export interface UserRow {
  id: string;
  account: string;
  real_name: string;
  display_name: string;
  org_id: string;
  org_path: string;
  id_number_cipher: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  email: string | null;
  password_hash: string | null;
  must_change_password: number;
  status: string;
  failed_attempts: number;
  locked_until: string | null;
  totp_secret_cipher: string | null;
  totp_pending_cipher: string | null;
  totp_last_counter: number | null;
  totp_enabled_at: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  is_sample: number;
  is_service_account: number;
  created_at: string;
  updated_at: string;
}

export const findUserById = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_users').selectAll().where('id', '=', id).executeTakeFirst() as Promise<UserRow | undefined>;
export const findUserByAccount = (db: Kysely<any>, account: string) =>
  db.selectFrom('core_users').selectAll().where('account', '=', account.toLowerCase()).executeTakeFirst() as Promise<UserRow | undefined>;
export const findUserByIdNumberIndex = (db: Kysely<any>, index: string) =>
  db.selectFrom('core_users').select(['id', 'account']).where('id_number_index', '=', index).executeTakeFirst();
export const insertUsers = async (db: Kysely<any>, rows: UserRow[]) => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('core_users')
      .values(rows.slice(i, i + 200))
      .execute();
};
export const updateUser = (db: Kysely<any>, id: string, patch: Partial<UserRow>) =>
  db.updateTable('core_users').set(patch).where('id', '=', id).execute();
/** Marks a TOTP time step as used unless it or a later one already is; false when another request got there first. */
export async function claimTotpCounter(db: Kysely<any>, id: string, counter: number): Promise<boolean> {
  const result = await db
    .updateTable('core_users')
    .set({ totp_last_counter: counter })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', counter)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export const findOrgForUser = (db: Kysely<any>, orgId: string) =>
  db.selectFrom('core_orgs').select(['id', 'path', 'name', 'is_active']).where('id', '=', orgId).executeTakeFirst() as Promise<
    { id: string; path: string; name: string; is_active: number } | undefined
  >;

export interface UserFilter {
  scopes: string[];
  q?: string;
  idIndex?: string;
  phoneIndex?: string;
  status?: 'active' | 'disabled' | 'locked';
  now: string;
}

const LIST_COLUMNS = [
  'u.id',
  'u.account',
  'u.real_name',
  'u.display_name',
  'u.org_id',
  'u.org_path',
  'u.id_number_masked',
  'u.phone_masked',
  'u.email',
  'u.must_change_password',
  'u.status',
  'u.locked_until',
  'u.totp_enabled_at',
  'u.last_login_at',
  'u.is_sample',
  'u.is_service_account',
  'u.created_at',
  'u.updated_at',
] as const;

const SORT_COLUMNS = { account: 'u.account', realName: 'u.real_name', createdAt: 'u.created_at', lastLoginAt: 'u.last_login_at' } as const;

function filtered(db: Kysely<any>, f: UserFilter) {
  let q = db.selectFrom('core_users as u').where((eb) => inSubtrees(eb, 'u.org_path', f.scopes));
  if (f.idIndex || f.phoneIndex) {
    q = q.where((eb) =>
      eb.or([
        ...(f.idIndex ? [eb('u.id_number_index', '=', f.idIndex)] : []),
        ...(f.phoneIndex ? [eb('u.phone_index', '=', f.phoneIndex)] : []),
      ]),
    );
  } else if (f.q) {
    const text = f.q.trim();
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('u.account', '>=', text.toLowerCase()), eb('u.account', '<', `${text.toLowerCase()}\uffff`)]),
        eb('u.real_name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
      ]),
    );
  }
  if (f.status === 'locked') q = q.where('u.locked_until', '>', f.now);
  else if (f.status) q = q.where('u.status', '=', f.status);
  return q;
}

export async function listUsers(
  db: Kysely<any>,
  f: UserFilter,
  sort: { field?: keyof typeof SORT_COLUMNS; order?: 'asc' | 'desc' },
  offset: number,
  limit: number,
) {
  // Named columns: a list never reads password hashes, TOTP secrets or ciphertexts.
  let q = filtered(db, f).innerJoin('core_orgs as o', 'o.id', 'u.org_id').select(LIST_COLUMNS).select('o.name as org_name');
  // The default order follows the (org_path, id) index, so a page of a big subtree is read
  // straight off the index instead of sorting every matching row.
  // NULLS LAST is spelled out: SQLite sorts NULL as smallest, PostgreSQL as largest, so
  // "never signed in" would otherwise jump ends depending on the engine.
  q = sort.field
    ? q.orderBy(SORT_COLUMNS[sort.field], (ob) => (sort.order === 'desc' ? ob.desc() : ob.asc()).nullsLast()).orderBy('u.id')
    : q.orderBy('u.org_path').orderBy('u.id');
  const [items, count] = await Promise.all([
    q.offset(offset).limit(limit).execute() as Promise<Array<UserRow & { org_name: string }>>,
    cappedCount(db, filtered(db, f)),
  ]);
  return { items, ...count };
}

export const countUsers = async (db: Kysely<any>) =>
  Number(
    (
      await db
        .selectFrom('core_users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Account and home org of each of `ids` (unknown ids are left out), for pieces listing rows that name users. */
export async function findUserHomes(
  db: Kysely<any>,
  ids: string[],
): Promise<Map<string, { id: string; account: string; org_id: string; org_path: string }>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, { id: string; account: string; org_id: string; org_path: string }>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('core_users')
      .select(['id', 'account', 'org_id', 'org_path'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}
