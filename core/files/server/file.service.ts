import type { Readable } from 'node:stream';
import { DomainError, newId, type Ctx } from '#kernel';
import { FileErrors } from '../contract/errors.ts';
import type { FileMeta, FileOwner } from '../contract/file.schema.ts';
import type { OwnerPolicy, StoreFileInput } from '../contract/file.service.ts';
import { FilePermissions } from '../contract/permissions.ts';
import type { BlobStore } from './blob-store.ts';
import { cleanFileName } from './file-name.ts';
import { inspectUpload } from './media-type.ts';
import * as repo from './file.repo.ts';
import type { FileRow } from './file.repo.ts';
import { uploadRoom, type UploadQuota, type UploadRoom } from './upload-quota.ts';

export const toFileMeta = (r: FileRow): FileMeta => ({
  id: r.id,
  name: r.original_name,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  orgId: r.org_id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const OWNER_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
const ownerPolicies = new Map<string, OwnerPolicy>();

/**
 * Lets the module owning `ownerType` (`<module>.<resource>`) decide who reads the files attached
 * to its records. Registering the same type again replaces the policy, so an app built twice in
 * one process (tests) keeps working; distinct modules never share a type, it starts with their id.
 */
export function registerOwnerPolicy(ownerType: string, policy: OwnerPolicy): void {
  if (!OWNER_TYPE.test(ownerType)) throw new Error(`owner type must be <module>.<resource>: ${ownerType}`);
  ownerPolicies.set(ownerType, policy);
}

const actorUserId = (ctx: Ctx): string | null => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** Attached files follow their owner's policy (none registered: nobody); unattached ones, their uploader and org readers. */
async function canRead(ctx: Ctx, row: FileRow): Promise<boolean> {
  if (row.owner_type !== null) {
    const policy = ownerPolicies.get(row.owner_type);
    return policy ? (await policy(ctx, row.owner_id ?? '')) === true : false;
  }
  const userId = actorUserId(ctx);
  if (userId !== null && row.created_by === userId) return true;
  return ctx.access.can(FilePermissions.read, row.org_path);
}

/** The file's row if the caller may read it; not_found otherwise, so existence stays private. */
async function readableFile(ctx: Ctx, id: string): Promise<FileRow> {
  const row = await repo.findFileById(ctx.db, id);
  if (!row || !(await canRead(ctx, row))) throw FileErrors.fileNotFound({ id });
  return row;
}

/**
 * Stores an upload for an org the caller may upload to, within the user's and the org's quota
 * (when given). The type is decided from the content before any byte is kept, and no more bytes
 * than the quotas leave are kept; the row and its audit record are written together. A failure
 * after the body is stored leaves an unreferenced blob, which is harmless and shared by any re-upload.
 */
export async function storeFile(ctx: Ctx, input: StoreFileInput, store: BlobStore, quota?: UploadQuota): Promise<FileMeta> {
  let org: { id: string; path: string };
  let room: UploadRoom | null = null;
  try {
    const found = await repo.findOrgPath(ctx.db, input.orgId);
    if (!found) throw FileErrors.orgNotFound({ orgId: input.orgId });
    ctx.access.require(FilePermissions.upload, found.path);
    org = found;
    if (quota) room = await uploadRoom(ctx.db, quota, actorUserId(ctx), org.id);
    if (room && room.bytes <= 0) throw room.refusal();
  } catch (error) {
    // An unread upload would hold the request open; let it go with the refusal.
    input.stream.destroy();
    throw error;
  }
  const name = cleanFileName(input.filename);
  const upload = await inspectUpload(input.stream, { filename: name, declaredType: input.declaredType });
  const maxBytes = room ? Math.min(input.maxBytes, room.bytes) : input.maxBytes;
  const { sha256, size } = await store.put(upload.stream, { maxBytes }).catch((error: unknown) => {
    // Cut short by the quota rather than by the size limit: say which.
    if (room && maxBytes < input.maxBytes && error instanceof DomainError && error.code === FileErrors.tooLarge.code) throw room.refusal();
    throw error;
  });
  return ctx.transaction(async (tx) => {
    const row: FileRow = {
      id: newId(),
      sha256,
      size,
      media_type: upload.mediaType,
      original_name: name,
      owner_type: null,
      owner_id: null,
      org_id: org.id,
      org_path: org.path,
      created_by: actorUserId(tx),
      created_at: tx.now().toISOString(),
    };
    await repo.insertFile(tx.db, row);
    tx.audit({
      action: 'files.file.uploaded',
      objectType: 'file',
      objectId: row.id,
      orgId: org.id,
      changes: { name, size, sha256, mediaType: upload.mediaType },
    });
    return toFileMeta(row);
  });
}

/**
 * Attaches an unattached file the caller can read to a record of the calling module; from then
 * on the owner's policy decides who reads it. The caller must already have checked that the
 * actor may change that record. Attaching again to the same owner changes nothing.
 */
export async function attachFile(ctx: Ctx, fileId: string, owner: FileOwner): Promise<FileMeta> {
  if (!ownerPolicies.has(owner.ownerType)) throw FileErrors.unknownOwnerType({ ownerType: owner.ownerType });
  return ctx.transaction(async (tx) => {
    const row = await readableFile(tx, fileId);
    if (row.owner_type === owner.ownerType && row.owner_id === owner.ownerId) return toFileMeta(row);
    if (row.owner_type !== null || !(await repo.setOwnerIfUnattached(tx.db, row.id, owner.ownerType, owner.ownerId))) {
      throw FileErrors.alreadyAttached({ id: fileId });
    }
    tx.audit({
      action: 'files.file.attached',
      objectType: 'file',
      objectId: row.id,
      orgId: row.org_id,
      changes: { ownerType: owner.ownerType, ownerId: owner.ownerId },
    });
    return toFileMeta({ ...row, owner_type: owner.ownerType, owner_id: owner.ownerId });
  });
}

/** A file's metadata, if the caller may read the file. */
export async function getFile(ctx: Ctx, fileId: string): Promise<FileMeta> {
  return toFileMeta(await readableFile(ctx, fileId));
}

/** A file's metadata and content, if the caller may read the file. */
export async function openFile(ctx: Ctx, fileId: string, store: BlobStore): Promise<{ meta: FileMeta; stream: Readable }> {
  const row = await readableFile(ctx, fileId);
  const stream = await store.open(row.sha256).catch((error: unknown) => {
    // A row without its body is lost data, not a missing file: it must reach the log as a fault.
    throw new Error(`file ${row.id}: content ${row.sha256} is missing from the blob store`, { cause: error });
  });
  return { meta: toFileMeta(row), stream };
}
