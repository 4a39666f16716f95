/**
 * What an operator can do from the command line: add, list and remove users, read the reset
 * funnel, and see the email given up on (dead letters). Runs on a database handle, so the CLI can
 * run it directly or, while the server holds the embedded database, the server can run it on the
 * CLI's behalf. Answers are lines of text; the requests are in admin-request.schema.ts.
 */
import { emailAddressSchema } from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import { assertNever } from '../../flow/policy-steps.js';
import { listSigningKeys, rotateSigningKey, signingKeyGraceMs } from '../oidc/signing-keys.js';
import { hashPassword } from '../security/password-hash.js';
import { newPasswordProblems } from '../security/password-policy.js';
import { auditCounts, type AuditEvent } from '../store/audit.js';
import { listDeadLetters } from '../store/mail-outbox.js';
import { sessionCountsOfTenant } from '../store/sessions.js';
import { DuplicateUserError, insertUser, listUsers, removeUser } from '../store/users.js';
import { existingEmails, importUsers } from '../store/user-import.js';
import type { AdminDeps, AdminRequest, AdminResult } from './admin-request.schema.js';
import { fail, table } from './admin-output.js';
import { auditUserCommand } from './audit-trail.js';
import { reportData } from './report-data.js';
import { rolloutCommand } from './rollout-commands.js';
import { userCommand, userSummary } from './user-commands.js';

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
      if (!emailAddressSchema.safeParse(address).success) {
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
    case 'audit-user':
      return auditUserCommand(deps, found, request.email);
    case 'report':
      return reportData(deps, found, request, now);
    case 'rollout-plan':
    case 'rollout-queue':
      return rolloutCommand(deps, found, request, now);
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
