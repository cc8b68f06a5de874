import { serviceRef } from '#kernel/service.ts';
import type { Readable } from 'node:stream';
import type { Ctx } from '#kernel';
import type { FileMeta, FileOwner } from './file.schema.ts';

/** Decides whether the caller may read the record a file is attached to. */
export type OwnerPolicy = (ctx: Ctx, ownerId: string) => Promise<boolean>;

export interface StoreFileInput {
  stream: Readable;
  filename: string;
  /** What the client said the type is; it must agree with the content. */
  declaredType?: string | null;
  orgId: string;
  maxBytes: number;
}

/** What other modules get from `host.service('files')`. */
export interface FilesService {
  /** `ownerType` is `<module>.<resource>`; files attached to a type without a policy stay unreadable. */
  registerOwnerPolicy(ownerType: string, policy: OwnerPolicy): void;
  storeFile(ctx: Ctx, input: Omit<StoreFileInput, 'maxBytes'> & { maxBytes?: number }): Promise<FileMeta>;
  /** The owning module has already checked that the caller may change the owner. */
  attachFile(ctx: Ctx, fileId: string, owner: FileOwner): Promise<FileMeta>;
  getFile(ctx: Ctx, fileId: string): Promise<FileMeta>;
  openFile(ctx: Ctx, fileId: string): Promise<{ meta: FileMeta; stream: Readable }>;
}

/** The typed handle to core/files' contract service. */
export const FileService = serviceRef<FilesService>('files');
