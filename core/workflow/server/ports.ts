import type { Ctx, Host } from '#kernel';
import type { FilesService } from '#core/files/contract/file.service.ts';
import type { NotificationInput, NotifyPort } from '#core/notify/contract/notify.service.ts';

/** Owner type of the files attached to history entries. */
export const HISTORY_FILE_OWNER = 'workflow.history';

let host: Host | null = null;

/** Called by the module's createService: the other cores the engine calls are resolved from here. */
export function installWorkflowHost(h: Host): void {
  host = h;
}

function files(): FilesService {
  if (!host) throw new Error('workflow: the module has not been started');
  return host.service<FilesService>('files');
}

/** Attaches uploaded files to a history entry; the caller must be able to read each (their own uploads). */
export async function attachToHistory(ctx: Ctx, historyId: string, fileIds: string[]): Promise<void> {
  for (const fileId of fileIds) await files().attachFile(ctx, fileId, { ownerType: HISTORY_FILE_OWNER, ownerId: historyId });
}

/** Sends a message to users' inboxes, in the caller's transaction. */
export async function notifyUsers(ctx: Ctx, userIds: string[], message: NotificationInput): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  if (!host) throw new Error('workflow: the module has not been started');
  await host.service<NotifyPort>('notify').notify(ctx, { userIds: unique }, message);
}
