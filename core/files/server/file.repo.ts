import type { Kysely } from 'kysely';

export interface FileRow {
  id: string; sha256: string; size: number; media_type: string; original_name: string; owner_type: string | null;
  owner_id: string | null; org_id: string; org_path: string; created_by: string | null; created_at: string;
}

export const insertFile = (db: Kysely<any>, row: FileRow) => db.insertInto('core_files').values(row).execute();

export const findFileById = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_files').selectAll().where('id', '=', id).executeTakeFirst() as Promise<FileRow | undefined>;

/** Sets the owner only while the file has none; returns whether it did. */
export async function setOwnerIfUnattached(db: Kysely<any>, id: string, ownerType: string, ownerId: string): Promise<boolean> {
  const result = await db.updateTable('core_files').set({ owner_type: ownerType, owner_id: ownerId })
    .where('id', '=', id).where('owner_type', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findOrgPath = (db: Kysely<any>, orgId: string) =>
  db.selectFrom('core_orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst() as Promise<{ id: string; path: string } | undefined>;
