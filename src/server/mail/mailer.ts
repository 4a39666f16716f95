/**
 * Email off the request path (docs/security.md, rules 13 and 25). A request queues its message in the
 * database with the write it belongs to and answers; any instance delivers it afterwards and
 * retries with growing pauses (store/mail-outbox.ts). A failure is logged and never changes what
 * the user saw. A newer code for the same flow replaces a waiting older one, so a recovering SMTP
 * server does not deliver a dead code. The content, code included, is sealed at rest and deleted
 * once delivered (rule 6).
 */
import { randomUUID } from 'node:crypto';
import { assertNever } from '../../flow/policy-steps.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { formatDuration } from '../../i18n/duration.js';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import type { Clock } from '../clock.js';
import { run, together, type Database, type Statement } from '../database/database.js';
import { errorFields, type Logger } from '../log.js';
import { open, seal } from '../security/sealed-box.js';
import { recordAudit, type AuditEvent } from '../store/audit.js';
import {
  claimDue,
  deleteDelivered,
  markDead,
  outboxInsert,
  scheduleRetry,
  supersededDelete,
  type ClaimedMessage,
} from '../store/mail-outbox.js';
import type { TenantRegistry } from '../tenants.js';
import type { BrandSource } from './mail-brand.js';
import {
  passwordChangedText,
  resetNotAllowedText,
  verificationCodeText,
  type CodePurpose,
  type MailText,
} from './mail-text.js';
import { renderMail } from './render-mail.js';
import { rolloutText } from './rollout-text.js';
import type { RolloutTemplate } from '../store/rollout-sends.js';
import { translator } from '../../i18n/translator.js';
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
  | { kind: 'password-changed'; changedAt: number }
  | { kind: 'rollout'; template: RolloutTemplate };

export interface MailRequest {
  tenant: Tenant;
  to: string;
  locale: SupportedLocale;
  content: MailContent;
  /** A later request with the same key replaces this one while it waits. */
  supersedeKey?: string;
  /** Audited once the message is handed over; `mail_failed` is audited if it never is. */
  audit?: { delivered: AuditEvent; userId: string | null; flowId?: string };
}

/** Ours: about ten minutes of retries, the lifetime of a code. */
export const defaultRetryDelaysMs = [
  1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 180_000, 180_000,
];

export interface MailerOptions {
  db: Database;
  tenants: TenantRegistry;
  transport: MailTransport;
  brand: BrandSource;
  from: string;
  clock: Clock;
  log: Logger;
  /** Seals queued content (`MAIL_KEY`, or DATA_DIR/mail.key); every instance needs the same. */
  key: Buffer;
  retryDelaysMs?: readonly number[];
  /** How often the queue is looked at when nothing woke it; ours. */
  pollMs?: number;
}

/** Longer than an SMTP attempt may take (transports.ts: 10 + 10 + 20 s), so a claim outlives it. */
const claimMs = 120_000;
const batch = 20;

/** The words of a message, in the recipient's language with the tenant's overrides. */
export function mailText(request: Pick<MailRequest, 'tenant' | 'locale' | 'content'>): MailText {
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
    case 'rollout':
      return rolloutText(msg, { tenant, template: content.template });
    default:
      return assertNever(content);
  }
}

export class Mailer {
  readonly #options: MailerOptions;
  readonly #retryDelaysMs: readonly number[];
  #timer: NodeJS.Timeout | undefined;
  /** The delivery round in progress, if any, and whether another was asked for meanwhile. */
  #round: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(options: MailerOptions) {
    this.#options = options;
    this.#retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  }

  /** Looks at the queue now and every `pollMs`, for messages any instance queued. */
  start(): void {
    this.#timer = setInterval(() => this.wake(), this.#options.pollMs ?? 1_000).unref();
    this.wake();
  }

  /**
   * The statement that queues `request`, to run with the write it belongs to; with `when` false
   * the same statement queues nothing, after the same work (docs/security.md#rule-13).
   */
  queued(request: MailRequest, now: Date, when = true): Statement {
    const id = randomUUID();
    return outboxInsert(
      {
        id,
        tenant: request.tenant.id,
        recipient: request.to,
        locale: request.locale,
        kind: request.content.kind,
        content: seal(this.#options.key, JSON.stringify(request.content), id),
        supersedeKey: request.supersedeKey ?? null,
        auditDelivered: request.audit?.delivered ?? null,
        auditUserId: request.audit?.userId ?? null,
        auditFlowId: request.audit?.flowId ?? null,
        expiresAt:
          request.content.kind === 'verification-code' ? new Date(request.content.expiresAt) : null,
      },
      now,
      when,
    );
  }

  /** Queues `request` in place of the waiting messages with its supersede key. */
  async queueReplacing(request: MailRequest & { supersedeKey: string }, now: Date, when = true) {
    const replaced = await run(
      this.#options.db,
      together(this.queued(request, now, when), supersededDelete(request.supersedeKey, now)),
    );
    if (replaced.length > 0) this.#options.log.info('mail_superseded', { count: replaced.length });
    this.wake();
  }

  /** Delivers what is due soon, off the caller's path. */
  wake(): void {
    if (this.#closed) return;
    if (this.#round) {
      this.#again = true;
      return;
    }
    this.#round = this.#deliverDue().finally(() => {
      this.#round = undefined;
    });
  }

  /** Stops looking at the queue and waits a little for the round in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    if (this.#round) {
      await Promise.race([this.#round, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    this.#options.transport.close();
  }

  async #deliverDue() {
    const { db, clock, log } = this.#options;
    do {
      this.#again = false;
      const claim = randomUUID();
      const now = clock.now();
      try {
        const due = await claimDue(db, claim, new Date(now), new Date(now + claimMs), batch);
        await Promise.all(due.map((message) => this.#deliver(message, claim)));
        if (due.length === batch) this.#again = true;
      } catch (error) {
        log.warn('mail_queue_unavailable', errorFields(error));
        return;
      }
    } while (this.#again && !this.#closed);
  }

  async #deliver(message: ClaimedMessage, claim: string) {
    const { db, clock, log, tenants } = this.#options;
    const now = new Date(clock.now());
    const fields = { tenant: message.tenant, kind: message.kind, attempt: message.attempts };
    const tenant = tenants.get(message.tenant);
    if (message.expiresAt !== null && message.expiresAt <= now) {
      log.warn('mail_expired_undelivered', fields);
      return this.#giveUp(message, claim, now, 'expired before delivery');
    }
    if (!tenant) {
      log.error('mail_abandoned', { ...fields, reason: 'tenant_gone' });
      return this.#giveUp(message, claim, now, 'tenant no longer configured');
    }
    try {
      const request: MailRequest = {
        tenant,
        to: message.recipient,
        locale: message.locale as SupportedLocale,
        content: JSON.parse(open(this.#options.key, message.content, message.id)) as MailContent,
      };
      const brand = await this.#options.brand(tenant.theme, tenant.displayName, request.locale);
      const rendered = renderMail(mailText(request), brand, request.locale);
      await this.#options.transport.deliver({
        messageId: `<${message.id}@gatehouse>`,
        // The sender name is the tenant's displayName, and nothing else (docs/server.md#environment).
        from: { name: tenant.displayName, address: this.#options.from },
        to: request.to,
        locale: request.locale,
        ...rendered,
      });
    } catch (error) {
      const delay = this.#retryDelaysMs[message.attempts - 1];
      log.warn('mail_failed', { ...fields, retryInMs: delay, ...errorFields(error) });
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'failed';
      // At shutdown too the message waits for its retry, by this instance's restart or another.
      if (delay === undefined) {
        log.error('mail_abandoned', fields);
        return this.#giveUp(message, claim, now, reason);
      }
      return scheduleRetry(db, message.id, claim, new Date(now.getTime() + delay), reason);
    }
    await deleteDelivered(db, message.id, claim);
    log.info('mail_sent', { ...fields, locale: message.locale });
    if (message.auditDelivered) await this.#audit(message, message.auditDelivered, now);
  }

  async #giveUp(message: ClaimedMessage, claim: string, now: Date, reason: string) {
    await markDead(this.#options.db, message.id, claim, now, reason);
    if (message.auditDelivered) await this.#audit(message, 'mail_failed', now);
  }

  async #audit(message: ClaimedMessage, event: AuditEvent, now: Date) {
    await recordAudit(
      this.#options.db,
      {
        tenant: message.tenant,
        event,
        userId: message.auditUserId,
        email: message.recipient,
        flowId: message.auditFlowId ?? undefined,
      },
      now,
    ).catch((error: unknown) => this.#options.log.error('mail_audit_failed', errorFields(error)));
  }
}
