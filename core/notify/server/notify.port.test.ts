import { describe, expect, it } from 'vitest';
import type { Host } from '#kernel';
import { channelRegistry, notifySettings, notifyPort } from './notify.port.ts';

const hostWith = (config: Record<string, unknown>) => ({ config }) as unknown as Host;

describe('the notify port and its channels', () => {
  it('has no channel at all without SMTP settings, so no delivery is ever queued', () => {
    expect(channelRegistry(hostWith({})).list()).toEqual([]);
  });

  it('registers e-mail when the SMTP server and the sender are configured', () => {
    const host = hostWith({ smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'noreply@edu.example.cn' });
    expect(
      channelRegistry(host)
        .list()
        .map((c) => c.id),
    ).toEqual(['email']);
    const email = channelRegistry(host).list()[0];
    const contact = { id: 'u', account: 'a', realName: '张三', phone: null };
    expect(email.addressOf({ ...contact, email: ' zhang@school.example.cn ' })).toBe('zhang@school.example.cn');
    expect(email.addressOf({ ...contact, email: null })).toBeNull();
    expect(email.addressOf({ ...contact, email: 'not an address' })).toBeNull();
  });

  it('refuses half an SMTP setup', () => {
    expect(() => notifySettings(hostWith({ smtpUrl: 'smtp://127.0.0.1:2525' }))).toThrow(/smtpUrl and mailFrom/);
  });

  it('lets a deployment plug in a channel (e.g. SMS) and replace it by id', () => {
    const host = hostWith({});
    const port = notifyPort(host);
    const sms = { id: 'sms', addressOf: () => null, send: async () => undefined };
    port.registerChannel(sms);
    port.registerChannel({ ...sms });
    expect(channelRegistry(host).list()).toHaveLength(1);
    expect(() => port.registerChannel({ ...sms, id: 'SMS gateway' })).toThrow(/channel id/);
  });
});
