/**
 * The self-service password reset: start with an address, prove it with a code, set a new
 * password. The server enforces the order (docs/security.md#rule-11) and answers a start the same
 * whether or not the address has an account or may reset (rules 12 and 13).
 */
import type {
  ResetStartRequest,
  ResetResendResponse,
  ResetStartResponse,
  ResetStatusResponse,
} from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import { assertNever } from '../../flow/policy-steps.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { secondsUntil } from '../../rules/limits.js';
import { hashPassword } from '../security/password-hash.js';
import { newPasswordProblems } from '../security/password-policy.js';
import { run, together } from '../database/database.js';
import { auditInsert, recordAudit } from '../store/audit.js';
import { completeFlow, findOpenFlow, flowInsert, markVerified } from '../store/code-flows.js';
import { findUser, findUserById, recoveryAddress, storeNewPassword } from '../store/users.js';
import { passwordReplaced } from './password-replaced.js';
import { checkCode, codeMail, freshCode, newFlowId, sendAnotherCode, takeSend } from './codes.js';
import {
  refuse,
  succeed,
  takeClientFailure,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from './context.js';

/** The tenant's switch: nobody, members of one group, or everyone (Azure AD's SSPR setting). */
export function mayReset(tenant: Tenant, groups: readonly string[]): boolean {
  const setting = tenant.selfServiceReset;
  switch (setting.enabled) {
    case 'none':
      return false;
    case 'selected':
      return groups.includes(setting.group);
    case 'all':
      return true;
    default:
      return assertNever(setting);
  }
}

/**
 * Every start runs the same statements in the same order, whatever the name: the user lookup,
 * taking one of the name's hourly sends, a code and its MAC, and the flow with its audit event. Only the
 * queued email differs, and it leaves after the answer. An email tenant takes the address, a
 * username tenant the username, whose code goes to the account's verified recovery email; a
 * username account without one answers like an unknown name.
 */
export async function startReset(
  context: ServiceContext,
  tenant: Tenant,
  body: ResetStartRequest,
  meta: RequestMeta,
): Promise<Outcome<ResetStartResponse>> {
  const { db, limits } = context;
  const usernames = tenant.signInName === 'username';
  if ('username' in body !== usernames) return refuse({ error: 'invalid_request' });
  const now = new Date(context.clock.now());
  const name = normaliseEmail('username' in body ? body.username : body.email);
  const user = await findUser(db, tenant.id, name);
  const address = user ? recoveryAddress(user) : null;
  const reachable = !!user && address !== null && (!usernames || user.emailConfirmedAt !== null);
  const mails = await takeSend(context, tenant.id, name, now);
  const flow = {
    id: newFlowId(),
    kind: 'reset' as const,
    tenant: tenant.id,
    email: reachable ? address : name,
    userId: reachable ? user.id : null,
    mayReset: reachable && (user.mustReset || mayReset(tenant, user.groups)),
    locale: meta.locale,
  };
  const { code, hash } = freshCode(context, flow.id);
  const sendsCode = mails && flow.mayReset;
  const mail = codeMail(context, tenant, flow, code, meta, now, 'code_sent');
  // The flow, its email (for an unknown name, none, by the same statement) and its audit
  // record commit together, as one statement, before the answer.
  await run(
    db,
    together(
      flowInsert({ ...flow, codeHash: sendsCode ? hash : null, sent: true }, now, limits),
      context.mailer.queued(mail, now, mails && reachable),
      auditInsert(
        {
          tenant: tenant.id,
          event: 'reset_started',
          userId: flow.userId,
          email: name,
          flowId: flow.id,
          ip: meta.ip,
        },
        now,
      ),
    ),
  );
  context.mailer.wake();
  return succeed({ flowId: flow.id, resendAfter: limits.resendAfterMs / 1000 });
}

export async function resetStatus(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
): Promise<Outcome<ResetStatusResponse>> {
  const now = context.clock.now();
  const flow = await findOpenFlow(context.db, flowId, 'reset', tenant.id, new Date(now));
  if (!flow) return refuse({ error: 'flow_not_found' });
  const resendAt = (flow.lastSentAt?.getTime() ?? 0) + context.limits.resendAfterMs;
  return succeed({ verified: flow.verifiedAt !== null, resendAfter: secondsUntil(resendAt, now) });
}

export async function resendResetCode(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  meta: RequestMeta,
): Promise<Outcome<ResetResendResponse>> {
  const now = new Date(context.clock.now());
  const flow = await findOpenFlow(context.db, flowId, 'reset', tenant.id, now);
  if (!flow) return refuse({ error: 'flow_not_found' });
  return sendAnotherCode(context, tenant, flow, meta, 'code_resent');
}

export async function verifyResetCode(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  code: string,
  meta: RequestMeta,
): Promise<Outcome<{ status: 'verified' }>> {
  const now = new Date(context.clock.now());
  const flow = await findOpenFlow(context.db, flowId, 'reset', tenant.id, now);
  if (!flow) return refuse({ error: 'flow_not_found' });
  const throttled = await takeClientFailure(context, meta.ip, now);
  if (throttled) return refuse(throttled);
  const checked = await checkCode(context, tenant, flow, code, meta);
  if (!checked.match) return refuse(checked.error);
  // Of any number of parallel submissions of the right code, one gets here first (rule 8).
  if (!(await markVerified(context.db, flow, now))) {
    return refuse({ error: 'code_rejected', attemptsLeft: 0 });
  }
  await recordAudit(
    context.db,
    {
      tenant: tenant.id,
      event: 'code_verified',
      userId: flow.userId,
      email: flow.email,
      flowId,
      ip: meta.ip,
    },
    now,
  );
  return succeed({ status: 'verified' });
}

/**
 * The new password, only after a verified code in this very flow. It ends every session and
 * every other open flow of the account, unlocks it, and mails "your password was changed" to
 * the stored address. Nobody is signed in by it (rule 22).
 */
export async function setNewPassword(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  password: string,
  meta: RequestMeta,
): Promise<Outcome<{ status: 'password-changed' }>> {
  const { db } = context;
  const now = new Date(context.clock.now());
  const flow = await findOpenFlow(db, flowId, 'reset', tenant.id, now);
  if (!flow) return refuse({ error: 'flow_not_found' });
  if (!flow.verifiedAt || !flow.mayReset || flow.userId === null) {
    return refuse({ error: 'step_not_allowed' });
  }
  const user = await findUserById(db, flow.userId);
  if (!user) return refuse({ error: 'flow_not_found' });
  const reasons = newPasswordProblems(password, user.email, tenant);
  if (reasons.length > 0) return refuse({ error: 'password_rejected', reasons });
  const hash = await hashPassword(password);
  const changed = await db.transaction(async (tx) => {
    if (!(await completeFlow(tx, flow.id, now))) return false;
    await storeNewPassword(tx, user.id, hash, now, { addressProven: true });
    await passwordReplaced(tx, context, tenant, user, meta, now, { event: 'password_set', flowId });
    return true;
  });
  if (!changed) return refuse({ error: 'flow_not_found' });
  context.mailer.wake();
  return succeed({ status: 'password-changed' });
}
