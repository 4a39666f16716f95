/**
 * What an operator can do from the command line: add, list and remove users, read the reset
 * funnel, and see the email given up on (dead letters). Runs on a database handle, so the CLI can run it directly or, while the server holds the
 * embedded database, the server can run it on the CLI's behalf. Answers are lines of text.
 */
import * as z from 'zod';
import { resetStartRequestSchema } from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import { assertNever } from '../../flow/policy-steps.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import { listSigningKeys, rotateSigningKey, signingKeyGraceMs } from '../oidc/signing-keys.js';
import { hashPassword, scryptParamsSchema } from '../security/password-hash.js';
import { newPasswordProblems } from '../security/password-policy.js';
import { auditCounts, recordAudit, type AuditEvent } from '../store/audit.js';
import { listDeadLetters } from '../store/mail-outbox.js';
import {
  countSessionsOfUser,
  revokeSessionsOfUser,
  sessionCountsOfTenant,
} from '../store/sessions.js';
import { groupPattern } from './import-rows.js';
import {
  DuplicateUserError,
  existingEmails,
  findUser,
  lastSignIn,
  unlockUser,
  updateUser,
  importUsers,
  insertUser,
  listUsers,
  removeUser,
  type User,
} from '../store/users.js';
import type { TenantRegistry } from '../tenants.js';
import type { Tenant } from '../../tenant/tenant.schema.js';

const tenant = z.string().min(1);
/** Rows per import transaction: a crash loses at most one batch's work, which a rerun redoes. */
export const importBatchSize = 500;
const email = z.string().min(1);

export const adminRequestSchema = z.discriminatedUnion('command', [
  z.strictObject({
    command: z.literal('user-add'),
    tenant,
    email,
    password: z.string().min(1).max(1024),
    groups: z.array(z.string().min(1).max(100)).max(50),
  }),
  /** One batch of an import, checked row by row by the CLI (import-rows.ts); one transaction. */
  z.strictObject({
    command: z.literal('user-import'),
    tenant,
    dryRun: z.boolean(),
    users: z
      .array(
        z.strictObject({
          email,
          password: z.nullable(
            z.strictObject({
              hash: z.string().min(1),
              salt: z.string().min(1),
              params: scryptParamsSchema,
            }),
          ),
          groups: z.array(z.string().min(1).max(100)).max(50),
          emailVerified: z.boolean(),
          displayName: z.nullable(z.string().max(100)),
          locale: z.nullable(z.string().max(35)),
        }),
      )
      .max(importBatchSize),
  }),
  z.strictObject({ command: z.literal('user-list'), tenant }),
  z.strictObject({ command: z.literal('user-show'), tenant, email }),
  z.strictObject({
    command: z.literal('user-update'),
    tenant,
    email,
    addGroups: z.array(z.string().regex(groupPattern)).max(50),
    removeGroups: z.array(z.string().min(1).max(100)).max(50),
    recoveryEmail: z.optional(z.string().min(1)),
    recoveryEmailVerified: z.boolean(),
    requireReset: z.boolean(),
  }),
  z.strictObject({ command: z.literal('user-unlock'), tenant, email }),
  z.strictObject({ command: z.literal('user-sessions-revoke'), tenant, email }),
  z.strictObject({ command: z.literal('user-remove'), tenant, email }),
  z.strictObject({ command: z.literal('audit'), tenant, since: z.optional(z.string()) }),
  z.strictObject({ command: z.literal('mail-dead-letters'), tenant }),
  z.strictObject({ command: z.literal('keys-list') }),
  z.strictObject({ command: z.literal('keys-rotate') }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;

export const adminResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    lines: z.array(z.string()),
    /** The same answer for scripts (`--json`) and for the CLI's own loops. */
    data: z.optional(z.unknown()),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type AdminResult = z.infer<typeof adminResultSchema>;

export interface AdminDeps {
  db: Database;
  tenants: TenantRegistry;
  clock: Clock;
}

const problemText = {
  too_short: 'too short',
  too_long: 'longer than 128 characters',
  common: 'one of the most common passwords',
  context: 'contains the email address or the tenant name',
} as const;

/** The funnel's lines, in the order a reset goes through them. */
const funnel: [AuditEvent, string][] = [
  ['reset_started', 'started'],
  ['code_sent', 'code sent'],
  ['code_resent', 'code resent'],
  ['code_failed', 'code failed'],
  ['code_verified', 'code verified'],
  ['password_set', 'password set'],
  ['account_locked', 'account locked'],
];
const others: [AuditEvent, string][] = [
  ['reset_notice_sent', '"contact your administrator" notices'],
  ['mail_failed', 'emails given up after retries'],
  ['sign_in_succeeded', 'sign-ins'],
  ['sign_in_failed', 'failed sign-ins'],
  ['email_confirmation_required', 'recovery email reconfirmations asked'],
  ['email_confirmed', 'recovery emails reconfirmed'],
];

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

const fail = (error: string): AdminResult => ({ ok: false, error });

/** What `user list --json` and `user show --json` give for a user; times in ISO 8601. */
function userSummary(user: User, sessions: number, now: Date) {
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    groups: user.groups,
    /** `must-reset`: signs in only after setting a password through the reset. */
    state: user.mustReset ? ('must-reset' as const) : ('active' as const),
    recoveryEmailConfirmedAt: user.emailConfirmedAt?.toISOString() ?? null,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    sessions,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function runAdminCommand(
  deps: AdminDeps,
  request: AdminRequest,
): Promise<AdminResult> {
  if (request.command === 'keys-list' || request.command === 'keys-rotate') {
    return keysCommand(deps, request.command);
  }
  const found = deps.tenants.get(request.tenant);
  if (!found) {
    return fail(`No tenant "${request.tenant}"; tenants: ${[...deps.tenants.keys()].join(', ')}`);
  }
  const now = new Date(deps.clock.now());
  switch (request.command) {
    case 'user-add': {
      const address = normaliseEmail(request.email);
      if (!resetStartRequestSchema.shape.email.safeParse(address).success) {
        return fail(`"${request.email}" is not an email address`);
      }
      const problems = newPasswordProblems(request.password, address, found);
      if (problems.length > 0) {
        const reasons = problems.map((problem) =>
          problem === 'too_short'
            ? `shorter than ${found.passwordRules.minLength} characters (the tenant's minimum)`
            : problemText[problem],
        );
        return fail(`The password is refused: ${reasons.join('; ')}`);
      }
      try {
        await insertUser(
          deps.db,
          {
            tenant: found.id,
            email: address,
            password: await hashPassword(request.password),
            groups: request.groups,
            emailConfirmedAt: now,
          },
          now,
        );
      } catch (error) {
        if (error instanceof DuplicateUserError) return fail(error.message);
        throw error;
      }
      const groups = request.groups.length > 0 ? ` (groups: ${request.groups.join(', ')})` : '';
      return { ok: true, lines: [`Added ${address} to ${found.id}${groups}`] };
    }
    case 'user-import': {
      let added: string[];
      if (request.dryRun) {
        const emails = request.users.map((user) => user.email);
        const existing = new Set(await existingEmails(deps.db, found.id, emails));
        added = emails.filter((address) => !existing.has(address));
      } else {
        added = await deps.db.transaction((tx) => importUsers(tx, found.id, request.users, now));
      }
      return { ok: true, lines: [], data: { added } };
    }
    case 'user-list': {
      const users = await listUsers(deps.db, found.id);
      const sessions = await sessionCountsOfTenant(deps.db, found.id, now);
      const data = users.map((user) => userSummary(user, sessions.get(user.id) ?? 0, now));
      if (users.length === 0) return { ok: true, lines: [`No users in ${found.id}`], data };
      const rows = [['email', 'groups', 'recovery email confirmed', 'locked until', 'sessions']];
      for (const user of data) {
        rows.push([
          JSON.stringify(user.email).slice(1, -1),
          user.groups.join(',') || '-',
          user.recoveryEmailConfirmedAt ?? '-',
          user.lockedUntil ?? '-',
          String(user.sessions),
        ]);
      }
      return { ok: true, lines: table(rows), data };
    }
    case 'user-show':
    case 'user-update':
    case 'user-unlock':
    case 'user-sessions-revoke':
      return userCommand(deps, found, request, now);
    case 'user-remove': {
      const address = normaliseEmail(request.email);
      return (await removeUser(deps.db, found.id, address))
        ? { ok: true, lines: [`Removed ${address} from ${found.id}`] }
        : fail(`No user ${address} in ${found.id}`);
    }
    case 'audit': {
      const since = request.since === undefined ? new Date(0) : new Date(request.since);
      if (Number.isNaN(since.getTime())) {
        return fail(
          `--since "${request.since}" is not a date; use ISO 8601, e.g. 2025-01-31T00:00:00Z`,
        );
      }
      const counts = await auditCounts(deps.db, found.id, since);
      const heading =
        request.since === undefined ? 'since the start' : `since ${since.toISOString()}`;
      return {
        ok: true,
        lines: [
          `Password reset funnel for ${found.id}, ${heading}:`,
          ...table(
            funnel.map(([event, label]) => [`  ${label}`, String(counts[event]).padStart(6)]),
          ),
          '',
          ...table(
            others.map(([event, label]) => [`  ${label}`, String(counts[event]).padStart(6)]),
          ),
        ],
      };
    }
    case 'mail-dead-letters': {
      const dead = await listDeadLetters(deps.db, found.id);
      if (dead.length === 0) return { ok: true, lines: [`No undeliverable email for ${found.id}`] };
      const rows = [['given up at', 'to', 'kind', 'attempts', 'last error']];
      for (const letter of dead) {
        rows.push([
          letter.deadAt.toISOString(),
          JSON.stringify(letter.recipient).slice(1, -1),
          letter.kind,
          String(letter.attempts),
          JSON.stringify(letter.lastError ?? '-').slice(1, -1),
        ]);
      }
      return { ok: true, lines: table(rows) };
    }
    default:
      return assertNever(request);
  }
}

type UserCommand = Extract<
  AdminRequest,
  { command: 'user-show' | 'user-update' | 'user-unlock' | 'user-sessions-revoke' }
>;

/** The commands on one user: show, update, unlock, end every session. */
async function userCommand(
  deps: AdminDeps,
  tenant: Tenant,
  request: UserCommand,
  now: Date,
): Promise<AdminResult> {
  const address = normaliseEmail(request.email);
  const user = await findUser(deps.db, tenant.id, address);
  if (!user) return fail(`No user ${address} in ${tenant.id}`);
  const audit = (
    event: 'account_unlocked' | 'sessions_revoked' | 'reset_required' | 'user_updated',
  ) => recordAudit(deps.db, { tenant: tenant.id, event, userId: user.id, email: user.email }, now);
  switch (request.command) {
    case 'user-show': {
      const summary = userSummary(user, await countSessionsOfUser(deps.db, user.id), now);
      const last = await lastSignIn(deps.db, user.id);
      const data = { ...summary, lastSignIn: last?.toISOString() ?? null };
      const recovery = data.recoveryEmailConfirmedAt
        ? `verified ${data.recoveryEmailConfirmedAt}`
        : 'not verified';
      return {
        ok: true,
        data,
        lines: table([
          ['email', JSON.stringify(data.email).slice(1, -1)],
          [
            'display name',
            data.displayName === null ? '-' : JSON.stringify(data.displayName).slice(1, -1),
          ],
          ['language', data.locale ?? `- (the tenant's default, ${tenant.defaultLocale})`],
          [
            'state',
            data.state === 'must-reset'
              ? 'must reset: signs in after setting a password through the reset'
              : 'active',
          ],
          ['groups', data.groups.join(', ') || '-'],
          ['recovery email', recovery],
          ['last sign-in', data.lastSignIn ?? 'never'],
          ['locked until', data.lockedUntil ?? 'not locked'],
          ['sessions', String(data.sessions)],
          ['created', data.createdAt],
        ]),
      };
    }
    case 'user-update': {
      if (request.requireReset && tenant.selfServiceReset.enabled === 'none') {
        return fail(
          `${tenant.id}'s self-service reset is "none": a user who must reset could never sign in again`,
        );
      }
      let email: { address: string; verifiedAt: Date | null } | undefined;
      if (request.recoveryEmail !== undefined) {
        const next = normaliseEmail(request.recoveryEmail);
        if (!resetStartRequestSchema.shape.email.safeParse(next).success) {
          return fail(`"${request.recoveryEmail}" is not an email address`);
        }
        if (next !== user.email && (await findUser(deps.db, tenant.id, next))) {
          return fail(`${next} already has an account in ${tenant.id}`);
        }
        email = { address: next, verifiedAt: request.recoveryEmailVerified ? now : null };
      }
      const changes = {
        addGroups: request.addGroups,
        removeGroups: request.removeGroups,
        ...(email ? { email } : {}),
        requireReset: request.requireReset,
      };
      await deps.db.transaction(async (tx) => {
        await updateUser(tx, user.id, changes);
        // The old password stops working now: no session it opened outlives it.
        if (request.requireReset) await revokeSessionsOfUser(tx, user.id);
      });
      await audit(request.requireReset ? 'reset_required' : 'user_updated');
      const updated = (await findUser(deps.db, tenant.id, email?.address ?? user.email))!;
      const lines = [
        `Updated ${updated.email} in ${tenant.id}: groups ${updated.groups.join(', ') || '-'}`,
      ];
      if (email) {
        lines.push(
          `Recovery email ${email.address} (${email.verifiedAt ? 'verified' : 'not verified: the user confirms it at the next sign-in where the tenant asks'})`,
        );
      }
      if (request.requireReset) {
        lines.push('The user must set a new password through the reset; every session ended.');
      }
      const switchGroup =
        tenant.selfServiceReset.enabled === 'selected' ? tenant.selfServiceReset.group : undefined;
      if (switchGroup !== undefined) {
        lines.push(
          `Self-service reset: ${updated.groups.includes(switchGroup) || updated.mustReset ? 'may reset' : `may not reset (not in "${switchGroup}")`}`,
        );
      }
      return { ok: true, lines };
    }
    case 'user-unlock':
      await unlockUser(deps.db, user.id);
      await audit('account_unlocked');
      return {
        ok: true,
        lines: [
          user.lockedUntil && user.lockedUntil > now
            ? `Unlocked ${user.email} (it was locked until ${user.lockedUntil.toISOString()})`
            : `${user.email} was not locked; its failed sign-ins are forgotten`,
        ],
      };
    case 'user-sessions-revoke': {
      const ended = await deps.db.transaction((tx) => revokeSessionsOfUser(tx, user.id));
      await audit('sessions_revoked');
      return {
        ok: true,
        lines: [
          `Signed ${user.email} out everywhere: ${ended} sessions ended, and every app's tokens revoked`,
        ],
      };
    }
    default:
      return assertNever(request);
  }
}

/** The ID tokens' signing keys: which sign, which are only still published, and rotation. */
async function keysCommand(
  deps: AdminDeps,
  command: 'keys-list' | 'keys-rotate',
): Promise<AdminResult> {
  const now = new Date(deps.clock.now());
  const lines: string[] = [];
  if (command === 'keys-rotate') {
    const kid = await rotateSigningKey(deps.db, now);
    lines.push(
      `New signing key ${kid}. Servers sign with it within a minute; the keys before it stay published for ${signingKeyGraceMs / 3_600_000} hours.`,
      '',
    );
  }
  const keys = await listSigningKeys(deps.db);
  if (keys.length === 0)
    return {
      ok: true,
      lines: [...lines, 'No signing keys yet: the server makes one at its first start.'],
    };
  const rows = [['kid', 'created', 'state']];
  for (const key of keys) {
    const until = key.retiredAt && new Date(key.retiredAt.getTime() + signingKeyGraceMs);
    rows.push([
      key.kid,
      key.createdAt.toISOString(),
      !key.retiredAt
        ? 'signing'
        : until! > now
          ? `published until ${until!.toISOString()}`
          : 'expired',
    ]);
  }
  return { ok: true, lines: [...lines, ...table(rows)] };
}
