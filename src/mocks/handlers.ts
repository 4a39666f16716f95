import { HttpResponse, delay, http } from 'msw';
import type * as z from 'zod/mini';
import * as contract from '../api/contract.schema.js';
import { flowIdPattern } from '../api/contract.schema.js';
import {
  endpointNames,
  endpoints,
  type Endpoint,
  type EndpointName,
  type RequestOf,
} from '../api/endpoints.js';
import {
  codeLifetimeMs,
  MockBackend,
  type MockAnswer,
  type MockBackendOptions,
} from './mock-backend.js';
import { mockSessionCookie } from './mock-sessions.js';
import type { ScenarioName } from './scenarios.js';

type Params = { tenant: string; flowId: string };

const toResponse = ({ status, body, headers }: MockAnswer) =>
  HttpResponse.json(body as object, { status, ...(headers ? { headers } : {}) });

const invalidRequest = () => toResponse({ status: 400, body: { error: 'invalid_request' } });

/** Reads a JSON body and checks it against the request schema, as the real server does. */
async function readBody(
  request: Request,
  schema: z.ZodMiniType,
): Promise<{ ok: true; value: unknown } | { ok: false; failure: MockAnswer }> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return { ok: false, failure: { status: 415, body: { error: 'unsupported_media_type' } } };
  }
  const json: unknown = await request.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: { status: 400, body: { error: 'invalid_request' } } };
}

/** Backend options for a scenario: the cases that change the rules rather than the transport. */
export function scenarioBackendOptions(scenario: ScenarioName): Partial<MockBackendOptions> {
  switch (scenario) {
    case 'code-expired':
      return { codeLifetimeMs: 0 };
    case 'locked-account':
      return { allLocked: true };
    default:
      return { codeLifetimeMs };
  }
}

/** The contract's handlers over one backend, under `base` (default `/api/v1`). */
export function createHandlers(
  backend: MockBackend,
  scenario: ScenarioName = 'default',
  base = '/api/v1',
) {
  const url = (route: string) => base + route;
  const transport = http.all(url('/*'), async ({ request }) => {
    switch (scenario) {
      case 'server-down':
        return toResponse({ status: 503, body: { error: 'service_unavailable' } });
      case 'network-down':
        return HttpResponse.error();
      case 'throttled':
        if (request.method === 'POST') {
          return toResponse({
            status: 429,
            body: { error: 'too_many_requests', retryAfter: 60 },
            headers: { 'retry-after': '60' },
          });
        }
        return undefined;
      case 'malformed-response':
        return request.method === 'POST'
          ? new HttpResponse('<html><body>Bad gateway</body></html>', {
              status: 200,
              headers: { 'content-type': 'text/html' },
            })
          : undefined;
      case 'slow':
        await delay(2000);
        return undefined;
      default:
        return undefined;
    }
  });
  const answers: {
    [N in EndpointName]: (
      params: Params,
      body: RequestOf<N>,
      /** The session cookie's value, if the request carries one. */
      session: string | undefined,
    ) => MockAnswer;
  } = {
    config: (p) => backend.config(p.tenant),
    signIn: (p, body) => backend.signIn(p.tenant, body.identifier, body.password),
    session: (p, _, session) => backend.session(p.tenant, session),
    signOut: (p, _, session) => backend.signOut(p.tenant, session),
    passwordChange: (p, body, session) => backend.changePassword(p.tenant, session, body),
    emailConfirmSend: (p, body) => backend.sendConfirmation(p.tenant, p.flowId, body),
    emailConfirmVerify: (p, body) => backend.verifyConfirmation(p.tenant, p.flowId, body.code),
    resetStart: (p, body) => backend.startReset(p.tenant, body),
    resetStatus: (p) => backend.resetStatus(p.tenant, p.flowId),
    resetResend: (p) => backend.resend(p.tenant, p.flowId),
    resetVerify: (p, body) => backend.verify(p.tenant, p.flowId, body.code),
    resetPassword: (p, body) => backend.setPassword(p.tenant, p.flowId, body.password),
  };
  // Each endpoint of the table, read as the server reads it: paths that cannot hold a flow id are
  // refused, and bodies are checked against the request schema (test/conformance holds the answers
  // to the table's statuses and schemas).
  const contractRoutes = endpointNames.map((name) => {
    const endpoint: Endpoint = endpoints[name];
    const answer = answers[name] as (
      params: Params,
      body: unknown,
      session: string | undefined,
    ) => MockAnswer;
    return http[endpoint.method === 'GET' ? 'get' : 'post']<Params>(
      url(endpoint.path),
      async ({ request, params, cookies }) => {
        const respond = (body: unknown) =>
          toResponse(answer(params, body, cookies[mockSessionCookie]));
        if (params.flowId !== undefined && !flowIdPattern.test(params.flowId))
          return invalidRequest();
        if (!endpoint.request) return respond(undefined);
        const body = await readBody(request, contract[endpoint.request] as z.ZodMiniType);
        return body.ok ? respond(body.value) : toResponse(body.failure);
      },
    );
  });
  // Anything else under the base: another method of a route (405, with Allow), or no route (404).
  const shapes = Object.values<Endpoint>(endpoints).map(({ method, path }) => ({
    shape: new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}$`),
    methods: method === 'GET' ? ['GET', 'HEAD'] : [method],
  }));
  const unmatched = http.all(url('/*'), ({ request }) => {
    const path = new URL(request.url).pathname.slice(new URL(url(''), request.url).pathname.length);
    const allowed = shapes
      .filter(({ shape }) => shape.test(path))
      .flatMap(({ methods }) => methods);
    if (allowed.length === 0) return toResponse({ status: 404, body: { error: 'not_found' } });
    return toResponse({
      status: 405,
      body: { error: 'method_not_allowed' },
      headers: { allow: allowed.join(', ') },
    });
  });
  return [transport, ...contractRoutes, unmatched];
}
