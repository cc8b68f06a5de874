import type { Ctx, Host } from '#kernel';
import type { NotifyPort } from '../contract/notify.service.ts';
import { ChannelRegistry } from './channel-registry.ts';
import { deliverPending, type DeliveryReport } from './delivery.ts';
import { createEmailChannel } from './email.channel.ts';
import { notify } from './notify.service.ts';

export interface NotifySettings {
  smtpUrl: string | null;
  mailFrom: string | null;
  publicUrl: string | null;
}

const optionalText = (host: Host, key: string): string | null => {
  const value = host.config[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error(`notify: config ${key} must be text`);
  return value;
};

/** The mail and link settings from the host's config; half an SMTP setup stops the start. */
export function notifySettings(host: Host): NotifySettings {
  const settings = {
    smtpUrl: optionalText(host, 'smtpUrl'),
    mailFrom: optionalText(host, 'mailFrom'),
    publicUrl: optionalText(host, 'publicUrl'),
  };
  if ((settings.smtpUrl === null) !== (settings.mailFrom === null)) throw new Error('notify: config smtpUrl and mailFrom go together');
  return settings;
}

// One registry per running platform (tests build several in one process), keyed by the platform's
// config object, which the platform's own host and each module's host share.
// TODO(#10 item 3): keep it in notify's service instead, as access and workflow keep theirs.
const registries = new WeakMap<object, ChannelRegistry>();

export function channelRegistry(host: Host): ChannelRegistry {
  const existing = registries.get(host.config);
  if (existing) return existing;
  const registry = new ChannelRegistry();
  const { smtpUrl, mailFrom } = notifySettings(host);
  // Without SMTP there is no e-mail channel at all: no delivery is queued that nothing would send.
  if (smtpUrl && mailFrom) registry.register(createEmailChannel({ smtpUrl, from: mailFrom }));
  registries.set(host.config, registry);
  return registry;
}

export function notifyPort(host: Host): NotifyPort {
  const registry = channelRegistry(host);
  return {
    notify: (ctx, to, message) => notify(ctx, to, message, registry.list()),
    registerChannel: (channel) => registry.register(channel),
  };
}

/** One pass of the delivery job over the platform's channels. */
export const deliverNow = (ctx: Ctx, host: Host): Promise<DeliveryReport> =>
  deliverPending(ctx, channelRegistry(host).list(), ctx.now(), { publicUrl: notifySettings(host).publicUrl });
