/**
 * Reconfirming the recovery email at sign-in, when the tenant asks for it every N days: after the
 * right password, a code to the stored address; the session starts only once the code is verified.
 * Registering one (a username account, where the tenant requires it) works the same way, with
 * the address the user gives: only a code sent to that very address registers it.
 */
import type { EmailConfirmSendRequest } from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { recordAudit } from '../store/audit.js';
import {
  completeFlow,
  findOpenFlow,
  markVerified,
  setFlowAddress,
  type FlowKind,
} from '../store/code-flows.js';
import { createSession } from '../store/sessions.js';
import { confirmEmail, registerRecoveryEmail } from '../store/users.js';
import { checkCode, sendAnotherCode } from './codes.js';
import {
  refuse,
  succeed,
  takeClientFailure,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from './context.js';

const kinds: readonly FlowKind[] = ['confirm', 'register'];

export async function sendConfirmationCode(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  body: EmailConfirmSendRequest,
  meta: RequestMeta,
): Promise<Outcome<{ resendAfter: number }>> {
  const now = new Date(context.clock.now());
  let flow = await findOpenFlow(context.db, flowId, kinds, tenant.id, now);
  if (!flow) return refuse({ error: 'flow_not_found' });
  // A registration names its address; a reconfirmation's is the account's.
  if ((flow.kind === 'register') !== (body.email !== undefined)) {
    return refuse({ error: 'invalid_request' });
  }
  if (body.email !== undefined) {
    const email = normaliseEmail(body.email);
    if (!(await setFlowAddress(context.db, flow.id, email))) {
      return refuse({ error: 'step_not_allowed' });
    }
    flow = { ...flow, email, codeHash: null, triesLeft: 0 };
  }
  return sendAnotherCode(
    context,
    tenant,
    flow,
    meta,
    flow.lastSentAt ? 'code_resent' : 'code_sent',
  );
}

export async function verifyConfirmationCode(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  code: string,
  meta: RequestMeta,
): Promise<Outcome<{ sessionId: string }>> {
  const { db, limits } = context;
  const now = new Date(context.clock.now());
  const flow = await findOpenFlow(db, flowId, kinds, tenant.id, now);
  if (!flow || flow.userId === null) return refuse({ error: 'flow_not_found' });
  const throttled = await takeClientFailure(context, meta.ip, now);
  if (throttled) return refuse(throttled);
  const userId = flow.userId;
  const checked = await checkCode(context, tenant, flow, code, meta);
  if (!checked.match) return refuse(checked.error);
  const sessionId = await db.transaction(async (tx) => {
    if (!(await markVerified(tx, flow, now)) || !(await completeFlow(tx, flow.id, now))) {
      return undefined;
    }
    if (flow.kind === 'register') await registerRecoveryEmail(tx, userId, flow.email, now);
    else await confirmEmail(tx, userId, now);
    await recordAudit(
      tx,
      {
        tenant: tenant.id,
        event: 'email_confirmed',
        userId,
        email: flow.email,
        flowId,
        ip: meta.ip,
      },
      now,
    );
    return createSession(tx, { tenant: tenant.id, userId }, now, limits.sessionLifetimeMs);
  });
  if (sessionId === undefined) return refuse({ error: 'code_rejected', attemptsLeft: 0 });
  return succeed({ sessionId });
}
