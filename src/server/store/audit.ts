/**
 * Audit events for every sign-in and reset step (docs/security.md#rule-26). Fields are columns
 * filled through parameters, never text spliced together, and none of them ever holds a password or
 * a code.
 */
import { run, type Queryable, type Statement } from '../database/database.js';

/** The reset funnel in its order, then the sign-in events. */
export const auditEvents = [
  'reset_started',
  'code_sent',
  'code_resent',
  'code_failed',
  'code_verified',
  'password_set',
  'account_locked',
  'reset_notice_sent',
  'mail_failed',
  'sign_in_succeeded',
  'sign_in_failed',
  'email_confirmation_required',
  'email_confirmed',
  'password_changed',
  'signed_out',
  // An operator's actions on a user, from the admin CLI.
  'account_unlocked',
  'sessions_revoked',
  'reset_required',
  'user_updated',
  // Delivered announcements of `admin rollout send`.
  'rollout_coming_soon_sent',
  'rollout_available_now_sent',
  'rollout_reminder_sent',
] as const;
export type AuditEvent = (typeof auditEvents)[number];

export interface AuditRecord {
  tenant: string;
  event: AuditEvent;
  userId?: string | null | undefined;
  email?: string | undefined;
  flowId?: string | undefined;
  ip?: string | undefined;
}

export function auditInsert(record: AuditRecord, at: Date): Statement {
  return {
    sql: `INSERT INTO audit_events (at, tenant, event, user_id, email, flow_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    params: [
      at,
      record.tenant,
      record.event,
      record.userId ?? null,
      record.email ?? null,
      record.flowId ?? null,
      record.ip ?? null,
    ],
  };
}

export async function recordAudit(db: Queryable, record: AuditRecord, at: Date): Promise<void> {
  await run(db, auditInsert(record, at));
}

/** How many of each event a tenant had since `since`, every event listed (0 when none). */
export async function auditCounts(
  db: Queryable,
  tenant: string,
  since: Date,
): Promise<Record<AuditEvent, number>> {
  const rows = await db.query<{ event: string; count: number }>(
    `SELECT event, count(*)::int AS count FROM audit_events
     WHERE tenant = $1 AND at >= $2 GROUP BY event`,
    [tenant, since],
  );
  const counts = Object.fromEntries(auditEvents.map((event) => [event, 0])) as Record<
    AuditEvent,
    number
  >;
  for (const row of rows) {
    if ((auditEvents as readonly string[]).includes(row.event)) {
      counts[row.event as AuditEvent] = row.count;
    }
  }
  return counts;
}
