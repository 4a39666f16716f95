/**
 * What a signed-in user can do with their session: see who is signed in, sign out, and change the
 * password (docs/security.md#rule-35). A session counts only for the tenant that made it.
 */
import type { SessionResponse } from '../../api/contract.schema.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { run } from '../database/database.js';
import { hashPassword } from '../security/password-hash.js';
import { newPasswordProblems } from '../security/password-policy.js';
import { recordAudit } from '../store/audit.js';
import { createSession, endSession, findSession } from '../store/sessions.js';
import { findUserById, storeNewPassword, type User } from '../store/users.js';
import {
  clientFailureReturn,
  refuse,
  succeed,
  takeClientFailure,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from './context.js';
import { passwordReplaced } from './password-replaced.js';
import { judgePassword } from './sign-in.js';

/** The user whose live session of `tenant` the cookie names, if any. */
async function sessionUser(
  context: ServiceContext,
  tenant: Tenant,
  sessionId: string | undefined,
  now: Date,
): Promise<User | undefined> {
  if (!sessionId) return undefined;
  const session = await findSession(context.db, sessionId, now);
  if (session?.tenant !== tenant.id) return undefined;
  return findUserById(context.db, session.userId);
}

export async function readSession(
  context: ServiceContext,
  tenant: Tenant,
  sessionId: string | undefined,
): Promise<Outcome<SessionResponse>> {
  const user = await sessionUser(context, tenant, sessionId, new Date(context.clock.now()));
  return succeed(user ? { signedIn: true, email: user.email } : { signedIn: false });
}

/** Ends the session the cookie names; signing out twice is no error. */
export async function signOut(
  context: ServiceContext,
  tenant: Tenant,
  sessionId: string | undefined,
  meta: RequestMeta,
): Promise<Outcome<{ status: 'signed-out' }>> {
  const now = new Date(context.clock.now());
  const user = await sessionUser(context, tenant, sessionId, now);
  if (sessionId) await endSession(context.db, sessionId);
  if (user) {
    await recordAudit(
      context.db,
      { tenant: tenant.id, event: 'signed_out', userId: user.id, email: user.email, ip: meta.ip },
      now,
    );
  }
  return succeed({ status: 'signed-out' });
}

/**
 * A signed-in user's new password, given with the current one. A wrong current password counts as
 * a failed sign-in (lock included). Success ends every session and token of the account, this one
 * too, and starts a new session here: the browser that changed the password stays signed in, on a
 * session no copy of the old cookie can use. "Password changed" goes to the account's address.
 */
export async function changePassword(
  context: ServiceContext,
  tenant: Tenant,
  sessionId: string | undefined,
  body: { currentPassword: string; password: string },
  meta: RequestMeta,
): Promise<Outcome<{ status: 'password-changed'; sessionId: string }>> {
  const { db, limits } = context;
  const now = new Date(context.clock.now());
  const user = await sessionUser(context, tenant, sessionId, now);
  if (!user) return refuse({ error: 'session_required' });
  const throttled = await takeClientFailure(context, meta.ip, now);
  if (throttled) return refuse(throttled);
  const right = await judgePassword(
    context,
    tenant,
    user,
    user.email,
    body.currentPassword,
    meta,
    now,
  );
  if (!right) return refuse({ error: 'invalid_credentials' });
  await run(db, clientFailureReturn(meta.ip, now));
  const reasons = newPasswordProblems(body.password, user.email, tenant);
  if (reasons.length > 0) return refuse({ error: 'password_rejected', reasons });
  const hash = await hashPassword(body.password);
  const newSessionId = await db.transaction(async (tx) => {
    await storeNewPassword(tx, user.id, hash, now, { addressProven: false });
    await passwordReplaced(tx, context, tenant, user, meta, now, { event: 'password_changed' });
    return createSession(tx, { tenant: tenant.id, userId: user.id }, now, limits.sessionLifetimeMs);
  });
  context.mailer.wake();
  return succeed({ status: 'password-changed', sessionId: newSessionId });
}
