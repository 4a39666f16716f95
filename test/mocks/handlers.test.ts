import { expect } from '@open-wc/testing';
import {
  emailConfirmSendResponseSchema,
  errorBodySchema,
  resetStartResponseSchema,
  resetStatusResponseSchema,
  signInResponseSchema,
  tenantConfigSchema,
} from '../../src/api/contract.schema.js';
import { endpointPath, endpoints } from '../../src/api/endpoints.js';
import { startMockApi } from '../../src/mocks/browser.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import {
  scenarioDescriptions,
  scenarioNames,
  type ScenarioName,
} from '../../src/mocks/scenarios.js';

const api = '/api/v1';
const ada = 'ada@contoso.example';
const adaPassword = 'correct horse battery staple';
const path = (route: string, flowId = '', tenant = 'contoso') =>
  api + endpointPath(route, { tenant, flowId });
const unknownFlow = 'A'.repeat(32);

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const signIn = (password = adaPassword) =>
  post(path(endpoints.signIn.path), { identifier: ada, password });

const startReset = (email = ada, tenant = 'contoso') =>
  post(path(endpoints.resetStart.path, '', tenant), { email });

/** A fresh backend playing `scenario` for every test of one `describe` (one worker per page). */
function withScenario(scenario: ScenarioName) {
  let backend: MockBackend | undefined;
  beforeEach(async () => {
    backend = await startMockApi({ scenario });
  });
  return () => backend!;
}

async function expectError(response: Response, status: number, body: unknown) {
  expect(response.status).to.equal(status);
  expect(response.headers.get('content-type')).to.match(/^application\/json/);
  const json: unknown = await response.json();
  expect(json).to.deep.equal(body);
  expect(errorBodySchema.safeParse(json).success).to.equal(true);
}

/** Requests the server must refuse with 415 unsupported_media_type (docs/security.md#rule-23). */
const unsupportedBodies = [
  [
    'a text/plain body',
    path(endpoints.signIn.path),
    '{"identifier":"a","password":"b"}',
    { 'content-type': 'text/plain' },
  ],
  [
    'a form body',
    path(endpoints.resetStart.path),
    'email=ada%40contoso.example',
    { 'content-type': 'application/x-www-form-urlencoded' },
  ],
  [
    'JSON sent as text/html',
    path(endpoints.resetStart.path),
    `{"email":"${ada}"}`,
    { 'content-type': 'text/html' },
  ],
  [
    'JSON sent as XML',
    path(endpoints.resetVerify.path, unknownFlow),
    '{"code":"123456"}',
    { 'content-type': 'application/xml' },
  ],
  [
    'a multipart body',
    path(endpoints.emailConfirmVerify.path, unknownFlow),
    '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\n123456\r\n--x--',
    { 'content-type': 'multipart/form-data; boundary=x' },
  ],
] as const;

/** Every POST route; each must refuse a body that is not JSON before anything else. */
const postRoutes = [
  ['sign-in', path(endpoints.signIn.path)],
  ['reset start', path(endpoints.resetStart.path)],
  ['resend', path(endpoints.resetResend.path, unknownFlow)],
  ['verify', path(endpoints.resetVerify.path, unknownFlow)],
  ['password', path(endpoints.resetPassword.path, unknownFlow)],
  ['email confirmation send', path(endpoints.emailConfirmSend.path, unknownFlow)],
  ['email confirmation verify', path(endpoints.emailConfirmVerify.path, unknownFlow)],
] as const;

/** Requests the server must refuse with 400 invalid_request before any rule runs. */
const badRequests = [
  ['malformed JSON', path(endpoints.signIn.path), '{"identifier":"a","password":', {}],
  ['an empty body', path(endpoints.resetStart.path), '', {}],
  ['a JSON string', path(endpoints.resetStart.path), `"${ada}"`, {}],
  ['a JSON array', path(endpoints.resetStart.path), `["${ada}"]`, {}],
  ['JSON null', path(endpoints.resetStart.path), 'null', {}],
  [
    'an unknown key',
    path(endpoints.signIn.path),
    { identifier: ada, password: adaPassword, admin: true },
    {},
  ],
  [
    'an unknown key on start',
    path(endpoints.resetStart.path),
    { email: ada, tenant: 'fabrikam' },
    {},
  ],
  ['a key on resend', path(endpoints.resetResend.path, 'A'.repeat(32)), { email: ada }, {}],
  [
    'a __proto__ key',
    path(endpoints.resetStart.path),
    `{"__proto__":{"isAdmin":true},"email":"${ada}"}`,
    {},
  ],
  ['a numeric code', path(endpoints.resetVerify.path, 'A'.repeat(32)), { code: 123456 }, {}],
  [
    'full-width digits',
    path(endpoints.resetVerify.path, 'A'.repeat(32)),
    { code: '１２３４５６' },
    {},
  ],
  [
    'an email with CRLF',
    path(endpoints.resetStart.path),
    { email: `${ada}\r\nBcc: eve@evil.example` },
    {},
  ],
  [
    'an email over 254',
    path(endpoints.resetStart.path),
    { email: `${'a'.repeat(250)}@b.example` },
    {},
  ],
  ['a missing password', path(endpoints.signIn.path), { identifier: ada }, {}],
  [
    'a key on email confirmation send',
    path(endpoints.emailConfirmSend.path, unknownFlow),
    { address: ada },
    {},
  ],
  [
    'full-width digits on email confirmation',
    path(endpoints.emailConfirmVerify.path, unknownFlow),
    { code: '１２３４５６' },
    {},
  ],
  ['a missing confirmation code', path(endpoints.emailConfirmVerify.path, unknownFlow), {}, {}],
] as const;

/** Each scenario's promise, as written in scenarios.ts, checked through real fetch. */
const scenarioChecks: Record<ScenarioName, (backend: () => MockBackend) => void> = {
  default: (backend) => {
    it('runs the whole reset by the contract', async () => {
      const grace = 'grace@contoso.example';
      const started = await startReset(grace);
      expect(started.status).to.equal(202);
      const { flowId } = resetStartResponseSchema.parse(await started.json());
      const code = backend().latestCode(grace)!;
      const verified = await post(path(endpoints.resetVerify.path, flowId), { code });
      expect(await verified.json()).to.deep.equal({ status: 'verified' });
      const changed = await post(path(endpoints.resetPassword.path, flowId), {
        password: 'violet umbrellas sing',
      });
      expect(await changed.json()).to.deep.equal({ status: 'password-changed' });
      const signedIn = await post(path(endpoints.signIn.path), {
        identifier: grace,
        password: 'violet umbrellas sing',
      });
      expect(signedIn.status).to.equal(200);
      // Grace was due to reconfirm her recovery email; the completed reset did that.
      expect(await signedIn.json()).to.deep.equal({ status: 'signed-in' });
    });

    it('serves the status of a reset flow', async () => {
      const { flowId } = resetStartResponseSchema.parse(await (await startReset()).json());
      const before = await fetch(path(endpoints.resetStatus.path, flowId));
      expect(before.status).to.equal(200);
      const status = resetStatusResponseSchema.parse(await before.json());
      expect(status.verified).to.equal(false);
      expect(status.resendAfter).to.be.within(29, 30);
      const code = backend().latestCode(ada)!;
      expect((await post(path(endpoints.resetVerify.path, flowId), { code })).status).to.equal(200);
      const after = await fetch(path(endpoints.resetStatus.path, flowId));
      expect(resetStatusResponseSchema.parse(await after.json()).verified).to.equal(true);
      await expectError(await fetch(path(endpoints.resetStatus.path, unknownFlow)), 404, {
        error: 'flow_not_found',
      });
    });

    it('reconfirms a recovery email by the contract before signing in', async () => {
      const grace = 'grace@contoso.example';
      const credentials = { identifier: grace, password: 'compilers are friendly' };
      const first = signInResponseSchema.parse(
        await (await post(path(endpoints.signIn.path), credentials)).json(),
      );
      if (first.status !== 'confirm-email')
        throw new Error(`expected confirm-email: ${first.status}`);
      expect(first.email).to.equal(grace);
      expect(backend().outbox).to.deep.equal([]);
      const sent = await post(path(endpoints.emailConfirmSend.path, first.flowId), {});
      expect(sent.status).to.equal(202);
      expect(emailConfirmSendResponseSchema.parse(await sent.json())).to.deep.equal({
        resendAfter: 30,
      });
      const again = await post(path(endpoints.emailConfirmSend.path, first.flowId), {});
      expect(again.headers.get('retry-after')).to.match(/^[0-9]+$/);
      expect(again.status).to.equal(429);
      const code = backend().latestCode(grace)!;
      const verified = await post(path(endpoints.emailConfirmVerify.path, first.flowId), { code });
      expect(verified.status).to.equal(200);
      expect(await verified.json()).to.deep.equal({ status: 'signed-in' });
      const second = await post(path(endpoints.signIn.path), credentials);
      expect(await second.json()).to.deep.equal({ status: 'signed-in' });
    });

    it('answers a user outside the reset group as one inside it, mailing a notice instead', async () => {
      const inside = await startReset('alan@fabrikam.example', 'fabrikam');
      const outside = await startReset('joan@fabrikam.example', 'fabrikam');
      expect(outside.status).to.equal(inside.status);
      expect([...outside.headers.entries()]).to.deep.equal([...inside.headers.entries()]);
      const insideBody = resetStartResponseSchema.parse(await inside.json());
      const outsideBody = resetStartResponseSchema.parse(await outside.json());
      expect(Object.keys(outsideBody)).to.deep.equal(Object.keys(insideBody));
      expect(outsideBody.resendAfter).to.equal(insideBody.resendAfter);
      expect(backend().outbox.map(({ to, kind }) => ({ to, kind }))).to.deep.equal([
        { to: 'alan@fabrikam.example', kind: 'verification-code' },
        { to: 'joan@fabrikam.example', kind: 'reset-not-allowed' },
      ]);
    });

    it('refuses a resend sooner than 30 s with 429 and Retry-After', async () => {
      const { flowId } = resetStartResponseSchema.parse(await (await startReset()).json());
      const resent = await post(path(endpoints.resetResend.path, flowId), {});
      expect(resent.headers.get('retry-after')).to.match(/^[0-9]+$/);
      const retryAfter = Number(resent.headers.get('retry-after'));
      expect(retryAfter).to.be.within(29, 30);
      await expectError(resent, 429, { error: 'too_many_requests', retryAfter });
    });
  },
  'code-expired': (backend) => {
    it('refuses the right code at once as expired', async () => {
      const { flowId } = resetStartResponseSchema.parse(await (await startReset()).json());
      const code = backend().latestCode(ada)!;
      expect(code).to.match(/^[0-9]{6}$/);
      const verified = await post(path(endpoints.resetVerify.path, flowId), { code });
      await expectError(verified, 422, { error: 'code_rejected', attemptsLeft: 0 });
    });
  },
  'locked-account': () => {
    it('refuses the right password with the usual message', async () => {
      const right = await signIn();
      const wrong = await signIn('not the password');
      await expectError(right, 401, { error: 'invalid_credentials' });
      await expectError(wrong, 401, { error: 'invalid_credentials' });
    });
  },
  throttled: () => {
    for (const [label, send] of [
      ['sign-in', () => signIn()],
      ['reset start', () => startReset()],
    ] as const) {
      it(`refuses ${label} with 429 and Retry-After: 60`, async () => {
        const response = await send();
        expect(response.headers.get('retry-after')).to.equal('60');
        await expectError(response, 429, { error: 'too_many_requests', retryAfter: 60 });
      });
    }

    it('still answers GET config', async () => {
      const response = await fetch(path(endpoints.config.path));
      expect(response.status).to.equal(200);
      expect(tenantConfigSchema.safeParse(await response.json()).success).to.equal(true);
    });
  },
  'server-down': () => {
    for (const [label, send] of [
      ['GET config', () => fetch(path(endpoints.config.path))],
      ['sign-in', () => signIn()],
      ['reset start', () => startReset()],
    ] as const) {
      it(`answers ${label} with 503 service_unavailable`, async () => {
        await expectError(await send(), 503, { error: 'service_unavailable' });
      });
    }
  },
  'network-down': () => {
    for (const [label, send] of [
      ['GET config', () => fetch(path(endpoints.config.path))],
      ['sign-in', () => signIn()],
    ] as const) {
      it(`fails ${label} at the network level`, async () => {
        let failure: unknown;
        try {
          await send();
        } catch (error) {
          failure = error;
        }
        expect(failure).to.be.instanceOf(TypeError);
      });
    }
  },
  'malformed-response': () => {
    for (const [label, send] of [
      ['sign-in', () => signIn()],
      ['reset start', () => startReset()],
    ] as const) {
      it(`answers ${label} with a 200 HTML page`, async () => {
        const response = await send();
        expect(response.status).to.equal(200);
        expect(response.headers.get('content-type')).to.match(/^text\/html/);
        const text = await response.text();
        expect(text).to.match(/^<html/);
        expect(() => JSON.parse(text) as unknown).to.throw(SyntaxError);
      });
    }

    it('still answers GET config with JSON', async () => {
      const response = await fetch(path(endpoints.config.path));
      expect(tenantConfigSchema.safeParse(await response.json()).success).to.equal(true);
    });
  },
  slow: () => {
    it('takes 2 s to answer', async () => {
      const started = performance.now();
      const response = await fetch(path(endpoints.config.path));
      expect(response.status).to.equal(200);
      expect(performance.now() - started).to.be.at.least(1_900);
    });
  },
};

describe('mocks/handlers', () => {
  it('describes every scenario', () => {
    for (const name of scenarioNames)
      expect(scenarioDescriptions[name]).to.be.a('string').and.not.empty;
  });

  describe('default scenario', () => {
    const backend = withScenario('default');

    for (const [label, url, body, headers] of unsupportedBodies) {
      it(`answers ${label} with 415 unsupported_media_type`, async () => {
        const response = await post(url, body, headers);
        await expectError(response, 415, { error: 'unsupported_media_type' });
        expect(backend().outbox).to.deep.equal([]);
      });
    }

    for (const [label, url] of postRoutes) {
      it(`refuses a body that is not JSON on ${label} with 415, whatever it contains`, async () => {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/html']) {
          const response = await post(url, '{}', { 'content-type': type });
          await expectError(response, 415, { error: 'unsupported_media_type' });
        }
      });
    }

    for (const [label, url, body, headers] of badRequests) {
      it(`answers ${label} with 400 invalid_request`, async () => {
        const response = await post(url, body, headers);
        await expectError(response, 400, { error: 'invalid_request' });
        expect(backend().outbox).to.deep.equal([]);
      });
    }

    it('sends a JSON body without a content type as text/plain and refuses it with 415', async () => {
      const response = await fetch(path(endpoints.signIn.path), {
        method: 'POST',
        body: JSON.stringify({ identifier: ada, password: adaPassword }),
      });
      await expectError(response, 415, { error: 'unsupported_media_type' });
    });

    it('accepts application/json with a charset', async () => {
      const response = await signIn();
      expect(response.status).to.equal(200);
      const withCharset = await post(
        path(endpoints.signIn.path),
        { identifier: ada, password: adaPassword },
        { 'content-type': 'application/json; charset=utf-8' },
      );
      expect(await withCharset.json()).to.deep.equal({ status: 'signed-in' });
    });

    it('serves the tenant config and tenant_not_found for another tenant', async () => {
      const config = await fetch(path(endpoints.config.path));
      expect(tenantConfigSchema.parse(await config.json()).tenant).to.equal('contoso');
      const missing = await fetch(
        `${api}${endpointPath(endpoints.config.path, { tenant: 'initech' })}`,
      );
      await expectError(missing, 404, { error: 'tenant_not_found' });
    });

    it('answers a known and an unknown address with the same status, headers and body shape', async () => {
      const known = await startReset('grace@contoso.example');
      const unknown = await startReset('nobody@contoso.example');
      expect(unknown.status).to.equal(known.status);
      expect([...unknown.headers.entries()]).to.deep.equal([...known.headers.entries()]);
      const knownBody = resetStartResponseSchema.parse(await known.json());
      const unknownBody = resetStartResponseSchema.parse(await unknown.json());
      expect(Object.keys(unknownBody)).to.deep.equal(Object.keys(knownBody));
      expect(unknownBody.resendAfter).to.equal(knownBody.resendAfter);
      expect(backend().outbox.map((mail) => mail.to)).to.deep.equal(['grace@contoso.example']);
    });

    it('lets exactly one of 16 concurrent submissions of a code succeed', async () => {
      const email = 'grace@contoso.example';
      const { flowId } = resetStartResponseSchema.parse(await (await startReset(email)).json());
      const code = backend().latestCode(email)!;
      const responses = await Promise.all(
        Array.from({ length: 16 }, () => post(path(endpoints.resetVerify.path, flowId), { code })),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).to.have.length(1);
      expect(statuses.filter((status) => status === 422)).to.have.length(15);
    });

    scenarioChecks.default(backend);
  });

  for (const scenario of scenarioNames.filter((name) => name !== 'default')) {
    describe(`${scenario} scenario`, () => {
      const backend = withScenario(scenario);
      scenarioChecks[scenario](backend);
    });
  }
});
