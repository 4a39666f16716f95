/**
 * Reconfirming the recovery email at sign-in, when the tenant asks for it every N days: after the
 * right password, a code to the stored address; the session starts only once the code is verified.
 */
import type { Tenant } from '../../tenant/tenant.schema.js';
import { recordAudit } from '../store/audit.js';
import { completeFlow, findOpenFlow, markVerified } from '../store/code-flows.js';
import { createSession } from '../store/sessions.js';
import { confirmEmail } from '../store/users.js';
import { checkCode, sendAnotherCode } from './codes.js';
import {
  refuse,
  succeed,
  takeClientFailure,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from './context.js';

export async function sendConfirmationCode(
  context: ServiceContext,
  tenant: Tenant,
  flowId: string,
  meta: RequestMeta,
): Promise<Outcome<{ resendAfter: number }>> {
  const now = new Date(context.clock.now());
  const flow = await findOpenFlow(context.db, flowId, 'confirm', tenant.id, now);
  if (!flow) return refuse({ error: 'flow_not_found' });
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
  const flow = await findOpenFlow(db, flowId, 'confirm', tenant.id, now);
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
    await confirmEmail(tx, userId, now);
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
