import { HttpResponse, delay, http, type HttpResponseResolver } from 'msw';
import type * as z from 'zod/mini';
import {
  emailConfirmSendRequestSchema,
  emailConfirmVerifyRequestSchema,
  resetPasswordRequestSchema,
  resetResendRequestSchema,
  resetStartRequestSchema,
  resetVerifyRequestSchema,
  signInRequestSchema,
} from '../api/contract.schema.js';
import { routes } from '../api/routes.js';
import {
  codeLifetimeMs,
  MockBackend,
  type MockAnswer,
  type MockBackendOptions,
} from './mock-backend.js';
import type { ScenarioName } from './scenarios.js';

type Params = { tenant: string; flowId: string };

const toResponse = ({ status, body, headers }: MockAnswer) =>
  HttpResponse.json(body as object, { status, ...(headers ? { headers } : {}) });

const invalidRequest = () => toResponse({ status: 400, body: { error: 'invalid_request' } });

/** Reads a JSON body and checks it against the request schema, as the real server does. */
function withBody<T>(
  schema: z.ZodMiniType<T>,
  answer: (params: Params, body: T) => MockAnswer,
): HttpResponseResolver<Params> {
  return async ({ request, params }) => {
    if (!request.headers.get('content-type')?.startsWith('application/json')) {
      return toResponse({ status: 415, body: { error: 'unsupported_media_type' } });
    }
    const json: unknown = await request.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    return parsed.success ? toResponse(answer(params, parsed.data)) : invalidRequest();
  };
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
  return [
    transport,
    http.get<Params>(url(routes.config), ({ params }) => toResponse(backend.config(params.tenant))),
    http.post(
      url(routes.signIn),
      withBody(signInRequestSchema, (p, body) =>
        backend.signIn(p.tenant, body.identifier, body.password),
      ),
    ),
    http.post(
      url(routes.resetStart),
      withBody(resetStartRequestSchema, (p, body) => backend.startReset(p.tenant, body.email)),
    ),
    http.get<Params>(url(routes.resetStatus), ({ params }) =>
      toResponse(backend.resetStatus(params.tenant, params.flowId)),
    ),
    http.post(
      url(routes.resetResend),
      withBody(resetResendRequestSchema, (p) => backend.resend(p.tenant, p.flowId)),
    ),
    http.post(
      url(routes.resetVerify),
      withBody(resetVerifyRequestSchema, (p, body) =>
        backend.verify(p.tenant, p.flowId, body.code),
      ),
    ),
    http.post(
      url(routes.resetPassword),
      withBody(resetPasswordRequestSchema, (p, body) =>
        backend.setPassword(p.tenant, p.flowId, body.password),
      ),
    ),
    http.post(
      url(routes.emailConfirmSend),
      withBody(emailConfirmSendRequestSchema, (p) => backend.sendConfirmation(p.tenant, p.flowId)),
    ),
    http.post(
      url(routes.emailConfirmVerify),
      withBody(emailConfirmVerifyRequestSchema, (p, body) =>
        backend.verifyConfirmation(p.tenant, p.flowId, body.code),
      ),
    ),
  ];
}
