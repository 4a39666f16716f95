/**
 * The contract of src/api/contract.schema.ts over HTTP: the same routes, the same request schemas on the
 * way in and response schemas on the way out.
 */
import { Hono, type Context } from 'hono';
import {
  emailConfirmSendRequestSchema,
  emailConfirmSendResponseSchema,
  emailConfirmVerifyRequestSchema,
  emailConfirmVerifyResponseSchema,
  flowIdSchema,
  resetPasswordRequestSchema,
  resetPasswordResponseSchema,
  resetResendRequestSchema,
  resetResendResponseSchema,
  resetStartRequestSchema,
  resetStartResponseSchema,
  resetStatusResponseSchema,
  resetVerifyRequestSchema,
  resetVerifyResponseSchema,
  signInRequestSchema,
  signInResponseSchema,
  tenantConfigSchema,
} from '../../api/contract.schema.js';
import { routes } from '../../api/routes.js';
import { publicTenantConfig } from '../../api/public-tenant-config.js';
import { type Tenant } from '../../tenant/tenant.schema.js';
import type { RequestMeta, ServiceContext } from '../services/context.js';
import { sendConfirmationCode, verifyConfirmationCode } from '../services/email-confirmation.js';
import {
  resendResetCode,
  resetStatus,
  setNewPassword,
  startReset,
  verifyResetCode,
} from '../services/password-reset.js';
import { signIn } from '../services/sign-in.js';
import type { TenantRegistry } from '../tenants.js';
import { fromAnotherSite } from './cross-site.js';
import { readJsonBody } from './json-body.js';
import { requestMeta } from './request-meta.js';
import { sendBody, sendError, sendOutcome } from './respond.js';
import { setSessionCookie } from './session-cookie.js';

export interface ApiOptions {
  context: ServiceContext;
  tenants: TenantRegistry;
  trustedProxies: ReadonlySet<string>;
  https: boolean;
  /** Where users reach the server, when configured: its origin is the pages' own. */
  publicUrl: string | undefined;
}

type Env = { Variables: { tenant: Tenant; meta: RequestMeta } };

export function apiRoutes({ context, tenants, trustedProxies, https, publicUrl }: ApiOptions) {
  const api = new Hono<Env>();
  const { limits } = context;
  const ownOrigin = publicUrl === undefined ? undefined : new URL(publicUrl).origin;

  api.use('/tenants/:tenant/*', async (c, next) => {
    const tenant = tenants.get(c.req.param('tenant'));
    if (!tenant) return sendError(c, { error: 'tenant_not_found' });
    if (fromAnotherSite(c, tenant.embeddingOrigins, ownOrigin)) {
      return sendError(c, { error: 'forbidden' });
    }
    c.set('tenant', tenant);
    c.set('meta', requestMeta(c, tenant, trustedProxies));
    await next();
  });
  // A string that is no flow id names no flow and is never looked up (a NUL would reach the database).
  for (const route of Object.values(routes).filter((path) => path.includes(':flowId'))) {
    api.use(route, async (c, next) => {
      if (!flowIdSchema.safeParse(c.req.param('flowId')).success) {
        return sendError(c, { error: 'flow_not_found' });
      }
      await next();
    });
  }
  const flowId = (c: Context<Env>) => c.req.param('flowId')!;

  api.get(routes.config, (c) => sendBody(c, tenantConfigSchema, publicTenantConfig(c.var.tenant)));

  api.post(routes.signIn, async (c) => {
    const body = await readJsonBody(c, signInRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const outcome = await signIn(
      context,
      c.var.tenant,
      body.value.identifier,
      body.value.password,
      c.var.meta,
    );
    if (!outcome.ok) return sendError(c, outcome.failure);
    if (outcome.value.sessionId) {
      setSessionCookie(c, outcome.value.sessionId, limits.sessionLifetimeMs, https);
    }
    return sendBody(c, signInResponseSchema, outcome.value.response);
  });

  api.post(routes.resetStart, async (c) => {
    const body = await readJsonBody(c, resetStartRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const outcome = await startReset(context, c.var.tenant, body.value.email, c.var.meta);
    return sendOutcome(c, outcome, resetStartResponseSchema, 202);
  });

  api.get(routes.resetStatus, async (c) =>
    sendOutcome(c, await resetStatus(context, c.var.tenant, flowId(c)), resetStatusResponseSchema),
  );

  api.post(routes.resetResend, async (c) => {
    const body = await readJsonBody(c, resetResendRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const outcome = await resendResetCode(context, c.var.tenant, flowId(c), c.var.meta);
    return sendOutcome(c, outcome, resetResendResponseSchema, 202);
  });

  api.post(routes.resetVerify, async (c) => {
    const body = await readJsonBody(c, resetVerifyRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const { tenant, meta } = c.var;
    const outcome = await verifyResetCode(context, tenant, flowId(c), body.value.code, meta);
    return sendOutcome(c, outcome, resetVerifyResponseSchema);
  });

  api.post(routes.resetPassword, async (c) => {
    const body = await readJsonBody(c, resetPasswordRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const outcome = await setNewPassword(
      context,
      c.var.tenant,
      flowId(c),
      body.value.password,
      c.var.meta,
    );
    return sendOutcome(c, outcome, resetPasswordResponseSchema);
  });

  api.post(routes.emailConfirmSend, async (c) => {
    const body = await readJsonBody(c, emailConfirmSendRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const outcome = await sendConfirmationCode(context, c.var.tenant, flowId(c), c.var.meta);
    return sendOutcome(c, outcome, emailConfirmSendResponseSchema, 202);
  });

  api.post(routes.emailConfirmVerify, async (c) => {
    const body = await readJsonBody(c, emailConfirmVerifyRequestSchema);
    if (!body.ok) return sendError(c, body.failure);
    const { tenant, meta } = c.var;
    const outcome = await verifyConfirmationCode(context, tenant, flowId(c), body.value.code, meta);
    if (!outcome.ok) return sendError(c, outcome.failure);
    setSessionCookie(c, outcome.value.sessionId, limits.sessionLifetimeMs, https);
    return sendBody(c, emailConfirmVerifyResponseSchema, { status: 'signed-in' });
  });

  return api;
}
