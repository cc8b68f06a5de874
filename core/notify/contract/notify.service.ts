import { serviceRef } from '#kernel/service.ts';
import type { Ctx } from '#kernel';
import type { NotificationChannel } from './channel.ts';

export type { NotificationChannel, NotificationContact, RenderedNotification } from './channel.ts';

/**
 * A message for people's inboxes. The text is not stored: `kind` names a template in the
 * sending module's locale files (`notify.<kind>` under the key `notify` of
 * `<module>/locales/<locale>.json`, with `{{param}}` placeholders), rendered in each reader's
 * language when the inbox is read or an e-mail is sent.
 */
export interface NotificationInput {
  /** `<module>.<what>`, e.g. `workflow.task_assigned`; the template is `notify["workflow.task_assigned"]` with `title` and `body`. */
  kind: string;
  params?: Record<string, string | number>;
  /** A console path to open, e.g. `/workflow/todo`. */
  link?: string | null;
  /** The org the message is about; used by the audit and filters. */
  orgId?: string | null;
}

/** Who gets it: named users, and/or every active user holding `permission` on the org (granted on it or an ancestor). */
export interface Recipients {
  userIds?: string[];
  holdersOf?: { permission: string; orgId: string };
}

/** What other modules get from `host.service(NotifyService)` or `ctx.service(NotifyService)`. */
export interface NotifyPort {
  /** Queues the message in the same transaction as the caller's change; channels deliver after commit. Returns the users reached. */
  notify(ctx: Ctx, to: Recipients, message: NotificationInput): Promise<{ userIds: string[] }>;
  /**
   * Adds a way out of the console (SMS, a messaging app); call it from a deployment module's
   * `createService`. Messages queued from then on get a delivery on it for every user it has an
   * address for. Registering an id again replaces that channel.
   */
  registerChannel(channel: NotificationChannel): void;
}

/** The typed handle to core/notify's contract service. */
export const NotifyService = serviceRef<NotifyPort>('notify');
