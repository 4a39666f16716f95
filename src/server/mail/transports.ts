/**
 * Where email goes: an SMTP server (`SMTP_URL`), or, with none configured, `.eml` files in
 * `DATA_DIR/outbox/` that a newcomer can open to read a code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../log.js';

export interface Envelope {
  messageId: string;
  from: { name: string; address: string };
  to: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer; cid: string }[];
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  deliver(envelope: Envelope): Promise<void>;
  close(): void;
}

function message(envelope: Envelope) {
  return {
    messageId: envelope.messageId,
    from: envelope.from,
    to: envelope.to,
    subject: envelope.subject,
    text: envelope.text,
    html: envelope.html,
    attachments: envelope.attachments,
    headers: { 'Content-Language': envelope.locale, 'Auto-Submitted': 'auto-generated' },
  };
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async deliver(envelope) {
      await transporter.sendMail(message(envelope));
    },
    close: () => transporter.close(),
  };
}

export function outboxTransport(dir: string, log: Logger): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'outbox',
    async deliver(envelope) {
      const info = await composer.sendMail(message(envelope));
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(
        dir,
        `${stamp}-${envelope.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}.eml`,
      );
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      log.info('mail_written', { to: envelope.to, subject: envelope.subject, file });
    },
    close: () => composer.close(),
  };
}
