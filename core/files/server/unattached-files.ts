import type { Ctx } from '#kernel';
import type { BlobStore } from './blob-store.ts';
import * as repo from './file.repo.ts';
import type { FileRow } from './file.repo.ts';

/** An upload not attached to any record within this long was abandoned (a form never sent). */
export const UNATTACHED_GRACE_MS = 24 * 3600 * 1000;
/** A body stored again within this long is kept even if no row names it yet (see BlobStore.remove). */
const RECENTLY_STORED_MS = 3600 * 1000;
const BATCH = 200;

/**
 * Removes every file still unattached a day after its upload, with an audit record each, and
 * then each body no other file row shares. A file attached while this runs is kept. Idempotent.
 */
export async function removeUnattachedFiles(ctx: Ctx, store: BlobStore): Promise<{ files: number; bodies: number }> {
  const now = ctx.now().getTime();
  const before = new Date(now - UNATTACHED_GRACE_MS).toISOString();
  let files = 0;
  let bodies = 0;
  for (;;) {
    const { seen, removed } = await ctx.transaction(async (tx) => {
      const rows = await repo.unattachedBefore(tx.db, before, BATCH);
      const gone: FileRow[] = [];
      for (const row of rows) {
        if (!(await repo.deleteIfUnattached(tx.db, row.id))) continue;
        gone.push(row);
        tx.audit({
          action: 'files.file.removed',
          objectType: 'file',
          objectId: row.id,
          orgId: row.org_id,
          changes: {
            reason: 'unattached',
            name: row.original_name,
            size: Number(row.size),
            sha256: row.sha256,
            uploadedAt: row.created_at,
          },
        });
      }
      return { seen: rows.length, removed: gone };
    });
    files += removed.length;
    // Only after the rows are gone for good: a body is deleted once no row names it.
    for (const sha256 of new Set(removed.map((r) => r.sha256))) {
      if (await repo.isContentReferenced(ctx.db, sha256)) continue;
      if (await store.remove(sha256, { unlessStoredSince: new Date(now - RECENTLY_STORED_MS) })) bodies += 1;
    }
    if (seen < BATCH) break;
  }
  return { files, bodies };
}
