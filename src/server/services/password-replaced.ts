/**
 * What every new password brings, reset or change alike, inside the transaction that stores it:
 * every session, token and open flow of the account ends (docs/security.md, rules 30 and 35), the
 * event is audited, and "password changed" is queued to the account's recovery address.
 */
import type { Tenant } from '../../tenant/tenant.schema.js';
import { run, type Queryable } from '../database/database.js';
import { recordAudit } from '../store/audit.js';
import { endFlowsOfUser } from '../store/code-flows.js';
import { endSessionsOfUser } from '../store/sessions.js';
import { recoveryAddress, type User } from '../store/users.js';
import type { RequestMeta, ServiceContext } from './context.js';

export async function passwordReplaced(
  tx: Queryable,
  context: ServiceContext,
  tenant: Tenant,
  user: User,
  meta: RequestMeta,
  now: Date,
  audit: { event: 'password_set'; flowId: string } | { event: 'password_changed' },
): Promise<void> {
  await endSessionsOfUser(tx, user.id);
  await endFlowsOfUser(tx, user.id, now);
  await recordAudit(
    tx,
    { tenant: tenant.id, userId: user.id, email: user.email, ip: meta.ip, ...audit },
    now,
  );
  // A username account without a recovery email has nowhere to be told.
  const to = recoveryAddress(user);
  if (to === null) return;
  await run(
    tx,
    context.mailer.queued(
      {
        tenant,
        to,
        locale: meta.locale,
        content: { kind: 'password-changed', changedAt: now.getTime() },
      },
      now,
    ),
  );
}
