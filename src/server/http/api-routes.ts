/**
 * The contract over HTTP: the routes of src/api/endpoints.ts, their request schemas on the way in
 * and response schemas on the way out, answered by the services.
 */
import { Hono, type Context } from 'hono';
import type * as z from 'zod/mini';
import * as contract from '../../api/contract.schema.js';
import {
  endpointNames,
  endpoints,
  type Endpoint,
  type EndpointName,
  type RequestOf,
  type ResponseOf,
} from '../../api/endpoints.js';
import { publicTenantConfig } from '../../app/public-tenant-config.js';
import { type Tenant } from '../../tenant/tenant.schema.js';
import {
  succeed,
  type Outcome,
  type RequestMeta,
  type ServiceContext,
} from '../services/context.js';
import { changePassword, readSession, signOut } from '../services/account-session.js';
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
import { sendBody, sendError } from './respond.js';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session-cookie.js';

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
    const tenant = contract.tenantIdPattern.test(id) ? tenants.get(id) : undefined;
    if (!tenant) return sendError(c, { error: 'tenant_not_found' });
    if (fromAnotherSite(c, tenant.embeddingOrigins, ownOrigin)) {
      return sendError(c, { error: 'forbidden' });
    }
    c.set('tenant', tenant);
    c.set('meta', requestMeta(c, tenant, trustedProxies));
    await next();
  });
  // A path parameter that cannot be a flow id (a NUL among them) never reaches the database.
  for (const { path } of Object.values<Endpoint>(endpoints)) {
    if (!path.includes(':flowId')) continue;
    api.use(path, async (c, next) => {
      if (!contract.flowIdPattern.test(c.req.param('flowId') ?? '')) {
        return sendError(c, { error: 'invalid_request' });
      }
      await next();
    });
  }
  const flowId = (c: Context<Env>) => c.req.param('flowId')!;

  const answers: {
    [N in EndpointName]: (c: Context<Env>, body: RequestOf<N>) => Promise<Outcome<ResponseOf<N>>>;
  } = {
    config: async (c) => succeed(publicTenantConfig(c.var.tenant)),
    signIn: async (c, { identifier, password, clientId }) => {
      const outcome = await signIn(
        context,
        c.var.tenant,
        identifier,
        password,
        c.var.meta,
        clientId,
      );
      if (!outcome.ok) return outcome;
      if (outcome.value.sessionId) {
        setSessionCookie(c, outcome.value.sessionId, limits.sessionLifetimeMs, https);
      }
      return succeed(outcome.value.response);
    },
    session: (c) => readSession(context, c.var.tenant, sessionIdOf(c, https)),
    signOut: async (c) => {
      const outcome = await signOut(context, c.var.tenant, sessionIdOf(c, https), c.var.meta);
      clearSessionCookie(c, https);
      return outcome;
    },
    passwordChange: async (c, body) => {
      const outcome = await changePassword(
        context,
        c.var.tenant,
        sessionIdOf(c, https),
        body,
        c.var.meta,
      );
      if (!outcome.ok) return outcome;
      setSessionCookie(c, outcome.value.sessionId, limits.sessionLifetimeMs, https);
      return succeed({ status: outcome.value.status });
    },
    emailConfirmSend: (c, body) =>
      sendConfirmationCode(context, c.var.tenant, flowId(c), body, c.var.meta),
    emailConfirmVerify: async (c, { code }) => {
      const outcome = await verifyConfirmationCode(
        context,
        c.var.tenant,
        flowId(c),
        code,
        c.var.meta,
      );
      if (!outcome.ok) return outcome;
      setSessionCookie(c, outcome.value.sessionId, limits.sessionLifetimeMs, https);
      return succeed({ status: 'signed-in' as const });
    },
    resetStart: (c, body) => startReset(context, c.var.tenant, body, c.var.meta),
    resetStatus: (c) => resetStatus(context, c.var.tenant, flowId(c)),
    resetResend: (c) => resendResetCode(context, c.var.tenant, flowId(c), c.var.meta),
    resetVerify: (c, { code }) =>
      verifyResetCode(context, c.var.tenant, flowId(c), code, c.var.meta),
    resetPassword: (c, { password }) =>
      setNewPassword(context, c.var.tenant, flowId(c), password, c.var.meta),
  };

  // Each endpoint of the table: its body read with its request schema, its answer sent with its
  // response schema and status.
  for (const name of endpointNames) {
    const endpoint: Endpoint = endpoints[name];
    const answer = answers[name] as (c: Context<Env>, body: unknown) => Promise<Outcome<unknown>>;
    api.on(endpoint.method, endpoint.path, async (c) => {
      let body: unknown;
      if (endpoint.request) {
        const read = await readJsonBody(c, contract[endpoint.request] as z.ZodMiniType);
        if (!read.ok) return sendError(c, read.failure);
        body = read.value;
      }
      const outcome = await answer(c, body);
      return outcome.ok
        ? sendBody(c, contract[endpoint.response] as z.ZodMiniType, outcome.value, endpoint.status)
        : sendError(c, outcome.failure);
    });
  }

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
