/**
 * Sign-in with email (or a username tenant's username) and password (docs/security.md, rules 14, 15, 22). Unknown user, wrong
 * password and locked account get one answer, and each costs one KDF run. Success starts a session,
 * unless the tenant wants the recovery email reconfirmed first.
 */
import type { SignInResponse } from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import { passwordLength } from '../../rules/password-rules.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { run, together } from '../database/database.js';
import { dayMs } from '../../rules/limits.js';
import { hashPassword, needsRehash, verifyPassword } from '../security/password-hash.js';
import { auditInsert, recordAudit } from '../store/audit.js';
import { flowInsert } from '../store/code-flows.js';
import { createSession, createTicket } from '../store/sessions.js';
import {
  findUser,
  isRegistered,
  recordSignInFailure,
  recoveryAddress,
  type User,
  replacePasswordHash,
  signInSuccessUpdate,
} from '../store/users.js';
import { newFlowId } from './codes.js';
import {
  clientFailureReturn,
  refuse,
  succeed,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
  takeClientFailure,
} from './context.js';

export interface SignInResult {
  response: SignInResponse;
  /** Set when a session started: the cookie's value. */
  sessionId?: string;
}

/**
 * Whether `password` is the account's and the account is not locked: one KDF run whether or not
 * there is an account, and a wrong password counts toward the lock (rule 15) and is audited as a
 * failed sign-in, wherever it was typed (sign-in or password change).
 */
export async function judgePassword(
  context: ServiceContext,
  tenant: Tenant,
  user: User | undefined,
  email: string,
  password: string,
  meta: RequestMeta,
  now: Date,
): Promise<boolean> {
  const { db, limits } = context;
  // No stored password is longer than 128 code points, so a longer one is wrong before any hashing.
  const plausible = passwordLength(password) <= 128;
  // A user who must set a password through the reset answers like a wrong password, after the
  // same KDF run: the answer reveals nothing to whoever types the address (docs/security.md#rule-36).
  const usable = user && !user.mustReset ? user.password : null;
  const correct =
    plausible &&
    (await verifyPassword(password, usable ?? context.dummyPassword)) &&
    usable !== null;
  const locked = user?.lockedUntil != null && user.lockedUntil > now;
  if (user && correct && !locked) return true;
  if (user && !locked) {
    const failure = await recordSignInFailure(db, user.id, now, limits);
    if (failure.locked) {
      await recordAudit(
        db,
        { tenant: tenant.id, event: 'account_locked', userId: user.id, email, ip: meta.ip },
        now,
      );
    }
  }
  await recordAudit(
    db,
    { tenant: tenant.id, event: 'sign_in_failed', userId: user?.id, email, ip: meta.ip },
    now,
  );
  return false;
}

/**
 * An embedded sign-in names the app it signs in for (`clientId`): it gets no session cookie, which a
 * cross-site page would not keep, but a ticket that the front door redeems once (docs/embedding.md).
 */
export async function signIn(
  context: ServiceContext,
  tenant: Tenant,
  identifier: string,
  password: string,
  meta: RequestMeta,
  clientId?: string,
): Promise<Outcome<SignInResult>> {
  const { db, limits } = context;
  if (clientId !== undefined && !tenant.clients?.some((client) => client.id === clientId)) {
    return refuse({ error: 'invalid_request' });
  }
  const now = new Date(context.clock.now());
  const throttled = await takeClientFailure(context, meta.ip, now);
  if (throttled) return refuse(throttled);
  const email = normaliseEmail(identifier);
  const user = await findUser(db, tenant.id, email);
  if (!(await judgePassword(context, tenant, user, email, password, meta, now)) || !user) {
    return refuse({ error: 'invalid_credentials' });
  }
  // Right after all: the client's failure goes back.
  await run(db, together(clientFailureReturn(meta.ip, now), signInSuccessUpdate(user.id)));
  if (user.password && needsRehash(user.password.params)) {
    await replacePasswordHash(db, user.id, await hashPassword(password));
  }
  const reconfirmDays = tenant.reconfirmEmailAfterDays;
  const address = recoveryAddress(user);
  // Prefilled data counts: an address an administrator marked as verified is registered.
  const mustRegister = tenant.requireRecoveryRegistration === true && !isRegistered(user);
  if (
    mustRegister ||
    (address !== null &&
      reconfirmDays > 0 &&
      (user.emailConfirmedAt === null ||
        now.getTime() - user.emailConfirmedAt.getTime() > reconfirmDays * dayMs))
  ) {
    const flowId = newFlowId();
    // A username account gives (or replaces) its recovery email; an email account confirms its own.
    const registers = mustRegister && tenant.signInName === 'username';
    const flow = {
      id: flowId,
      kind: registers ? 'register' : 'confirm',
      tenant: tenant.id,
      email: registers ? '' : address!,
      userId: user.id,
      mayReset: false,
      locale: meta.locale,
      codeHash: null,
      sent: false,
    } as const;
    const audit = {
      tenant: tenant.id,
      event: 'email_confirmation_required',
      userId: user.id,
      email,
      flowId,
      ip: meta.ip,
    } as const;
    await run(db, together(flowInsert(flow, now, limits), auditInsert(audit, now)));
    return succeed({
      response: registers
        ? { status: 'register-email', flowId }
        : { status: 'confirm-email', flowId, email: address! },
    });
  }
  const who = { tenant: tenant.id, userId: user.id };
  await recordAudit(
    db,
    { tenant: tenant.id, event: 'sign_in_succeeded', userId: user.id, email, ip: meta.ip },
    now,
  );
  if (clientId !== undefined) {
    const ticket = await createTicket(db, who, now, limits.ticketLifetimeMs);
    return succeed({ response: { status: 'signed-in', ticket } });
  }
  const sessionId = await createSession(db, who, now, limits.sessionLifetimeMs);
  return succeed({ response: { status: 'signed-in' }, sessionId });
}
