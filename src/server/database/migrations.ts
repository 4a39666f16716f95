/**
 * Versioned schema migrations, run at start. Each version is a list of single statements applied
 * in one transaction; an advisory lock keeps two instances starting together from racing. A
 * version, once released, is never edited: a change is a new version.
 */
import type { Database } from './database.js';

interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'users, code flows, throttle counters, sessions, audit events',
    statements: [
      `CREATE TABLE users (
        id text PRIMARY KEY,
        tenant text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        password_salt text NOT NULL,
        password_params jsonb NOT NULL,
        groups text[] NOT NULL DEFAULT '{}',
        email_confirmed_at timestamptz NOT NULL,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        lock_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_changed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (tenant, email)
      )`,
      `CREATE TABLE code_flows (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('reset', 'confirm')),
        tenant text NOT NULL,
        email text NOT NULL,
        user_id text REFERENCES users (id) ON DELETE CASCADE,
        may_reset boolean NOT NULL,
        locale text NOT NULL,
        code_hash text,
        code_expires_at timestamptz,
        tries_left integer NOT NULL DEFAULT 0,
        last_sent_at timestamptz,
        verified_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX code_flows_user ON code_flows (user_id)`,
      `CREATE INDEX code_flows_expires ON code_flows (expires_at)`,
      `CREATE TABLE throttle_events (
        kind text NOT NULL,
        key text NOT NULL,
        at timestamptz NOT NULL
      )`,
      `CREATE INDEX throttle_events_window ON throttle_events (kind, key, at)`,
      `CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        tenant text NOT NULL,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        tenant text NOT NULL,
        event text NOT NULL,
        user_id text,
        email text,
        flow_id text,
        ip text
      )`,
      `CREATE INDEX audit_events_tenant_at ON audit_events (tenant, at)`,
      `CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'OpenID Connect provider state and signing keys',
    statements: [
      // One row per oidc-provider model instance (session, grant, code, token, interaction ...),
      // per tenant, so that two tenants' clients can never share a code or a session.
      `CREATE TABLE oidc_models (
        tenant text NOT NULL,
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        uid text,
        account_id text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (tenant, model, id)
      )`,
      `CREATE INDEX oidc_models_grant ON oidc_models (tenant, grant_id)`,
      `CREATE INDEX oidc_models_uid ON oidc_models (tenant, uid)`,
      `CREATE INDEX oidc_models_account ON oidc_models (account_id)`,
      `CREATE INDEX oidc_models_expires ON oidc_models (expires_at)`,
      `CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`,
    ],
  },
  {
    version: 3,
    name: 'throttle windows: one row per key, taken with a checked upsert',
    statements: [
      `CREATE TABLE throttle_windows (
        kind text NOT NULL,
        key text NOT NULL,
        stamps timestamptz[] NOT NULL,
        PRIMARY KEY (kind, key)
      )`,
      // The last day's events carry over: the longest window (failed codes per account) is 24 h.
      `INSERT INTO throttle_windows (kind, key, stamps)
        SELECT kind, key, array_agg(at ORDER BY at) FROM throttle_events
        WHERE at > now() - interval '24 hours' GROUP BY kind, key`,
      `DROP TABLE throttle_events`,
    ],
  },
  {
    version: 4,
    name: 'mail outbox: queued email any instance can deliver, its content sealed',
    statements: [
      `CREATE TABLE mail_outbox (
        id text PRIMARY KEY,
        tenant text NOT NULL,
        recipient text NOT NULL,
        locale text NOT NULL,
        kind text NOT NULL,
        content text,
        supersede_key text,
        audit_delivered text,
        audit_user_id text,
        audit_flow_id text,
        expires_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        claim text,
        claimed_until timestamptz,
        last_error text,
        dead_at timestamptz,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE dead_at IS NULL`,
      `CREATE INDEX mail_outbox_supersede ON mail_outbox (supersede_key)
        WHERE supersede_key IS NOT NULL`,
    ],
  },
  {
    version: 5,
    name: 'imported users: no password until a reset, display name, language, unverified recovery email',
    statements: [
      // A user imported without a password (B2C exports none) or marked by an operator sets one
      // through the email-code reset before signing in (docs/operators.md#must-reset-users).
      `ALTER TABLE users ADD COLUMN must_reset boolean NOT NULL DEFAULT false`,
      `ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`,
      `ALTER TABLE users ALTER COLUMN password_salt DROP NOT NULL`,
      `ALTER TABLE users ALTER COLUMN password_params DROP NOT NULL`,
      `ALTER TABLE users ADD CONSTRAINT users_password_or_reset
        CHECK (password_hash IS NOT NULL OR must_reset)`,
      // NULL: the recovery email was never verified.
      `ALTER TABLE users ALTER COLUMN email_confirmed_at DROP NOT NULL`,
      `ALTER TABLE users ADD COLUMN display_name text`,
      `ALTER TABLE users ADD COLUMN locale text`,
    ],
  },
  {
    version: 6,
    name: 'rollout emails: one row per recipient and template, so a rerun sends no duplicates',
    statements: [
      // Written in the transaction that queues the message (admin/rollout-commands.ts).
      `CREATE TABLE rollout_sends (
        tenant text NOT NULL,
        template text NOT NULL,
        user_id text NOT NULL,
        email text NOT NULL,
        locale text NOT NULL,
        queued_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, template, user_id)
      )`,
    ],
  },
  {
    version: 7,
    name: 'username accounts: a recovery email beside the sign-in name',
    statements: [
      // A username account's sign-in name is in `email` (a username never has an @); its codes
      // and notices go here. NULL for an email account, and for a username account until it
      // registers one; email_confirmed_at says when this address was proven.
      `ALTER TABLE users ADD COLUMN recovery_email text`,
      // A username account registering its recovery email at sign-in: the address is the user's
      // (empty until given), and a new one ends the code sent to the one before.
      `ALTER TABLE code_flows DROP CONSTRAINT code_flows_kind_check`,
      `ALTER TABLE code_flows ADD CONSTRAINT code_flows_kind_check
        CHECK (kind IN ('reset', 'confirm', 'register'))`,
    ],
  },
];

/** Applies every migration newer than the database; returns the versions applied. */
export async function migrate(database: Database): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await database.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gatehouse-migrations'))`);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL
      )`);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (existing.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, new Date()],
      );
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
