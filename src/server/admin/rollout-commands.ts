/**
 * The server side of `admin rollout send` (the command line is in rollout-send.ts): who a
 * template goes to, by language, and queuing the next few recipients. Each recipient's send is
 * recorded in the transaction that queues the message, so a rerun sends no duplicates, and the
 * mail queue delivers with its retries and dead letters like every other email.
 */
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import { supportedLocales } from '../../i18n/negotiate-locale.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { run } from '../database/database.js';
import {
  countSent,
  countUnsent,
  countWaitingRolloutMail,
  recordRolloutSend,
  unsentRecipients,
  type RolloutAudience,
} from '../store/rollout-sends.js';
import { fail } from './admin-output.js';
import type { AdminDeps, AdminRequest, AdminResult } from './admin-request.schema.js';

/** Audited when the message is handed over, so the user's trail says which email went. */
const rolloutSentEvent = {
  'coming-soon': 'rollout_coming_soon_sent',
  'available-now': 'rollout_available_now_sent',
  reminder: 'rollout_reminder_sent',
} as const;

type RolloutRequest = Extract<AdminRequest, { command: 'rollout-plan' | 'rollout-queue' }>;

/** The user's language when the tenant offers it, else the tenant's default. */
export function rolloutLocale(tenant: Tenant, locale: string | null): SupportedLocale {
  const offered = (candidate: string | null): candidate is SupportedLocale =>
    candidate !== null &&
    tenant.locales.includes(candidate) &&
    (supportedLocales as readonly string[]).includes(candidate);
  return offered(locale) ? locale : (tenant.defaultLocale as SupportedLocale);
}

export interface RolloutPlan {
  /** Recipients still to send, by language. */
  byLocale: Partial<Record<SupportedLocale, number>>;
  unsent: number;
  alreadySent: number;
}

export interface RolloutProgress {
  queued: number;
  /** Recipients still unsent after this request. */
  remaining: number;
  /** Recipients with a recorded send, this request's included. */
  alreadySent: number;
  /** Rollout messages of the tenant still in the mail queue. */
  waiting: number;
}

export async function rolloutCommand(
  deps: AdminDeps,
  tenant: Tenant,
  request: RolloutRequest,
  now: Date,
): Promise<AdminResult> {
  const audience: RolloutAudience = {
    tenant: tenant.id,
    template: request.template,
    group: request.group,
  };
  if (request.command === 'rollout-plan') {
    const byLocale: RolloutPlan['byLocale'] = {};
    let unsent = 0;
    for (const { locale: stored, count } of await countUnsent(deps.db, audience)) {
      const locale = rolloutLocale(tenant, stored);
      byLocale[locale] = (byLocale[locale] ?? 0) + count;
      unsent += count;
    }
    const data: RolloutPlan = {
      byLocale,
      unsent,
      alreadySent: await countSent(deps.db, audience),
    };
    return { ok: true, lines: [], data };
  }
  const mailer = deps.mailer;
  if (!mailer) return fail('This process has no mail queue to send through');
  const next = await unsentRecipients(deps.db, audience, request.limit);
  let queued = 0;
  await deps.db.transaction(async (tx) => {
    for (const recipient of next) {
      const locale = rolloutLocale(tenant, recipient.locale);
      if (!(await recordRolloutSend(tx, audience, { ...recipient, locale }, now))) continue;
      await run(
        tx,
        mailer.queued(
          {
            tenant,
            to: recipient.email,
            locale,
            content: { kind: 'rollout', template: request.template },
            audit: { delivered: rolloutSentEvent[request.template], userId: recipient.userId },
          },
          now,
        ),
      );
      queued += 1;
    }
  });
  if (queued > 0) mailer.wake();
  const remaining = (await countUnsent(deps.db, audience)).reduce((sum, row) => sum + row.count, 0);
  const data: RolloutProgress = {
    queued,
    remaining,
    alreadySent: await countSent(deps.db, audience),
    waiting: await countWaitingRolloutMail(deps.db, tenant.id),
  };
  return { ok: true, lines: [], data };
}
