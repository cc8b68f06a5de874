import type { Kysely } from 'kysely';
import type { DomainError } from '#kernel';
import { FileErrors } from '../contract/errors.ts';
import * as repo from './file.repo.ts';

/** How many bytes one user's uploads, and one org's files, may hold in all. */
export interface UploadQuota {
  userBytes: number;
  orgBytes: number;
}

export interface UploadRoom {
  /** Bytes the next upload may have; 0 or less: none. */
  bytes: number;
  /** The refusal naming whichever quota leaves less room. */
  refusal: () => DomainError;
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

/**
 * The room left for an upload by `userId` into `orgId`: the smaller of what the user's and the
 * org's quota leave. A system actor (CLI, import) has no personal quota, only the org's.
 * Uploads running at the same moment each see the room before the others land, so a quota may
 * be passed by at most one file per concurrent upload (and uploads per user are rate limited).
 */
export async function uploadRoom(db: Kysely<any>, quota: UploadQuota, userId: string | null, orgId: string): Promise<UploadRoom> {
  const [userUsed, orgUsed] = await Promise.all([userId === null ? 0 : repo.bytesUploadedBy(db, userId), repo.bytesOfOrg(db, orgId)]);
  const userLeft = userId === null ? Infinity : quota.userBytes - userUsed;
  const orgLeft = quota.orgBytes - orgUsed;
  return userLeft <= orgLeft
    ? { bytes: userLeft, refusal: () => FileErrors.userQuotaExceeded({ quotaMb: megabytes(quota.userBytes) }) }
    : { bytes: orgLeft, refusal: () => FileErrors.orgQuotaExceeded({ quotaMb: megabytes(quota.orgBytes) }) };
}
