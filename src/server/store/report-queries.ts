/**
 * What `admin report` and `admin audit --user` read: recovery-email coverage by group, audit events
 * counted per day in the tenant's time zone, failures by reason, and audit trails. Only audit
 * columns are read, and none holds a password or a code (store/audit.ts).
 */
import type { Queryable } from '../database/database.js';
import type { AuditEvent } from './audit.js';

export interface GroupCoverage {
  /** `null`: every user of the tenant; '' the users in no group. */
  group: string | null;
  users: number;
  /** Users whose recovery email is proven (registered for the reset). */
  verified: number;
}

export async function coverageByGroup(db: Queryable, tenant: string): Promise<GroupCoverage[]> {
  const rows = await db.query<{ grp: string | null; users: number; verified: number }>(
    `SELECT NULL AS grp, count(*)::int AS users,
       count(email_confirmed_at)::int AS verified
     FROM users WHERE tenant = $1
     UNION ALL
     SELECT g AS grp, count(*)::int, count(email_confirmed_at)::int
     FROM users, unnest(CASE WHEN cardinality(groups) = 0 THEN ARRAY[''] ELSE groups END) AS g
     WHERE tenant = $1 GROUP BY g`,
    [tenant],
  );
  const ordered = rows.sort((a, b) =>
    a.grp === null
      ? -1
      : b.grp === null
        ? 1
        : a.grp === ''
          ? 1
          : b.grp === ''
            ? -1
            : a.grp.localeCompare(b.grp),
  );
  return ordered.map((row) => ({ group: row.grp, users: row.users, verified: row.verified }));
}

/**
 * The report's days: from `firstDay` (YYYY-MM-DD) on, as days are counted in `timeZone`; `since`
 * is an instant at or before that day's start, for the index.
 */
export interface DayRange {
  since: Date;
  timeZone: string;
  firstDay: string;
}

/** `$2` to `$4` of a query on audit_events: the events in the range. */
const inRange = `at >= $2 AND to_char(at AT TIME ZONE $3, 'YYYY-MM-DD') >= $4`;
const rangeParams = (range: DayRange) => [range.since, range.timeZone, range.firstDay];

/** Events of the tenant per day (YYYY-MM-DD in the range's time zone) and event. */
export async function dailyEventCounts(
  db: Queryable,
  tenant: string,
  range: DayRange,
  events: readonly AuditEvent[],
): Promise<{ day: string; event: AuditEvent; count: number }[]> {
  return db.query<{ day: string; event: AuditEvent; count: number }>(
    `SELECT to_char(at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, event, count(*)::int AS count
     FROM audit_events WHERE tenant = $1 AND ${inRange} AND event = ANY($5)
     GROUP BY day, event`,
    [tenant, ...rangeParams(range), events],
  );
}

/** Why things failed in the range: each reason with its count, the most frequent first. */
export async function failureReasons(
  db: Queryable,
  tenant: string,
  range: DayRange,
): Promise<{ reason: FailureReason; count: number }[]> {
  const rows = await db.query<{ reason: FailureReason; count: number }>(
    `SELECT CASE
         WHEN event = 'sign_in_failed' AND user_id IS NULL THEN 'unknown_account'
         WHEN event = 'sign_in_failed' THEN 'wrong_password'
         WHEN event = 'code_failed' THEN 'wrong_code'
         WHEN event = 'account_locked' THEN 'locked'
         WHEN event = 'reset_notice_sent' THEN 'reset_not_allowed'
         ELSE 'mail_failed' END AS reason,
       count(*)::int AS count
     FROM audit_events
     WHERE tenant = $1 AND ${inRange} AND event IN
       ('sign_in_failed', 'code_failed', 'account_locked', 'reset_notice_sent', 'mail_failed')
     GROUP BY reason ORDER BY count DESC, reason`,
    [tenant, ...rangeParams(range)],
  );
  return rows;
}

export const failureReasonText = {
  wrong_password: 'wrong password, or an account already locked',
  unknown_account: 'sign-in with an address that has no account',
  wrong_code: 'wrong or expired verification code',
  locked: 'account locked after repeated failures',
  reset_not_allowed: 'reset asked by a user not allowed to reset',
  mail_failed: 'email given up after retries',
} as const;
export type FailureReason = keyof typeof failureReasonText;

export interface TrailEntry {
  at: Date;
  email: string | null;
  event: AuditEvent;
  ip: string | null;
}

/**
 * Audit events, oldest first: of one user (by id, and by address for the attempts that found no
 * account), or of the whole tenant in a range of days.
 */
export async function auditTrail(
  db: Queryable,
  tenant: string,
  filter: { userId: string | null; email: string } | DayRange,
): Promise<TrailEntry[]> {
  const rows =
    'since' in filter
      ? await db.query<TrailEntry>(
          `SELECT at, email, event, ip FROM audit_events WHERE tenant = $1 AND ${inRange}
           ORDER BY at, id`,
          [tenant, ...rangeParams(filter)],
        )
      : await db.query<TrailEntry>(
          `SELECT at, email, event, ip FROM audit_events
           WHERE tenant = $1 AND (user_id = $2 OR (user_id IS NULL AND email = $3))
           ORDER BY at, id`,
          [tenant, filter.userId, filter.email],
        );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
