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
  flowIdPattern,
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
  tenantIdPattern,
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
    const id = c.req.param('tenant');
    const tenant = tenantIdPattern.test(id) ? tenants.get(id) : undefined;
    if (!tenant) return sendError(c, { error: 'tenant_not_found' });
    if (fromAnotherSite(c, tenant.embeddingOrigins, ownOrigin)) {
      return sendError(c, { error: 'forbidden' });
    }
    c.set('tenant', tenant);
    c.set('meta', requestMeta(c, tenant, trustedProxies));
    await next();
  });
  // A path parameter that cannot be a flow id (a NUL among them) never reaches the database.
  for (const route of Object.values(routes).filter((path) => path.includes(':flowId'))) {
    api.use(route, async (c, next) => {
      if (!flowIdPattern.test(c.req.param('flowId') ?? '')) {
        return sendError(c, { error: 'invalid_request' });
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
      body.value.clientId,
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

  // Anything else under the API: a route of the contract with another method, or no route.
  const shapes = api.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({
      shape: new RegExp(`^${route.path.replace(/:\w+/g, '[^/]+')}$`),
      // hono answers HEAD with a GET route.
      methods: route.method === 'GET' ? ['GET', 'HEAD'] : [route.method],
    }));
  api.all('*', (c) => {
    // This route is `<base>/*`: the path below the base is what the routes above match.
    const path = c.req.path.slice(c.req.routePath.length - 2);
    const allowed = shapes
      .filter(({ shape }) => shape.test(path))
      .flatMap(({ methods }) => methods);
    if (allowed.length === 0) return sendError(c, { error: 'not_found' });
    c.header('Allow', allowed.join(', '));
    return sendError(c, { error: 'method_not_allowed' });
  });

  return api;
}
