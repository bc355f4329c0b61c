import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { OutboxAttachment } from '../../db/schema';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: OutboxAttachment[] | null;
}

export interface OutgoingSms {
  to: string;
  text: string;
}

export interface EmailTransport {
  send(mail: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export interface SmsTransport {
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
}

/**
 * The ways out. A `null` channel means no provider: messages are held in the outbox (the demo).
 * @public
 */
export interface Transports {
  email: EmailTransport | null;
  sms: SmsTransport | null;
}

/** @public */
export function createTransports(config: Config): Transports {
  return {
    email: config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl, config.mail.from) : null,
    sms: config.sms.provider === 'http' ? httpSmsTransport(config.sms) : null,
  };
}

function smtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        attachments: (mail.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content, 'base64'),
        })),
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * A generic HTTP SMS gateway: `POST {url}` with JSON `{ to, from, text }` and a bearer token; any 2xx
 * is a success, and a JSON `id` in the answer is kept as the provider's message id.
 */
function httpSmsTransport(settings: { url: string; token: string | null; sender: string }): SmsTransport {
  return {
    async send(sms) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify({ to: sms.to, from: settings.sender, text: sms.text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { messageId: typeof answer.id === 'string' ? answer.id : '' };
    },
  };
}
