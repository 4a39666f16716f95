/**
 * Throttle counters as timestamped events in the database, so that they hold across restarts and
 * across instances (docs/security.md#rule-17). A window is counted, not approximated.
 */
import { run, type Queryable, type Statement } from '../database/database.js';

export type ThrottleKind =
  /** A code (or notice) mailed to an address; key: tenant and address. */
  | 'code-send'
  /** A wrong code entered for an address; key: tenant and address. */
  | 'code-failure'
  /** A failed sign-in or code entry from a client address; key: the IP. */
  | 'ip-failure';

export const addressKey = (tenant: string, email: string) => `${tenant}\n${email}`;

export interface WindowCount {
  count: number;
  /** When the oldest event in the window happened, so callers can say when it leaves. */
  oldest: Date | null;
}

export async function countSince(
  db: Queryable,
  kind: ThrottleKind,
  key: string,
  since: Date,
): Promise<WindowCount> {
  const rows = await db.query<WindowCount>(
    `SELECT count(*)::int AS count, min(at) AS oldest
     FROM throttle_events WHERE kind = $1 AND key = $2 AND at > $3`,
    [kind, key, since],
  );
  return rows[0] ?? { count: 0, oldest: null };
}

export function eventInsert(kind: ThrottleKind, key: string, now: Date): Statement {
  return {
    sql: 'INSERT INTO throttle_events (kind, key, at) VALUES ($1, $2, $3)',
    params: [kind, key, now],
  };
}

export async function recordEvent(db: Queryable, kind: ThrottleKind, key: string, now: Date) {
  await run(db, eventInsert(kind, key, now));
}

export async function pruneThrottleEvents(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM throttle_events WHERE at < $1', [before]);
}
