/**
 * The mail queue in the database, so that a crash between an answer and its email loses nothing
 * and any instance can deliver (docs/security.md#rule-25). An instance claims due messages for a while
 * (`FOR UPDATE SKIP LOCKED`, so two never claim one), delivers them outside any transaction, and
 * deletes each once handed over; a claim that outlives a crashed instance runs out and another
 * instance retries. The content is sealed (security/sealed-box.ts); a dead letter keeps no content.
 */
import type { Queryable, Statement } from '../database/database.js';
import type { AuditEvent } from './audit.js';

export interface OutboxMessage {
  id: string;
  tenant: string;
  recipient: string;
  locale: string;
  kind: string;
  /** The sealed content; null once the message is a dead letter. */
  content: string;
  supersedeKey: string | null;
  /** What to audit once it is delivered (or given up), for whom. */
  auditDelivered: AuditEvent | null;
  auditUserId: string | null;
  auditFlowId: string | null;
  /** After this, delivering it is pointless (a code's message after the code's end). */
  expiresAt: Date | null;
}

export interface ClaimedMessage extends OutboxMessage {
  /** Counting this one. */
  attempts: number;
}

/** Queues `message` due now, or, with `when` false, does nothing by the very same statement. */
export function outboxInsert(message: OutboxMessage, now: Date, when: boolean): Statement {
  return {
    sql: `INSERT INTO mail_outbox (id, tenant, recipient, locale, kind, content, supersede_key,
       audit_delivered, audit_user_id, audit_flow_id, expires_at, next_attempt_at, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz,
       $12::timestamptz
     WHERE $13::boolean`,
    params: [
      message.id,
      message.tenant,
      message.recipient,
      message.locale,
      message.kind,
      message.content,
      message.supersedeKey,
      message.auditDelivered,
      message.auditUserId,
      message.auditFlowId,
      message.expiresAt,
      now,
      when,
    ],
  };
}

/** Drops the waiting messages of `key` that nobody is delivering right now; returns their ids. */
export function supersededDelete(key: string, now: Date): Statement {
  return {
    sql: `DELETE FROM mail_outbox
     WHERE supersede_key = $1 AND dead_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $2)
     RETURNING id`,
    params: [key, now],
  };
}

interface OutboxRow {
  id: string;
  tenant: string;
  recipient: string;
  locale: string;
  kind: string;
  content: string;
  supersede_key: string | null;
  audit_delivered: AuditEvent | null;
  audit_user_id: string | null;
  audit_flow_id: string | null;
  expires_at: Date | null;
  attempts: number;
}

/** Claims up to `limit` due messages for `claim` until `until`. */
export async function claimDue(
  db: Queryable,
  claim: string,
  now: Date,
  until: Date,
  limit: number,
): Promise<ClaimedMessage[]> {
  const rows = await db.query<OutboxRow>(
    `UPDATE mail_outbox SET claim = $1, claimed_until = $3, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM mail_outbox
       WHERE dead_at IS NULL AND next_attempt_at <= $2
         AND (claimed_until IS NULL OR claimed_until <= $2)
       ORDER BY next_attempt_at LIMIT $4
       FOR UPDATE SKIP LOCKED)
     RETURNING id, tenant, recipient, locale, kind, content, supersede_key, audit_delivered,
       audit_user_id, audit_flow_id, expires_at, attempts`,
    [claim, now, until, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    tenant: row.tenant,
    recipient: row.recipient,
    locale: row.locale,
    kind: row.kind,
    content: row.content,
    supersedeKey: row.supersede_key,
    auditDelivered: row.audit_delivered,
    auditUserId: row.audit_user_id,
    auditFlowId: row.audit_flow_id,
    expiresAt: row.expires_at,
    attempts: row.attempts,
  }));
}

/** Handed over: the message and its content go. */
export async function deleteDelivered(db: Queryable, id: string, claim: string): Promise<void> {
  await db.query('DELETE FROM mail_outbox WHERE id = $1 AND claim = $2', [id, claim]);
}

export async function scheduleRetry(
  db: Queryable,
  id: string,
  claim: string,
  at: Date,
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET next_attempt_at = $3, claim = NULL, claimed_until = NULL, last_error = $4
     WHERE id = $1 AND claim = $2`,
    [id, claim, at, error],
  );
}

/** Given up: kept as a dead letter for the operator, without its content. */
export async function markDead(
  db: Queryable,
  id: string,
  claim: string,
  now: Date,
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET dead_at = $3, content = NULL, claim = NULL, claimed_until = NULL,
       last_error = $4
     WHERE id = $1 AND claim = $2`,
    [id, claim, now, error],
  );
}

export interface DeadLetter {
  id: string;
  recipient: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

export async function listDeadLetters(db: Queryable, tenant: string): Promise<DeadLetter[]> {
  const rows = await db.query<{
    id: string;
    recipient: string;
    kind: string;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    dead_at: Date;
  }>(
    `SELECT id, recipient, kind, attempts, last_error, created_at, dead_at FROM mail_outbox
     WHERE tenant = $1 AND dead_at IS NOT NULL ORDER BY dead_at`,
    [tenant],
  );
  return rows.map((row) => ({
    id: row.id,
    recipient: row.recipient,
    kind: row.kind,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    deadAt: row.dead_at,
  }));
}

export async function pruneDeadLetters(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM mail_outbox WHERE dead_at < $1', [before]);
}
