import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { updateUser } from '#core/users/server/user.service.ts';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { deliverPending } from './delivery.ts';
import { createEmailChannel } from './email.channel.ts';
import { deliveriesOf } from './notification.repo.ts';
import { notify } from './notify.service.ts';
import { installTestKinds, TEST_KIND } from './test-kinds.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that keeps what it is sent, and refuses recipients at refused.example. */
async function startMailCatcher() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example'))
        return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded Subject and text body of a single-part message (RFC 2047 words; base64 or quoted-printable body). */
function readMail(raw: string): { subject: string; body: string; contentType: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const word = (_: string, charset: string, enc: string, text: string) => {
    expect(charset.toLowerCase()).toBe('utf-8');
    return enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuoted(text.replace(/_/g, ' '));
  };
  const subject = (headers.get('subject') ?? '').replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, word);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text = rest.join('\n\n');
  const body =
    encoding === 'base64'
      ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuoted(text.replace(/=\r?\n/g, ''))
        : text;
  return { subject, body: body.replace(/\r\n/g, '\n'), contentType: headers.get('content-type') ?? '' };
}

function decodeQuoted(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describeOnEngines('notify: e-mail through a local SMTP server', (h) => {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;

  beforeAll(async () => {
    installTestKinds();
    catcher = await startMailCatcher();
  });
  afterAll(async () => {
    await catcher?.close();
  });

  async function mailTo(account: string, email: string) {
    const user = await h().makeUser({ account, orgCode: 'GB130102', roles: ['teacher'] });
    await updateUser(h().system(), user.id, { email });
    const channel = createEmailChannel({ smtpUrl: catcher.url, from: '教育云 <noreply@edu.example.cn>' });
    const { notificationIds } = await notify(
      h().system(),
      { userIds: [user.id] },
      { kind: TEST_KIND, params: { name: '网络安全自查', org: '石家庄市教育局', due: '2026-12-31' }, link: '/work-plan/my-tasks' },
      [channel],
    );
    const report = await deliverPending(h().system(), [channel], h().now(), { publicUrl: 'https://edu.example.cn' });
    return { report, delivery: (await deliveriesOf(h().platform.database.db, notificationIds))[0] };
  }

  it('sends the message as UTF-8 mail with the Chinese subject and body and the console link', async () => {
    const { report, delivery } = await mailTo('mail-zhang', 'zhang.san@school.example.cn');
    expect(report.sent).toBe(1);
    expect(delivery).toMatchObject({ channel: 'email', status: 'sent', attempts: 1 });
    const mail = catcher.received.at(-1)!;
    expect(mail.to).toEqual(['zhang.san@school.example.cn']);
    expect(mail.from).toBe('noreply@edu.example.cn');
    const { subject, body, contentType } = readMail(mail.raw);
    expect(contentType.toLowerCase()).toContain('charset=utf-8');
    expect(subject).toBe('新任务：网络安全自查');
    expect(body).toBe(
      '石家庄市教育局给您分配了任务“网络安全自查”，请于 2026-12-31 前完成。\n\nhttps://edu.example.cn/work-plan/my-tasks\n',
    );
  });

  it("keeps a delivery the mail server refused pending, with the server's answer, for a retry", async () => {
    const before = catcher.received.length;
    const { report, delivery } = await mailTo('mail-refused', 'nobody@refused.example');
    expect(report).toMatchObject({ sent: 0, retried: 1 });
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(delivery.last_error).toMatch(/550|mailbox unavailable/);
    expect(catcher.received.length).toBe(before);
  });

  it('fails an attempt when no mail server answers', async () => {
    const user = await h().makeUser({ account: 'mail-down', orgCode: 'GB130102' });
    await updateUser(h().system(), user.id, { email: 'down@school.example.cn' });
    const down = await startMailCatcher();
    await down.close();
    const channel = createEmailChannel({ smtpUrl: down.url, from: 'noreply@edu.example.cn' });
    const { notificationIds } = await notify(h().system(), { userIds: [user.id] }, { kind: TEST_KIND, params: {} }, [channel]);
    expect((await deliverPending(h().system(), [channel], h().now())).retried).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(h().platform.database.db, notificationIds))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
    });
  });
});
