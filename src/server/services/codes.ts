/**
 * Sending and checking codes, shared by the password reset and the recovery-email
 * reconfirmation (docs/security.md, rules 6-11).
 */
import { randomBytes } from 'node:crypto';
import type { ErrorBody } from '../../api/contract.schema.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { dayMs, hourMs, secondsUntil } from '../../rules/limits.js';
import type { MailRequest } from '../mail/mailer.js';
import { codeHash, codeMatches, newCode } from '../security/verification-code.js';
import { run, together } from '../database/database.js';
import { auditInsert, type AuditEvent } from '../store/audit.js';
import { dropUnsentCode, issueCode, tryUpdate, type CodeFlow } from '../store/code-flows.js';
import { addressKey, placeReturn, takePlace } from '../store/throttle.js';
import {
  clientFailureReturn,
  refuse,
  succeed,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from './context.js';

/** 192 random bits, URL-safe: the contract's flow id pattern. */
export function newFlowId(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Takes one of the address's hourly sends (rule 9): whether another code (or notice) may go to it.
 * Taken in one checked statement, so that parallel starts cannot all see room for one more.
 */
export async function takeSend(
  context: ServiceContext,
  tenant: string,
  email: string,
  now: Date,
): Promise<boolean> {
  const place = await takePlace(context.db, 'code-send', addressKey(tenant, email), now, {
    ms: hourMs,
    limit: context.limits.codesPerAddressPerHour,
  });
  return place.taken;
}

/** A fresh code and its hash. Made for every flow, mailed or not, so that all cost the same. */
export function freshCode(context: ServiceContext, flowId: string) {
  const code = newCode();
  return { code, hash: codeHash(context.codeKey, flowId, code) };
}

/** The email a flow's account gets for a code: the code, or the "ask your administrator" notice. */
export function codeMail(
  context: ServiceContext,
  tenant: Tenant,
  flow: Pick<CodeFlow, 'id' | 'kind' | 'email' | 'userId' | 'mayReset'>,
  code: string,
  meta: RequestMeta,
  now: Date,
  event: AuditEvent,
): MailRequest & { supersedeKey: string } {
  const sendsCode = flow.kind !== 'reset' || flow.mayReset;
  return {
    tenant,
    to: flow.email,
    locale: meta.locale,
    supersedeKey: flow.id,
    content: sendsCode
      ? {
          kind: 'verification-code',
          purpose: flow.kind === 'reset' ? 'reset' : 'confirm',
          code,
          validMinutes: Math.round(context.limits.codeLifetimeMs / 60_000),
          expiresAt: now.getTime() + context.limits.codeLifetimeMs,
        }
      : { kind: 'reset-not-allowed' },
    audit: {
      delivered: sendsCode ? event : 'reset_notice_sent',
      userId: flow.userId,
      flowId: flow.id,
    },
  };
}

/**
 * Another code for an open flow, at most every 30 s. Flows of unknown addresses do the same work
 * and answer the same, but nothing is mailed.
 */
export async function sendAnotherCode(
  context: ServiceContext,
  tenant: Tenant,
  flow: CodeFlow,
  meta: RequestMeta,
  event: AuditEvent,
): Promise<Outcome<{ resendAfter: number }>> {
  const { limits } = context;
  const now = new Date(context.clock.now());
  if (flow.verifiedAt) return refuse({ error: 'step_not_allowed' });
  const resendAt = (flow.lastSentAt?.getTime() ?? 0) + limits.resendAfterMs;
  if (resendAt > now.getTime()) {
    return refuse({
      error: 'too_many_requests',
      retryAfter: secondsUntil(resendAt, now.getTime()),
    });
  }
  const { code, hash } = freshCode(context, flow.id);
  const sendsCode = flow.userId !== null && (flow.kind !== 'reset' || flow.mayReset);
  // The conditional update lets one of any number of parallel resends through; only that one
  // takes an hourly send, so a burst of resends does not use up the hour.
  if (!(await issueCode(context.db, flow.id, sendsCode ? hash : null, now, limits))) {
    return refuse({ error: 'too_many_requests', retryAfter: limits.resendAfterMs / 1000 });
  }
  if (!(await takeSend(context, tenant.id, flow.email, now))) {
    // Over the hourly cap: the new code still ended the older ones, and goes nowhere.
    if (sendsCode) await dropUnsentCode(context.db, flow.id, hash);
  } else {
    // Queued, replacing the older code's message if it still waits; for an unknown address the
    // same statement queues nothing.
    await context.mailer.queueReplacing(
      codeMail(context, tenant, flow, code, meta, now, event),
      now,
      flow.userId !== null,
    );
  }
  return succeed({ resendAfter: limits.resendAfterMs / 1000 });
}

/**
 * Checks a code against the flow; the caller has taken one of the client's failures
 * (`takeClientFailure`). Each check takes one of the account's daily failures first, so that
 * parallel guesses cannot all be judged against the same count. A right, live code gives both back
 * and is left for the caller to spend atomically; anything else costs a try and gets one answer
 * whatever the reason (rule 10).
 */
export async function checkCode(
  context: ServiceContext,
  tenant: Tenant,
  flow: CodeFlow,
  code: string,
  meta: RequestMeta,
): Promise<{ match: true } | { match: false; error: ErrorBody }> {
  const { db, limits } = context;
  const now = new Date(context.clock.now());
  const dead = { match: false, error: { error: 'code_rejected', attemptsLeft: 0 } } as const;
  if (flow.verifiedAt) return dead;
  const account = addressKey(tenant.id, flow.email);
  const place = await takePlace(db, 'code-failure', account, now, {
    ms: dayMs,
    limit: limits.failedCodesPerAccountPerDay,
  });
  const alive =
    place.taken && flow.triesLeft > 0 && flow.codeExpiresAt !== null && flow.codeExpiresAt > now;
  if (alive && codeMatches(context.codeKey, flow.id, code, flow.codeHash)) {
    await run(
      db,
      together(placeReturn('code-failure', account, now), clientFailureReturn(meta.ip, now)),
    );
    return { match: true };
  }
  // The audit record and the try commit together, as one statement.
  const spent = await run<{ tries_left: number }>(
    db,
    together(
      auditInsert(
        {
          tenant: tenant.id,
          event: 'code_failed',
          userId: flow.userId,
          email: flow.email,
          flowId: flow.id,
          ip: meta.ip,
        },
        now,
      ),
      ...(alive ? [tryUpdate(flow, now)] : []),
    ),
  );
  const attemptsLeft = spent[0]?.tries_left ?? 0;
  return { match: false, error: { error: 'code_rejected', attemptsLeft } };
}
