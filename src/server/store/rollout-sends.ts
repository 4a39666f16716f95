/**
 * Who gets a rollout email, and who already got it: one `rollout_sends` row per tenant, template
 * and user, written in the transaction that queues the message, so a rerun (after a crash, say)
 * queues only what is missing and sends no duplicates.
 */
import type { Queryable } from '../database/database.js';

export const rolloutTemplates = ['coming-soon', 'available-now', 'reminder'] as const;
export type RolloutTemplate = (typeof rolloutTemplates)[number];

export interface RolloutAudience {
  tenant: string;
  template: RolloutTemplate;
  /** Only the members of this group; every user of the tenant without it. */
  group: string | undefined;
}

export interface RolloutRecipient {
  userId: string;
  email: string;
  /** The user's language as stored; null: the tenant's default. */
  locale: string | null;
}

/**
 * The audience not sent the template yet; the reminder only to users who never proved their
 * recovery email. A username account is written to at its recovery email, and left out while it
 * has none (a username is no address).
 */
const unsent = `FROM users u
     WHERE u.tenant = $1
       AND COALESCE(u.recovery_email, u.email) LIKE '%@%'
       AND ($2::text IS NULL OR $2 = ANY(u.groups))
       AND (NOT $3::boolean OR u.email_confirmed_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM rollout_sends s
         WHERE s.tenant = u.tenant AND s.template = $4 AND s.user_id = u.id)`;

const unsentParams = (audience: RolloutAudience) => [
  audience.tenant,
  audience.group ?? null,
  audience.template === 'reminder',
  audience.template,
];

/** The next `limit` of the audience not sent the template yet, oldest accounts first. */
export async function unsentRecipients(
  db: Queryable,
  audience: RolloutAudience,
  limit: number,
): Promise<RolloutRecipient[]> {
  const rows = await db.query<{ id: string; email: string; locale: string | null }>(
    `SELECT u.id, COALESCE(u.recovery_email, u.email) AS email, u.locale ${unsent}
      ORDER BY u.created_at, u.id LIMIT $5`,
    [...unsentParams(audience), limit],
  );
  return rows.map((row) => ({ userId: row.id, email: row.email, locale: row.locale }));
}

/** How many of the audience are not sent the template yet, by the language stored with each. */
export async function countUnsent(
  db: Queryable,
  audience: RolloutAudience,
): Promise<{ locale: string | null; count: number }[]> {
  return db.query<{ locale: string | null; count: number }>(
    `SELECT u.locale, count(*)::int AS count ${unsent} GROUP BY u.locale`,
    unsentParams(audience),
  );
}

/** Claims `recipient` for the template; false when a send is already recorded. */
export async function recordRolloutSend(
  db: Queryable,
  audience: RolloutAudience,
  recipient: RolloutRecipient & { locale: string },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO rollout_sends (tenant, template, user_id, email, locale, queued_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING user_id`,
    [audience.tenant, audience.template, recipient.userId, recipient.email, recipient.locale, now],
  );
  return rows.length > 0;
}

/** How many of the audience already have a recorded send of the template. */
export async function countSent(db: Queryable, audience: RolloutAudience): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM rollout_sends s JOIN users u ON u.id = s.user_id
     WHERE s.tenant = $1 AND s.template = $2 AND ($3::text IS NULL OR $3 = ANY(u.groups))`,
    [audience.tenant, audience.template, audience.group ?? null],
  );
  return rows[0]?.count ?? 0;
}

/** Rollout messages of the tenant still waiting in the mail queue (not delivered, not given up). */
export async function countWaitingRolloutMail(db: Queryable, tenant: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM mail_outbox
     WHERE tenant = $1 AND kind = 'rollout' AND dead_at IS NULL`,
    [tenant],
  );
  return rows[0]?.count ?? 0;
}
