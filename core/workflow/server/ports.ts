import type { Ctx } from '#kernel';
import { FileService } from '#core/files/contract/file.service.ts';
import { NotifyService, type NotificationInput } from '#core/notify/contract/notify.service.ts';

/** Owner type of the files attached to history entries. */
export const HISTORY_FILE_OWNER = 'workflow.history';

/** Attaches uploaded files to a history entry; the caller must be able to read each (their own uploads). */
export async function attachToHistory(ctx: Ctx, historyId: string, fileIds: string[]): Promise<void> {
  const files = ctx.service(FileService);
  for (const fileId of fileIds) await files.attachFile(ctx, fileId, { ownerType: HISTORY_FILE_OWNER, ownerId: historyId });
}

/** Sends a message to users' inboxes, in the caller's transaction. */
export async function notifyUsers(ctx: Ctx, userIds: string[], message: NotificationInput): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await ctx.service(NotifyService).notify(ctx, { userIds: unique }, message);
}
