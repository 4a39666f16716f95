import { expect } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { ApiClient, type ApiError, type ApiResult } from '../../src/api/client.js';

const base = '/api/v1';
const flowId = 'Abc_def-0123456789xyz';
const tenantConfig = {
  tenant: 'contoso',
  displayName: 'Contoso',
  locales: ['en'],
  defaultLocale: 'en',
  selfServiceReset: true,
  passwordRules: { minLength: 15, maxLength: 128 },
  theme: 'contoso',
  redirectUris: ['https://contoso.example/auth/callback'],
  policies: [{ id: 'B2C_1_signin', kind: 'sign-in', resetLink: true }],
};

const worker = setupWorker();

const client = (timeoutMs?: number) =>
  new ApiClient({ base, tenant: 'contoso', ...(timeoutMs ? { timeoutMs } : {}) });

/** Every method of the client, what it should send and one answer it should accept. */
const calls = [
  {
    name: 'config',
    call: (c: ApiClient) => c.call('config'),
    method: 'GET',
    path: '/api/v1/tenants/contoso/config',
    body: undefined,
    status: 200,
    answer: tenantConfig,
  },
  {
    name: 'signIn',
    call: (c: ApiClient) =>
      c.call('signIn', { body: { identifier: 'ada@contoso.example', password: 'pw pw' } }),
    method: 'POST',
    path: '/api/v1/tenants/contoso/sign-in',
    body: { identifier: 'ada@contoso.example', password: 'pw pw' },
    status: 200,
    answer: { status: 'signed-in' },
  },
  {
    name: 'startReset',
    call: (c: ApiClient) => c.call('resetStart', { body: { email: 'ada@contoso.example' } }),
    method: 'POST',
    path: '/api/v1/tenants/contoso/password-reset',
    body: { email: 'ada@contoso.example' },
    status: 202,
    answer: { flowId, resendAfter: 30 },
  },
  {
    name: 'resendCode',
    call: (c: ApiClient) => c.call('resetResend', { flowId, body: {} }),
    method: 'POST',
    path: `/api/v1/tenants/contoso/password-reset/${flowId}/resend`,
    body: {},
    status: 202,
    answer: { resendAfter: 30 },
  },
  {
    name: 'verifyCode',
    call: (c: ApiClient) => c.call('resetVerify', { flowId, body: { code: '012345' } }),
    method: 'POST',
    path: `/api/v1/tenants/contoso/password-reset/${flowId}/verify`,
    body: { code: '012345' },
    status: 200,
    answer: { status: 'verified' },
  },
  {
    name: 'setPassword',
    call: (c: ApiClient) =>
      c.call('resetPassword', { flowId, body: { password: 'violet umbrellas sing' } }),
    method: 'POST',
    path: `/api/v1/tenants/contoso/password-reset/${flowId}/password`,
    body: { password: 'violet umbrellas sing' },
    status: 200,
    answer: { status: 'password-changed' },
  },
] as const;

const json = (body: unknown, status: number) =>
  HttpResponse.json(body as object, { status, headers: { 'content-type': 'application/json' } });
const text = (body: string, status: number, type = 'text/html') =>
  new HttpResponse(body, { status, headers: { 'content-type': type } });

/** Answers to `startReset` and the failure each must become. */
const failures = [
  ['non-JSON 200', () => text('OK', 200, 'text/plain'), { error: 'malformed_response' }],
  ['HTML 200', () => text('<html>Bad gateway</html>', 200), { error: 'malformed_response' }],
  [
    'truncated JSON 200',
    () => text('{"flowId":', 202, 'application/json'),
    { error: 'malformed_response' },
  ],
  ['empty 202', () => new HttpResponse(null, { status: 202 }), { error: 'malformed_response' }],
  ['JSON null 200', () => json(null, 200), { error: 'malformed_response' }],
  [
    'wrong shape 200',
    () => json({ flowId: 'short', resendAfter: 30 }, 202),
    { error: 'malformed_response' },
  ],
  [
    'an extra key',
    () => json({ flowId, resendAfter: 30, exists: true }, 202),
    { error: 'malformed_response' },
  ],
  [
    'an error body with 200',
    () => json({ error: 'invalid_request' }, 200),
    { error: 'malformed_response' },
  ],
  [
    'code_rejected',
    () => json({ error: 'code_rejected', attemptsLeft: 3 }, 422),
    { error: 'code_rejected', attemptsLeft: 3 },
  ],
  [
    'password_rejected',
    () => json({ error: 'password_rejected', reasons: ['too_short', 'common'] }, 422),
    { error: 'password_rejected', reasons: ['too_short', 'common'] },
  ],
  [
    'too_many_requests',
    () => json({ error: 'too_many_requests', retryAfter: 60 }, 429),
    { error: 'too_many_requests', retryAfter: 60 },
  ],
  ['invalid_request', () => json({ error: 'invalid_request' }, 400), { error: 'invalid_request' }],
  [
    'tenant_not_found',
    () => json({ error: 'tenant_not_found' }, 404),
    { error: 'tenant_not_found' },
  ],
  [
    'service_unavailable',
    () => json({ error: 'service_unavailable' }, 503),
    { error: 'service_unavailable' },
  ],
  ['500 with HTML', () => text('<h1>Internal Server Error</h1>', 500), { error: 'server_error' }],
  ['502 with nothing', () => new HttpResponse(null, { status: 502 }), { error: 'server_error' }],
  ['503 with junk JSON', () => json({ message: 'down' }, 503), { error: 'server_error' }],
  ['404 with HTML', () => text('<h1>Not Found</h1>', 404), { error: 'malformed_response' }],
  ['400 with an unknown code', () => json({ error: 'nope' }, 400), { error: 'malformed_response' }],
  [
    '401 with an extra field',
    () => json({ error: 'invalid_credentials', locked: true }, 401),
    { error: 'malformed_response' },
  ],
  ['a network error', () => HttpResponse.error(), { error: 'network' }],
] as const;

interface Seen {
  method: string;
  path: string;
  contentType: string | null;
  language: string | null;
  credentials: RequestCredentials;
  body: string;
}

/** Answers every request under the base with `answer`, noting what was asked. */
function serve(answer: () => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = [];
  worker.resetHandlers(
    http.all(`${base}/*`, async ({ request }) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        contentType: request.headers.get('content-type'),
        language: request.headers.get('accept-language'),
        credentials: request.credentials,
        body: await request.text(),
      });
      return answer();
    }),
  );
  return seen;
}

const failureOf = (result: ApiResult<unknown>): ApiError | undefined =>
  result.ok ? undefined : result.failure;

describe('api/client', () => {
  before(() =>
    worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    }),
  );

  after(() => worker.stop());

  for (const { name, call, method, path, body, status, answer } of calls) {
    it(`${name} sends ${method} ${path} and parses a valid answer`, async () => {
      const seen = serve(() => json(answer, status));
      const result = await call(client());
      expect(result).to.deep.equal({ ok: true, value: answer });
      expect(seen).to.have.length(1);
      expect(seen[0]!.method).to.equal(method);
      expect(seen[0]!.path).to.equal(path);
      expect(seen[0]!.credentials).to.equal('same-origin');
      if (body === undefined) {
        expect(seen[0]!.contentType).to.equal(null);
        expect(seen[0]!.body).to.equal('');
      } else {
        expect(seen[0]!.contentType).to.equal('application/json');
        expect(JSON.parse(seen[0]!.body)).to.deep.equal(body);
      }
    });

    it(`${name} refuses a 2xx answer of the wrong shape`, async () => {
      serve(() => json({ ...answer, unexpected: true }, status));
      expect(failureOf(await call(client()))).to.deep.equal({ error: 'malformed_response' });
    });
  }

  it('sends the page language as Accept-Language, so that emails come in it', async () => {
    const seen = serve(() => json({ flowId, resendAfter: 30 }, 202));
    const sv = new ApiClient({ base, tenant: 'contoso', language: () => 'sv' });
    await sv.call('resetStart', { body: { email: 'ada@contoso.example' } });
    const original = document.documentElement.lang;
    document.documentElement.lang = 'nl';
    try {
      await client().call('resetStart', { body: { email: 'ada@contoso.example' } });
    } finally {
      document.documentElement.lang = original;
    }
    expect(seen.map((request) => request.language)).to.deep.equal(['sv', 'nl']);
  });

  for (const [label, answer, failure] of failures) {
    it(`turns ${label} into ${JSON.stringify(failure)}`, async () => {
      serve(answer);
      const result = await client().call('resetStart', { body: { email: 'ada@contoso.example' } });
      expect(result).to.deep.equal({ ok: false, failure });
    });
  }

  it('gives up with timeout when the answer takes longer than timeoutMs', async () => {
    serve(async () => {
      await delay(2_000);
      return json({ flowId, resendAfter: 30 }, 202);
    });
    const started = performance.now();
    const result = await client(100).call('resetStart', { body: { email: 'ada@contoso.example' } });
    expect(result).to.deep.equal({ ok: false, failure: { error: 'timeout' } });
    expect(performance.now() - started).to.be.below(1_500);
  });

  it('gives up with timeout when the body stalls past timeoutMs', async () => {
    serve(
      () =>
        new HttpResponse(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('{"flowId":'));
              await delay(2_000);
              controller.enqueue(new TextEncoder().encode(`"${flowId}","resendAfter":30}`));
              controller.close();
            },
          }),
          { status: 202, headers: { 'content-type': 'application/json' } },
        ),
    );
    const result = await client(300).call('resetStart', { body: { email: 'ada@contoso.example' } });
    expect(result).to.deep.equal({ ok: false, failure: { error: 'timeout' } });
  });

  it('waits for an answer inside timeoutMs', async () => {
    serve(async () => {
      await delay(50);
      return json({ flowId, resendAfter: 30 }, 202);
    });
    const result = await client(2_000).call('resetStart', {
      body: { email: 'ada@contoso.example' },
    });
    expect(result).to.deep.equal({ ok: true, value: { flowId, resendAfter: 30 } });
  });

  it('keeps a tenant and flow id with slashes inside their segments', async () => {
    const seen = serve(() => json({ status: 'verified' }, 200));
    const odd = new ApiClient({ base: `${base}/`, tenant: 'a/../b' });
    await odd.call('resetVerify', { flowId: 'x/../../y', body: { code: '123456' } });
    expect(seen.map((request) => request.path)).to.deep.equal([
      '/api/v1/tenants/a%2F..%2Fb/password-reset/x%2F..%2F..%2Fy/verify',
    ]);
  });

  it('sends nothing for a flow id that would leave its segment', async () => {
    const seen = serve(() => json({ status: 'verified' }, 200));
    let refused = false;
    try {
      await client().call('resetVerify', { flowId: '..', body: { code: '123456' } });
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
    expect(seen).to.deep.equal([]);
  });
});
