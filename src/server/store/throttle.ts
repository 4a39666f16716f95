/**
 * Throttle windows in the database, so that they hold across restarts and across instances
 * (docs/security.md#rule-17). Each key has one row holding the times of its events inside the window;
 * a sliding window is counted, not approximated.
 *
 * A place is taken in one statement, INSERT ... ON CONFLICT DO UPDATE ... WHERE, which locks the
 * key's row and checks the count on its newest version: of any number of parallel requests on any
 * number of instances, exactly as many as the window has room for get a place
 * (docs/deployment.md "How each limit stays atomic").
 */
import type { Queryable, Statement } from '../database/database.js';

export type ThrottleKind =
  /** A code (or notice) mailed to an address; key: tenant and address. */
  | 'code-send'
  /** A wrong code entered for an address; key: tenant and address. */
  | 'code-failure'
  /** A failed sign-in or code entry from a client address; key: the IP. */
  | 'ip-failure';

export const addressKey = (tenant: string, email: string) => `${tenant}\n${email}`;

export interface ThrottleWindow {
  ms: number;
  limit: number;
}

export type Place = { taken: true } | { taken: false; freesAt: Date };

/** Takes one place in the key's window at `now`, unless `limit` places inside it are taken. */
export async function takePlace(
  db: Queryable,
  kind: ThrottleKind,
  key: string,
  now: Date,
  window: ThrottleWindow,
): Promise<Place> {
  const since = new Date(now.getTime() - window.ms);
  const rows = await db.query<{ taken: boolean; oldest: Date | null }>(
    `WITH taken AS (
       INSERT INTO throttle_windows AS w (kind, key, stamps) VALUES ($1, $2, ARRAY[$3::timestamptz])
       ON CONFLICT (kind, key) DO UPDATE
         SET stamps = ARRAY(SELECT s FROM unnest(w.stamps) AS s WHERE s > $4) || $3::timestamptz
         WHERE (SELECT count(*) FROM unnest(w.stamps) AS s WHERE s > $4) < $5
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM taken) AS taken,
       (SELECT min(s) FROM throttle_windows w, unnest(w.stamps) AS s
        WHERE w.kind = $1 AND w.key = $2 AND s > $4) AS oldest`,
    [kind, key, now, since, window.limit],
  );
  const row = rows[0]!;
  if (row.taken) return { taken: true };
  return { taken: false, freesAt: new Date((row.oldest ?? now).getTime() + window.ms) };
}

/** Gives back a place taken at `at`: the request it was held for did not fail after all. */
export function placeReturn(kind: ThrottleKind, key: string, at: Date): Statement {
  return {
    sql: `UPDATE throttle_windows
     SET stamps = stamps[:array_position(stamps, $3::timestamptz) - 1]
       || stamps[array_position(stamps, $3::timestamptz) + 1:]
     WHERE kind = $1 AND key = $2 AND array_position(stamps, $3::timestamptz) IS NOT NULL`,
    params: [kind, key, at],
  };
}

/** Drops the keys with nothing newer than `before`. */
export async function pruneThrottleWindows(db: Queryable, before: Date): Promise<void> {
  await db.query(
    `DELETE FROM throttle_windows
     WHERE coalesce((SELECT max(s) FROM unnest(stamps) AS s), '-infinity') < $1`,
    [before],
  );
}
