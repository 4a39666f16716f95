/**
 * Every endpoint of the Gatehouse HTTP contract, declared once: method, path (relative to the API
 * base, default `/api/v1`, with `:name` parameters as msw and hono read them), the request and
 * response schemas by their name in contract.schema.ts, and the success status. The fetch client,
 * the msw handlers, the server's routes and the endpoint table in docs/contract.md are all made
 * from this table. Schemas are named rather than imported so that this module carries no zod:
 * the client needs paths before the validator arrives.
 */
import type * as z from 'zod/mini';
import type * as Contract from './contract.schema.js';

type ContractModule = typeof Contract;
/** The names of contract.schema.ts's exports that are schemas. */
export type SchemaName = {
  [K in keyof ContractModule]: ContractModule[K] extends z.ZodMiniType ? K : never;
}[keyof ContractModule];

export interface Endpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** GET endpoints take no body; every POST takes a JSON body, `{}` at least. */
  readonly request?: SchemaName;
  readonly response: SchemaName;
  readonly status: 200 | 202;
}

export const endpoints = {
  config: {
    method: 'GET',
    path: '/tenants/:tenant/config',
    response: 'tenantConfigSchema',
    status: 200,
  },
  signIn: {
    method: 'POST',
    path: '/tenants/:tenant/sign-in',
    request: 'signInRequestSchema',
    response: 'signInResponseSchema',
    status: 200,
  },
  session: {
    method: 'GET',
    path: '/tenants/:tenant/session',
    response: 'sessionResponseSchema',
    status: 200,
  },
  signOut: {
    method: 'POST',
    path: '/tenants/:tenant/session/end',
    request: 'signOutRequestSchema',
    response: 'signOutResponseSchema',
    status: 200,
  },
  passwordChange: {
    method: 'POST',
    path: '/tenants/:tenant/password-change',
    request: 'passwordChangeRequestSchema',
    response: 'passwordChangeResponseSchema',
    status: 200,
  },
  emailConfirmSend: {
    method: 'POST',
    path: '/tenants/:tenant/email-confirmation/:flowId/send',
    request: 'emailConfirmSendRequestSchema',
    response: 'emailConfirmSendResponseSchema',
    status: 202,
  },
  emailConfirmVerify: {
    method: 'POST',
    path: '/tenants/:tenant/email-confirmation/:flowId/verify',
    request: 'emailConfirmVerifyRequestSchema',
    response: 'emailConfirmVerifyResponseSchema',
    status: 200,
  },
  resetStart: {
    method: 'POST',
    path: '/tenants/:tenant/password-reset',
    request: 'resetStartRequestSchema',
    response: 'resetStartResponseSchema',
    status: 202,
  },
  resetStatus: {
    method: 'GET',
    path: '/tenants/:tenant/password-reset/:flowId',
    response: 'resetStatusResponseSchema',
    status: 200,
  },
  resetResend: {
    method: 'POST',
    path: '/tenants/:tenant/password-reset/:flowId/resend',
    request: 'resetResendRequestSchema',
    response: 'resetResendResponseSchema',
    status: 202,
  },
  resetVerify: {
    method: 'POST',
    path: '/tenants/:tenant/password-reset/:flowId/verify',
    request: 'resetVerifyRequestSchema',
    response: 'resetVerifyResponseSchema',
    status: 200,
  },
  resetPassword: {
    method: 'POST',
    path: '/tenants/:tenant/password-reset/:flowId/password',
    request: 'resetPasswordRequestSchema',
    response: 'resetPasswordResponseSchema',
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export const endpointNames = Object.keys(endpoints) as EndpointName[];

type Schema<S> = S extends SchemaName ? ContractModule[S] : never;
/** The body an endpoint takes (`never` for a GET). */
export type RequestOf<N extends EndpointName> = Endpoints[N] extends { request: infer S }
  ? z.infer<Schema<S>>
  : never;
/** The body an endpoint answers with on success. */
export type ResponseOf<N extends EndpointName> = z.infer<Schema<Endpoints[N]['response']>>;
/** The path parameters an endpoint needs besides the tenant. */
export type PathParamsOf<N extends EndpointName> =
  Endpoints[N]['path'] extends `${string}:flowId${string}` ? { flowId: string } : object;

/** Fills in a path's `:name` parameters. */
export function endpointPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name] ?? '';
    // encodeURIComponent leaves dots alone, and URL parsers drop `.` and `..` segments (even as
    // `%2e`), so such a value would climb out of its segment; no tenant or flow id looks like that.
    if (value === '.' || value === '..') throw new RangeError(`Not a path parameter: ${name}`);
    return encodeURIComponent(value);
  });
}
