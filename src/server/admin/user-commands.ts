/** The admin commands on one user: show, update (groups, recovery email, reset), unlock, sessions. */
import { emailAddressSchema } from '../../api/contract.schema.js';
import { assertNever } from '../../flow/policy-steps.js';
import { normaliseEmail } from '../../rules/email-address.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { recordAudit } from '../store/audit.js';
import { countSessionsOfUser, revokeSessionsOfUser } from '../store/sessions.js';
import {
  findUser,
  findUserById,
  recoveryAddress,
  lastSignIn,
  unlockUser,
  updateUser,
  type User,
} from '../store/users.js';
import { fail, table } from './admin-output.js';
import type { AdminDeps, AdminRequest, AdminResult } from './admin-request.schema.js';

/** What `user list --json` and `user show --json` give for a user; times in ISO 8601. */
export function userSummary(user: User, sessions: number, now: Date) {
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    groups: user.groups,
    /** `must-reset`: signs in only after setting a password through the reset. */
    state: user.mustReset ? ('must-reset' as const) : ('active' as const),
    /** Where codes go: the sign-in email, or a username account's own (null: none yet). */
    recoveryEmail: recoveryAddress(user),
    recoveryEmailConfirmedAt: user.emailConfirmedAt?.toISOString() ?? null,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    sessions,
    createdAt: user.createdAt.toISOString(),
  };
}

export type UserCommand = Extract<
  AdminRequest,
  { command: 'user-show' | 'user-update' | 'user-unlock' | 'user-sessions-revoke' }
>;

/** The commands on one user: show, update, unlock, end every session. */
export async function userCommand(
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
      const recovery = `${data.recoveryEmail ?? 'none'}, ${data.recoveryEmailConfirmedAt ? `verified ${data.recoveryEmailConfirmedAt}` : 'not verified'}`;
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
        if (!emailAddressSchema.safeParse(next).success) {
          return fail(`"${request.recoveryEmail}" is not an email address`);
        }
        const usernames = tenant.signInName === 'username';
        if (!usernames && next !== user.email && (await findUser(deps.db, tenant.id, next))) {
          return fail(`${next} already has an account in ${tenant.id}`);
        }
        email = { address: next, verifiedAt: request.recoveryEmailVerified ? now : null };
      }
      const changes = {
        addGroups: request.addGroups,
        removeGroups: request.removeGroups,
        // A username account keeps its username; the address is its recovery email alone.
        ...(email ? { [tenant.signInName === 'username' ? 'recoveryEmail' : 'email']: email } : {}),
        requireReset: request.requireReset,
      };
      await deps.db.transaction(async (tx) => {
        await updateUser(tx, user.id, changes);
        // The old password stops working now: no session it opened outlives it.
        if (request.requireReset) await revokeSessionsOfUser(tx, user.id);
      });
      await audit(request.requireReset ? 'reset_required' : 'user_updated');
      const updated = (await findUserById(deps.db, user.id))!;
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
