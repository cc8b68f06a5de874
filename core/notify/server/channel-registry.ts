import type { NotificationChannel } from '../contract/channel.ts';

/** The channels of one running platform: e-mail when SMTP is configured, plus what deployments register. */
export class ChannelRegistry {
  readonly #channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): void {
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(channel.id))
      throw new Error(`notify: channel id must be lower-case letters, digits, - or _: "${channel.id}"`);
    this.#channels.set(channel.id, channel);
  }

  list(): NotificationChannel[] {
    return [...this.#channels.values()];
  }
}
