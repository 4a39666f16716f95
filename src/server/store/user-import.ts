/** Users brought in by an operator's import (docs/operators.md#the-import-file). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database/database.js';
import type { PasswordHash } from '../security/password-hash.js';

/**
 * Imported users, one batch in one statement. A user already there (same tenant and email) is left
 * as it is, so a rerun adds nothing. Returns the emails it added.
 */
export async function importUsers(
  db: Queryable,
  tenant: string,
  users: readonly ImportedUser[],
  now: Date,
): Promise<string[]> {
  if (users.length === 0) return [];
  const rows = users.map((user) => ({
    id: randomUUID(),
    email: user.email,
    recovery: user.recoveryEmail,
    hash: user.password?.hash ?? null,
    salt: user.password?.salt ?? null,
    params: user.password?.params ?? null,
    must_reset: user.password === null,
    groups: user.groups,
    confirmed: user.emailVerified ? now.toISOString() : null,
    display_name: user.displayName,
    locale: user.locale,
  }));
  const inserted = await db.query<{ email: string }>(
    `INSERT INTO users (id, tenant, email, password_hash, password_salt, password_params,
       must_reset, groups, email_confirmed_at, display_name, locale, password_changed_at, created_at,
       recovery_email)
     SELECT r.id, $2, r.email, r.hash, r.salt, r.params, r.must_reset,
       ARRAY(SELECT jsonb_array_elements_text(r.groups)), r.confirmed, r.display_name, r.locale, $3, $3,
       r.recovery
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, email text, hash text, salt text,
       params jsonb, must_reset boolean, groups jsonb, confirmed timestamptz,
       display_name text, locale text, recovery text)
     ON CONFLICT (tenant, email) DO NOTHING
     RETURNING email`,
    [JSON.stringify(rows), tenant, now],
  );
  return inserted.map((row) => row.email);
}

export interface ImportedUser {
  /** The sign-in name: the email, or a username tenant's username. */
  email: string;
  /** A username account's recovery email; null for an email account. */
  recoveryEmail: string | null;
  /** None: the user sets one through the reset before signing in. */
  password: PasswordHash | null;
  groups: string[];
  /** Whether the recovery address (the sign-in email, or recoveryEmail) counts as proven. */
  emailVerified: boolean;
  displayName: string | null;
  locale: string | null;
}

/** Which of `emails` already have an account in `tenant` (an import's dry run). */
export async function existingEmails(
  db: Queryable,
  tenant: string,
  emails: readonly string[],
): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    'SELECT email FROM users WHERE tenant = $1 AND email = ANY($2::text[])',
    [tenant, [...emails]],
  );
  return rows.map((row) => row.email);
}
