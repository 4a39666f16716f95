/**
 * Reset flows, recovery-email reconfirmations and registrations: who, which step, and the current code (as its
 * keyed hash only). Every change that a race could double is a conditional update.
 */
import type { Queryable, Statement } from '../database/database.js';

export type FlowKind = 'reset' | 'confirm' | 'register';

export interface CodeFlow {
  id: string;
  kind: FlowKind;
  tenant: string;
  /** The normalised address the flow is for; for an unknown address, what was typed. */
  email: string;
  userId: string | null;
  mayReset: boolean;
  locale: string;
  codeHash: string | null;
  codeExpiresAt: Date | null;
  triesLeft: number;
  lastSentAt: Date | null;
  verifiedAt: Date | null;
}

interface FlowRow {
  id: string;
  kind: FlowKind;
  tenant: string;
  email: string;
  user_id: string | null;
  may_reset: boolean;
  locale: string;
  code_hash: string | null;
  code_expires_at: Date | null;
  tries_left: number;
  last_sent_at: Date | null;
  verified_at: Date | null;
}

const toFlow = (row: FlowRow): CodeFlow => ({
  id: row.id,
  kind: row.kind,
  tenant: row.tenant,
  email: row.email,
  userId: row.user_id,
  mayReset: row.may_reset,
  locale: row.locale,
  codeHash: row.code_hash,
  codeExpiresAt: row.code_expires_at,
  triesLeft: row.tries_left,
  lastSentAt: row.last_sent_at,
  verifiedAt: row.verified_at,
});

/** `codeHash` is the first code, or null for a flow that sends none yet (or never). */
export type NewFlow = Pick<
  CodeFlow,
  'id' | 'kind' | 'tenant' | 'email' | 'userId' | 'mayReset' | 'locale' | 'codeHash'
> & {
  /** Whether the first code was "sent" now: it starts the resend countdown. */
  sent: boolean;
};

export function flowInsert(
  flow: NewFlow,
  now: Date,
  lifetimes: { codeLifetimeMs: number; codeTries: number; flowLifetimeMs: number },
): Statement {
  return {
    sql: `INSERT INTO code_flows (id, kind, tenant, email, user_id, may_reset, locale, code_hash,
       code_expires_at, tries_left, last_sent_at, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    params: [
      flow.id,
      flow.kind,
      flow.tenant,
      flow.email,
      flow.userId,
      flow.mayReset,
      flow.locale,
      flow.codeHash,
      flow.sent ? new Date(now.getTime() + lifetimes.codeLifetimeMs) : null,
      flow.sent ? lifetimes.codeTries : 0,
      flow.sent ? now : null,
      now,
      new Date(now.getTime() + lifetimes.flowLifetimeMs),
    ],
  };
}

/** A flow that exists, is of this kind (or one of these) and tenant, has not ended and has not expired. */
export async function findOpenFlow(
  db: Queryable,
  id: string,
  kind: FlowKind | readonly FlowKind[],
  tenant: string,
  now: Date,
): Promise<CodeFlow | undefined> {
  const rows = await db.query<FlowRow>(
    `SELECT id, kind, tenant, email, user_id, may_reset, locale, code_hash, code_expires_at,
       tries_left, last_sent_at, verified_at
     FROM code_flows
     WHERE id = $1 AND kind = ANY($2::text[]) AND tenant = $3 AND completed_at IS NULL
       AND expires_at > $4`,
    [id, typeof kind === 'string' ? [kind] : [...kind], tenant, now],
  );
  return rows[0] ? toFlow(rows[0]) : undefined;
}

/**
 * A new code replaces every older one (docs/security.md#rule-7), unless another send in the last
 * `resendAfterMs` got there first: two parallel resends produce one code. Returns whether this one
 * was issued.
 */
export async function issueCode(
  db: Queryable,
  id: string,
  codeHash: string | null,
  now: Date,
  limits: { codeLifetimeMs: number; codeTries: number; resendAfterMs: number },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE code_flows SET code_hash = $2, code_expires_at = $3, tries_left = $4, last_sent_at = $5
     WHERE id = $1 AND verified_at IS NULL AND completed_at IS NULL
       AND (last_sent_at IS NULL OR last_sent_at <= $6)
     RETURNING id`,
    [
      id,
      codeHash,
      new Date(now.getTime() + limits.codeLifetimeMs),
      limits.codeTries,
      now,
      new Date(now.getTime() - limits.resendAfterMs),
    ],
  );
  return rows.length > 0;
}

/** A code issued but, over the hourly cap, never mailed: nobody may guess it either. */
export async function dropUnsentCode(db: Queryable, id: string, codeHash: string): Promise<void> {
  await db.query('UPDATE code_flows SET code_hash = NULL WHERE id = $1 AND code_hash = $2', [
    id,
    codeHash,
  ]);
}

/**
 * Spends the code: only the first of any number of parallel submissions of the right code finds
 * it still unverified, with tries left and unexpired (docs/security.md#rule-8).
 */
export async function markVerified(db: Queryable, flow: CodeFlow, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE code_flows SET verified_at = $3
     WHERE id = $1 AND code_hash = $2 AND verified_at IS NULL AND completed_at IS NULL
       AND tries_left > 0 AND code_expires_at > $3
     RETURNING id`,
    [flow.id, flow.codeHash, now],
  );
  return rows.length > 0;
}

/** One wrong try; its row holds `tries_left` of the current code, 0 once it is dead or expired. */
export function tryUpdate(flow: CodeFlow, now: Date): Statement {
  return {
    sql: `UPDATE code_flows SET tries_left = CASE WHEN code_expires_at > $3 THEN tries_left - 1 ELSE 0 END
     WHERE id = $1 AND code_hash IS NOT DISTINCT FROM $2 AND tries_left > 0 AND verified_at IS NULL
     RETURNING tries_left`,
    params: [flow.id, flow.codeHash, now],
  };
}

/** Ends a verified flow once; false when another request ended it first. */
export async function completeFlow(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE code_flows SET completed_at = $2
     WHERE id = $1 AND verified_at IS NOT NULL AND completed_at IS NULL
     RETURNING id`,
    [id, now],
  );
  return rows.length > 0;
}

/** After a reset, no other open flow of the account may change its password again. */
export async function endFlowsOfUser(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query(
    'UPDATE code_flows SET completed_at = $2 WHERE user_id = $1 AND completed_at IS NULL',
    [userId, now],
  );
}

export async function pruneFlows(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM code_flows WHERE expires_at < $1', [before]);
}

/**
 * A registration's address, as the user gives it: the code sent to any address before ends with
 * it, so that only a code sent to this address can register it (docs/security.md#rule-37).
 */
export async function setFlowAddress(db: Queryable, id: string, email: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE code_flows SET email = $2, code_hash = NULL, code_expires_at = NULL, tries_left = 0
     WHERE id = $1 AND kind = 'register' AND verified_at IS NULL AND completed_at IS NULL
     RETURNING id`,
    [id, email],
  );
  return rows.length > 0;
}
