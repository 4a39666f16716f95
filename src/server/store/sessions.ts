/**
 * Sign-in sessions (docs/security.md#rule-22). The cookie carries 256 random bits; the table keeps
 * only their SHA-256, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../database/database.js';
import { endGrants } from '../oidc/database-adapter.js';

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64');

/** Creates a session and returns the id for the cookie. */
export async function createSession(
  db: Queryable,
  session: { tenant: string; userId: string },
  now: Date,
  lifetimeMs: number,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id_hash, tenant, user_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashOf(id), session.tenant, session.userId, now, new Date(now.getTime() + lifetimeMs)],
  );
  return id;
}

export interface Session {
  tenant: string;
  userId: string;
  createdAt: Date;
}

/** The live session a cookie names, if any. */
export async function findSession(
  db: Queryable,
  id: string,
  now: Date,
): Promise<Session | undefined> {
  const rows = await db.query<{ tenant: string; user_id: string; created_at: Date }>(
    'SELECT tenant, user_id, created_at FROM sessions WHERE id_hash = $1 AND expires_at > $2',
    [hashOf(id), now],
  );
  const row = rows[0];
  return row && { tenant: row.tenant, userId: row.user_id, createdAt: row.created_at };
}

/** Signing out ends the session a cookie names. */
export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashOf(id)]);
}

/**
 * A password reset ends every session of the account: Gatehouse's own and, with them, the OpenID
 * Connect provider's sessions, grants and tokens (one session concept, docs/security.md#rule-30).
 */
export async function endSessionsOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  // The provider's own sessions and interactions stay: the browser that changed the password may be
  // in the middle of an authorization, and a provider session signed in before the change no longer
  // counts (oidc/login-prompts.ts). Its grants and tokens go.
  await db.query(
    `DELETE FROM oidc_models WHERE account_id = $1 AND model NOT IN ('Session', 'Interaction')`,
    [userId],
  );
}

/**
 * `admin user sessions revoke`: every session of the account ends, and every OpenID Connect grant
 * it gave an app, with the codes and tokens issued under them, so refresh tokens stop working too
 * (docs/security.md#rule-30).
 */
export async function revokeSessionsOfUser(db: Queryable, userId: string): Promise<number> {
  const grants = await db.query<{ tenant: string; id: string }>(
    `SELECT tenant, id FROM oidc_models WHERE model = 'Grant' AND account_id = $1`,
    [userId],
  );
  for (const tenant of new Set(grants.map((grant) => grant.tenant))) {
    const ids = grants.filter((grant) => grant.tenant === tenant).map((grant) => grant.id);
    await endGrants(db, tenant, ids);
  }
  const ended = await db.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id_hash', [
    userId,
  ]);
  await db.query('DELETE FROM oidc_models WHERE account_id = $1', [userId]);
  return ended.length;
}

export async function countSessionsOfUser(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM sessions WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.count ?? 0;
}

/** Live sessions per user of a tenant, in one query (a listing of 100,000 users makes one, not 100,000). */
export async function sessionCountsOfTenant(
  db: Queryable,
  tenant: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await db.query<{ user_id: string; count: number }>(
    `SELECT user_id, count(*)::int AS count FROM sessions
     WHERE tenant = $1 AND expires_at > $2 GROUP BY user_id`,
    [tenant, now],
  );
  return new Map(rows.map((row) => [row.user_id, row.count]));
}

export async function pruneSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
}

/**
 * Sign-in tickets (docs/embedding.md): an embedded sign-in's proof for the front door, handed to
 * the page in the answer's body because a cross-site cookie would not be kept. Stored beside the
 * sessions under a hash of another domain, so a ticket is never a session cookie, nor the reverse.
 */
const ticketHashOf = (ticket: string) => hashOf(`ticket:${ticket}`);

export async function createTicket(
  db: Queryable,
  session: { tenant: string; userId: string },
  now: Date,
  lifetimeMs: number,
): Promise<string> {
  const ticket = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id_hash, tenant, user_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      ticketHashOf(ticket),
      session.tenant,
      session.userId,
      now,
      new Date(now.getTime() + lifetimeMs),
    ],
  );
  return ticket;
}

/** Redeems a ticket once: the row goes in the same statement that reads it. */
export async function takeTicket(
  db: Queryable,
  ticket: string,
  now: Date,
): Promise<Session | undefined> {
  const rows = await db.query<{ tenant: string; user_id: string; created_at: Date; live: boolean }>(
    `DELETE FROM sessions WHERE id_hash = $1
     RETURNING tenant, user_id, created_at, expires_at > $2 AS live`,
    [ticketHashOf(ticket), now],
  );
  const row = rows[0];
  return row?.live
    ? { tenant: row.tenant, userId: row.user_id, createdAt: row.created_at }
    : undefined;
}
