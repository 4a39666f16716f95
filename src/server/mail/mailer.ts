/**
 * Email off the request path (docs/security.md, rules 13 and 25): a request enqueues and answers at
 * once; delivery runs afterwards and is retried with growing pauses. A failure is logged and never
 * changes what the user saw. A newer code for the same flow supersedes a pending older one, so a
 * recovering SMTP server does not deliver a dead code. The queue lives in memory on purpose:
 * storing it would store codes in clear, which rule 6 forbids; after a restart the flow is still
 * there and Send new code sends another.
 */
import { randomUUID } from 'node:crypto';
import { assertNever } from '../../flow/policy-steps.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { formatDuration } from '../../i18n/duration.js';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import type { Clock } from '../clock.js';
import { errorFields, type Logger } from '../log.js';
import type { BrandSource } from './mail-brand.js';
import {
  passwordChangedText,
  resetNotAllowedText,
  verificationCodeText,
  type CodePurpose,
  type MailText,
} from './mail-text.js';
import { renderMail } from './render-mail.js';
import { translator } from '../i18n/translate.js';
import type { MailTransport } from './transports.js';

export type MailContent =
  | {
      kind: 'verification-code';
      purpose: CodePurpose;
      code: string;
      validMinutes: number;
      expiresAt: number;
    }
  | { kind: 'reset-not-allowed' }
  | { kind: 'password-changed'; changedAt: number };

export interface MailRequest {
  tenant: Tenant;
  to: string;
  locale: SupportedLocale;
  content: MailContent;
  /** A later request with the same key replaces this one while it waits. */
  supersedeKey?: string;
  /** Runs once the message is handed over, e.g. to write an audit event. */
  onDelivered?: () => Promise<void>;
  /** Runs once every retry has failed. */
  onAbandoned?: () => Promise<void>;
}

/** Ours: about ten minutes of retries, the lifetime of a code. */
export const defaultRetryDelaysMs = [
  1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 180_000, 180_000,
];

export interface MailerOptions {
  transport: MailTransport;
  brand: BrandSource;
  from: string;
  clock: Clock;
  log: Logger;
  retryDelaysMs?: readonly number[];
}

function text(request: MailRequest): MailText {
  const msg = translator(request.locale, request.tenant.textOverrides?.[request.locale]);
  const tenant = request.tenant.displayName;
  const content = request.content;
  switch (content.kind) {
    case 'verification-code':
      return verificationCodeText(msg, {
        tenant,
        code: content.code,
        purpose: content.purpose,
        validFor: formatDuration(content.validMinutes * 60, request.locale),
      });
    case 'reset-not-allowed':
      return resetNotAllowedText(msg, { tenant });
    case 'password-changed':
      return passwordChangedText(msg, {
        tenant,
        changedAt: content.changedAt,
        locale: request.locale,
        timeZone: request.tenant.timeZone,
      });
    default:
      return assertNever(content);
  }
}

interface Job {
  id: string;
  request: MailRequest;
  attempt: number;
  timer: NodeJS.Timeout | undefined;
  cancelled: boolean;
}

export class Mailer {
  readonly #options: MailerOptions;
  readonly #retryDelaysMs: readonly number[];
  readonly #pending = new Set<Job>();
  #closed = false;

  constructor(options: MailerOptions) {
    this.#options = options;
    this.#retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  }

  /** Queues a message and returns at once; nothing about delivery reaches the caller. */
  enqueue(request: MailRequest): void {
    if (this.#closed) return;
    if (request.supersedeKey !== undefined) {
      for (const job of this.#pending) {
        if (job.request.supersedeKey === request.supersedeKey && job.timer !== undefined) {
          this.#drop(job);
          this.#options.log.info('mail_superseded', { kind: job.request.content.kind });
        }
      }
    }
    const job: Job = { id: randomUUID(), request, attempt: 0, timer: undefined, cancelled: false };
    this.#pending.add(job);
    job.timer = setTimeout(() => void this.#attempt(job), 0);
  }

  /** Stops retrying; messages still waiting are given up (and logged). */
  close(): void {
    this.#closed = true;
    for (const job of this.#pending) {
      this.#drop(job);
      this.#options.log.warn('mail_dropped_at_shutdown', { kind: job.request.content.kind });
    }
    this.#options.transport.close();
  }

  #drop(job: Job) {
    clearTimeout(job.timer);
    job.cancelled = true;
    this.#pending.delete(job);
  }

  async #attempt(job: Job) {
    job.timer = undefined;
    const { request } = job;
    const { log, clock } = this.#options;
    const content = request.content;
    if (content.kind === 'verification-code' && clock.now() >= content.expiresAt) {
      this.#pending.delete(job);
      log.warn('mail_expired_undelivered', { tenant: request.tenant.id, kind: content.kind });
      return;
    }
    try {
      const mailText = text(request);
      const brand = await this.#options.brand(
        request.tenant.theme,
        request.tenant.displayName,
        request.locale,
      );
      const rendered = renderMail(mailText, brand, request.locale);
      await this.#options.transport.deliver({
        messageId: `<${job.id}@gatehouse>`,
        from: { name: brand.name, address: this.#options.from },
        to: request.to,
        locale: request.locale,
        ...rendered,
      });
      this.#pending.delete(job);
      log.info('mail_sent', {
        tenant: request.tenant.id,
        kind: content.kind,
        locale: request.locale,
        attempt: job.attempt + 1,
      });
      await request
        .onDelivered?.()
        .catch((error: unknown) => log.error('mail_audit_failed', errorFields(error)));
    } catch (error) {
      if (job.cancelled) return;
      const delay = this.#retryDelaysMs[job.attempt];
      job.attempt += 1;
      log.warn('mail_failed', {
        tenant: request.tenant.id,
        kind: content.kind,
        attempt: job.attempt,
        retryInMs: delay,
        ...errorFields(error),
      });
      if (delay === undefined || this.#closed) {
        this.#pending.delete(job);
        log.error('mail_abandoned', { tenant: request.tenant.id, kind: content.kind });
        await request
          .onAbandoned?.()
          .catch((auditError: unknown) => log.error('mail_audit_failed', errorFields(auditError)));
        return;
      }
      job.timer = setTimeout(() => void this.#attempt(job), delay);
    }
  }
}
