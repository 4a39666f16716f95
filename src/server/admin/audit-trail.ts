/**
 * Audit events as an operator reads them: what happened and how it ended, for `admin audit
 * --user` and the report's trail export. Built from the event alone; no event holds a password
 * or a code, so none can be shown.
 */
import { normaliseEmail } from '../../rules/email-address.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { AuditEvent } from '../store/audit.js';
import { auditTrail, type TrailEntry } from '../store/report-queries.js';
import { findUser } from '../store/users.js';
import { table } from './admin-output.js';
import type { AdminDeps, AdminResult } from './admin-request.schema.js';

type Result = 'ok' | 'failed' | 'refused' | 'asked';

export const eventText: Record<AuditEvent, { what: string; result: Result }> = {
  reset_started: { what: 'password reset started', result: 'ok' },
  code_sent: { what: 'verification code emailed', result: 'ok' },
  code_resent: { what: 'verification code emailed again', result: 'ok' },
  code_failed: { what: 'verification code entered', result: 'failed' },
  code_verified: { what: 'verification code entered', result: 'ok' },
  password_set: { what: 'new password set through the reset', result: 'ok' },
  account_locked: { what: 'account locked after repeated failures', result: 'failed' },
  reset_notice_sent: { what: 'reset asked, not allowed: notice emailed', result: 'refused' },
  mail_failed: { what: 'email given up after retries', result: 'failed' },
  sign_in_succeeded: { what: 'sign-in', result: 'ok' },
  sign_in_failed: { what: 'sign-in', result: 'failed' },
  email_confirmation_required: { what: 'asked to confirm the recovery email', result: 'asked' },
  email_confirmed: { what: 'recovery email confirmed', result: 'ok' },
  password_changed: { what: 'password changed by the user', result: 'ok' },
  signed_out: { what: 'signed out', result: 'ok' },
  account_unlocked: { what: 'unlocked by an operator', result: 'ok' },
  sessions_revoked: { what: 'signed out everywhere by an operator', result: 'ok' },
  reset_required: { what: 'reset required by an operator', result: 'ok' },
  user_updated: { what: 'changed by an operator', result: 'ok' },
  rollout_coming_soon_sent: { what: '"Coming soon" email delivered', result: 'ok' },
  rollout_available_now_sent: { what: '"Available now" email delivered', result: 'ok' },
  rollout_reminder_sent: { what: 'sign-up reminder email delivered', result: 'ok' },
};

/** One event for scripts and exports: when, who, what, result, from where. */
export function trailRow(entry: TrailEntry) {
  const text = eventText[entry.event] ?? { what: entry.event, result: 'ok' };
  return {
    at: entry.at.toISOString(),
    email: entry.email,
    event: entry.event,
    what: text.what,
    result: text.result,
    ip: entry.ip,
  };
}

export async function auditUserCommand(
  deps: AdminDeps,
  tenant: Tenant,
  email: string,
): Promise<AdminResult> {
  const address = normaliseEmail(email);
  const user = await findUser(deps.db, tenant.id, address);
  const rows = (
    await auditTrail(deps.db, tenant.id, { userId: user?.id ?? null, email: address })
  ).map(trailRow);
  const heading = user
    ? `Audit trail of ${address} in ${tenant.id}:`
    : `No user ${address} in ${tenant.id}; the attempts made with this address:`;
  if (rows.length === 0) return { ok: true, lines: [heading, '  nothing recorded'], data: rows };
  return {
    ok: true,
    data: rows,
    lines: [
      heading,
      ...table([
        ['when', 'what', 'result', 'from'],
        ...rows.map((row) => [row.at, row.what, row.result, row.ip ?? '-']),
      ]).map((line) => `  ${line}`),
    ],
  };
}
