import nodemailer from 'nodemailer';
import type { NotificationChannel, RenderedNotification } from '../contract/channel.ts';

export interface EmailSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465` (EDUCLOUD_SMTP_URL). */
  smtpUrl: string;
  /** The sender, e.g. `教育云 <noreply@edu.example.cn>` (EDUCLOUD_MAIL_FROM). */
  from: string;
}

// Deliberately loose: the mail server is the judge; this only keeps obvious junk out of the queue.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export const emailText = (m: RenderedNotification): string => (m.link ? `${m.body}\n\n${m.link}\n` : `${m.body}\n`);

/** E-mail over SMTP to `core_users.email`; sending resolves only once the server accepted the message. */
export function createEmailChannel(settings: EmailSettings): NotificationChannel {
  // Short timeouts: a dead mail server must fail this attempt, not stall the delivery job.
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    id: 'email',
    addressOf: (user) => (user.email && ADDRESS.test(user.email.trim()) ? user.email.trim() : null),
    async send(address, message) {
      await transport.sendMail({ from: settings.from, to: address, subject: message.title, text: emailText(message) });
    },
  };
}
