/** An SMTP server on 127.0.0.1 that keeps every message, for reading codes from real email. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readMail, type ReadMail } from './mime.js';

export interface SinkMail extends ReadMail {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: SinkMail[];
  /** Mails to `to` (newest last). */
  to(address: string): SinkMail[];
  /** Waits for the `count`-th mail to `to`, at most `timeoutMs`. */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<SinkMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: SinkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          ...readMail(raw),
          raw,
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  const to = (address: string) => mails.filter((mail) => mail.to.includes(address.toLowerCase()));
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    to,
    async waitFor(address, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = to(address);
        if (found.length >= count) return found[count - 1]!;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(
        `No mail #${count} to ${address} within ${timeoutMs} ms (got ${to(address).length})`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The 6-digit code in a verification email's text part. */
export function codeIn(mail: ReadMail): string {
  const match = /^\s{4}(\d{6})$/m.exec(mail.text);
  if (!match) throw new Error(`No code in mail "${mail.subject}"`);
  return match[1]!;
}
