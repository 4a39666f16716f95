/**
 * Tenants' users: normalised email, password hash with its parameters (none for a user who must
 * set one through the reset), groups, lockout state, and what an import brings along.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable, Statement } from '../database/database.js';
import type { Limits } from '../../rules/limits.js';
import { scryptParamsSchema, type PasswordHash } from '../security/password-hash.js';

export interface User {
  id: string;
  tenant: string;
  /** The sign-in name: an email address, or a username account's username (never with an @). */
  email: string;
  /** A username account's recovery email; null for email accounts (their sign-in email is it). */
  recoveryEmail: string | null;
  /** None for a user imported without one. */
  password: PasswordHash | null;
  /** The password (if any) no longer signs in: the user sets a new one through the reset. */
  mustReset: boolean;
  groups: string[];
  /** When the recovery email was last proven; null when it never was. */
  emailConfirmedAt: Date | null;
  passwordChangedAt: Date;
  lockedUntil: Date | null;
  displayName: string | null;
  /** The user's language, for email sent outside a request; null: the tenant's default. */
  locale: string | null;
  createdAt: Date;
}

interface UserRow {
  id: string;
  tenant: string;
  email: string;
  recovery_email: string | null;
  password_hash: string | null;
  password_salt: string | null;
  password_params: unknown;
  must_reset: boolean;
  groups: string[];
  email_confirmed_at: Date | null;
  password_changed_at: Date;
  locked_until: Date | null;
  display_name: string | null;
  locale: string | null;
  created_at: Date;
}

const columns = `id, tenant, email, recovery_email, password_hash, password_salt, password_params, must_reset,
  groups, email_confirmed_at, password_changed_at, locked_until, display_name, locale, created_at`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenant: row.tenant,
    email: row.email,
    recoveryEmail: row.recovery_email,
    password:
      row.password_hash === null || row.password_salt === null
        ? null
        : {
            hash: row.password_hash,
            salt: row.password_salt,
            params: scryptParamsSchema.parse(row.password_params),
          },
    mustReset: row.must_reset,
    groups: row.groups,
    emailConfirmedAt: row.email_confirmed_at,
    passwordChangedAt: row.password_changed_at,
    lockedUntil: row.locked_until,
    displayName: row.display_name,
    locale: row.locale,
    createdAt: row.created_at,
  };
}

/**
 * Where the account's codes and notices go: the sign-in email, or a username account's recovery
 * email (none until one is registered).
 */
export function recoveryAddress(user: Pick<User, 'email' | 'recoveryEmail'>): string | null {
  return user.recoveryEmail ?? (user.email.includes('@') ? user.email : null);
}

/** Whether the account has a verified recovery address (what enforced registration asks for). */
export function isRegistered(user: Pick<User, 'email' | 'recoveryEmail' | 'emailConfirmedAt'>) {
  return recoveryAddress(user) !== null && user.emailConfirmedAt !== null;
}

export class DuplicateUserError extends Error {
  override readonly name = 'DuplicateUserError';
}

/** `email` must already be normalised. */
export async function findUser(db: Queryable, tenant: string, email: string) {
  const rows = await db.query<UserRow>(
    `SELECT ${columns} FROM users WHERE tenant = $1 AND email = $2`,
    [tenant, email],
  );
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function findUserById(db: Queryable, id: string) {
  const rows = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(db: Queryable, tenant: string) {
  const rows = await db.query<UserRow>(
    `SELECT ${columns} FROM users WHERE tenant = $1 ORDER BY email`,
    [tenant],
  );
  return rows.map(toUser);
}

export interface NewUser {
  tenant: string;
  email: string;
  /** A username account's recovery email (absent for an email account). */
  recoveryEmail?: string;
  password: PasswordHash;
  groups: readonly string[];
  /** When the recovery address was proven; null: never. */
  emailConfirmedAt: Date | null;
}

export async function insertUser(db: Queryable, user: NewUser, now: Date): Promise<User> {
  try {
    const rows = await db.query<UserRow>(
      `INSERT INTO users (id, tenant, email, password_hash, password_salt, password_params, groups,
         email_confirmed_at, password_changed_at, created_at, recovery_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
       RETURNING ${columns}`,
      [
        randomUUID(),
        user.tenant,
        user.email,
        user.password.hash,
        user.password.salt,
        JSON.stringify(user.password.params),
        [...user.groups],
        user.emailConfirmedAt,
        now,
        user.recoveryEmail ?? null,
      ],
    );
    return toUser(rows[0]!);
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') {
      throw new DuplicateUserError(`${user.email} already has an account in ${user.tenant}`);
    }
    throw error;
  }
}

export async function removeUser(db: Queryable, tenant: string, email: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM users WHERE tenant = $1 AND email = $2 RETURNING id', [
    tenant,
    email,
  ]);
  return rows.length > 0;
}

/**
 * Counts a failed sign-in in one conditional update, so that parallel failures cannot both miss
 * the threshold or lock twice: the row lock makes each see the count the one before left, and a
 * failure while the account is locked counts for nothing. The tenth failure in a row locks the
 * account for 60 s, doubling with each further lock up to the cap (docs/security.md#rule-15). Returns
 * whether this failure started a lock.
 */
export async function recordSignInFailure(
  db: Queryable,
  userId: string,
  now: Date,
  limits: Limits,
): Promise<{ locked: boolean }> {
  const rows = await db.query<{ locked: boolean }>(
    `UPDATE users SET
       failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
       lock_count = CASE WHEN failed_sign_ins + 1 >= $2 THEN lock_count + 1 ELSE lock_count END,
       locked_until = CASE WHEN failed_sign_ins + 1 >= $2
         THEN $3::timestamptz + make_interval(secs => least($4::float8 * power(2, lock_count), $5::float8))
         ELSE locked_until END
     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $3)
     RETURNING failed_sign_ins = 0 AS locked`,
    [
      userId,
      limits.signInFailuresBeforeLock,
      now,
      limits.lockBaseMs / 1000,
      limits.lockCapMs / 1000,
    ],
  );
  return { locked: rows[0]?.locked ?? false };
}

export function signInSuccessUpdate(userId: string): Statement {
  return {
    sql: 'UPDATE users SET failed_sign_ins = 0, lock_count = 0, locked_until = NULL WHERE id = $1',
    params: [userId],
  };
}

export async function replacePasswordHash(db: Queryable, userId: string, password: PasswordHash) {
  await db.query(
    'UPDATE users SET password_hash = $2, password_salt = $3, password_params = $4 WHERE id = $1',
    [userId, password.hash, password.salt, JSON.stringify(password.params)],
  );
}

/** An operator's changes to a user (`admin user update`); what is absent stays as it is. */
export interface UserChanges {
  addGroups: readonly string[];
  removeGroups: readonly string[];
  /** A new sign-in and recovery email (one address while accounts sign in with their email). */
  email?: { address: string; verifiedAt: Date | null };
  /** A username account's new recovery email (its username stays). */
  recoveryEmail?: { address: string; verifiedAt: Date | null };
  requireReset: boolean;
}

export async function updateUser(
  db: Queryable,
  userId: string,
  changes: UserChanges,
): Promise<void> {
  await db.query(
    `UPDATE users SET
       groups = ARRAY(SELECT DISTINCT g FROM unnest(array_cat(groups, $2::text[])) AS g
                      WHERE g <> ALL($3::text[]) ORDER BY g),
       email = coalesce($4, email),
       recovery_email = coalesce($7, recovery_email),
       email_confirmed_at = CASE WHEN coalesce($4, $7)::text IS NULL THEN email_confirmed_at
         ELSE $5::timestamptz END,
       must_reset = must_reset OR $6
     WHERE id = $1`,
    [
      userId,
      [...changes.addGroups],
      [...changes.removeGroups],
      changes.email?.address ?? null,
      (changes.email ?? changes.recoveryEmail)?.verifiedAt ?? null,
      changes.requireReset,
      changes.recoveryEmail?.address ?? null,
    ],
  );
}

/** Ends a lock and forgets the failures that led to it (`admin user unlock`). */
export async function unlockUser(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'UPDATE users SET failed_sign_ins = 0, lock_count = 0, locked_until = NULL WHERE id = $1',
    [userId],
  );
}

/** The users of a tenant in one group (the reset switch's group, the rollout's audience). */
export async function countGroupMembers(
  db: Queryable,
  tenant: string,
  group: string,
): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM users WHERE tenant = $1 AND $2 = ANY(groups)',
    [tenant, group],
  );
  return rows[0]?.count ?? 0;
}

/** When the user last signed in, from the audit trail; null when never. */
export async function lastSignIn(db: Queryable, userId: string): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>(
    `SELECT max(at) AS at FROM audit_events WHERE user_id = $1 AND event = 'sign_in_succeeded'`,
    [userId],
  );
  return rows[0]?.at ?? null;
}

/**
 * A new password: the account unlocked and out of "must reset". A reset also proves the address
 * (rule 15); a change by the signed-in owner does not.
 */
export async function storeNewPassword(
  db: Queryable,
  userId: string,
  password: PasswordHash,
  now: Date,
  { addressProven }: { addressProven: boolean },
): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_salt = $3, password_params = $4,
       password_changed_at = $5, must_reset = false,
       email_confirmed_at = CASE WHEN $6 THEN $5 ELSE email_confirmed_at END,
       failed_sign_ins = 0, lock_count = 0, locked_until = NULL
     WHERE id = $1`,
    [userId, password.hash, password.salt, JSON.stringify(password.params), now, addressProven],
  );
}

export async function confirmEmail(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('UPDATE users SET email_confirmed_at = $2 WHERE id = $1', [userId, now]);
}

/** A username account's recovery email, proven by a code sent to it just now. */
export async function registerRecoveryEmail(
  db: Queryable,
  userId: string,
  address: string,
  now: Date,
): Promise<void> {
  await db.query('UPDATE users SET recovery_email = $2, email_confirmed_at = $3 WHERE id = $1', [
    userId,
    address,
    now,
  ]);
}
