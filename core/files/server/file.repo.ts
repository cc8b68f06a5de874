import type { Kysely } from 'kysely';

export interface FileRow {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  owner_type: string | null;
  owner_id: string | null;
  org_id: string;
  org_path: string;
  created_by: string | null;
  created_at: string;
}

export const insertFile = (db: Kysely<any>, row: FileRow) => db.insertInto('core_files').values(row).execute();

export const findFileById = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_files').selectAll().where('id', '=', id).executeTakeFirst() as Promise<FileRow | undefined>;

/** Sets the owner only while the file has none; returns whether it did. */
export async function setOwnerIfUnattached(db: Kysely<any>, id: string, ownerType: string, ownerId: string): Promise<boolean> {
  const result = await db
    .updateTable('core_files')
    .set({ owner_type: ownerType, owner_id: ownerId })
    .where('id', '=', id)
    .where('owner_type', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bytes held by the files a user uploaded (every row counts, shared content included). */
export const bytesUploadedBy = async (db: Kysely<any>, userId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('core_files')
        .select((eb) => eb.fn.coalesce(eb.fn.sum('size'), eb.lit(0)).as('bytes'))
        .where('created_by', '=', userId)
        .executeTakeFirstOrThrow()
    ).bytes,
  );

/** Bytes held by the files of one org (not of its subtree). */
export const bytesOfOrg = async (db: Kysely<any>, orgId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('core_files')
        .select((eb) => eb.fn.coalesce(eb.fn.sum('size'), eb.lit(0)).as('bytes'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).bytes,
  );

/** The oldest files still unattached that were uploaded before `before` (an ISO instant). */
export const unattachedBefore = (db: Kysely<any>, before: string, limit: number) =>
  db
    .selectFrom('core_files')
    .selectAll()
    .where('owner_type', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute() as Promise<FileRow[]>;

/** Deletes a file row only while it is still unattached; returns whether it did (an attach in between wins). */
export async function deleteIfUnattached(db: Kysely<any>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('core_files').where('id', '=', id).where('owner_type', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export const isContentReferenced = async (db: Kysely<any>, sha256: string): Promise<boolean> =>
  !!(await db.selectFrom('core_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst());

export const findOrgPath = (db: Kysely<any>, orgId: string) =>
  db.selectFrom('core_orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst() as Promise<
    { id: string; path: string } | undefined
  >;
