/** Who a channel delivers to: the user's contact data, read when the message is queued and again when it is sent. */
export interface NotificationContact {
  id: string;
  account: string;
  realName: string;
  email: string | null;
  /** The mobile number in clear (stored encrypted); null when the user has none. */
  phone: string | null;
}

/** A message in one language, ready for a channel; `link` is absolute when the console's address is configured. */
export interface RenderedNotification {
  title: string;
  body: string;
  link: string | null;
}

/**
 * A way out of the console (e-mail, SMS, a messaging app). Deployments register one through
 * `NotifyPort.registerChannel`; core/notify registers e-mail itself when SMTP is configured.
 * `send` resolves once the provider accepted the message and throws when it did not: the
 * delivery is then retried with back-off, never reported as sent.
 */
export interface NotificationChannel {
  /** Stable, stored with each delivery: 'email', 'sms', or a deployment's own id. */
  id: 'email' | 'sms' | (string & {});
  /** The user's address on this channel, or null when there is none (no delivery is made). */
  addressOf(user: NotificationContact): string | null;
  send(address: string, rendered: RenderedNotification): Promise<void>;
}
