/**
 * One suite for every backend of the contract: the mock API (msw over the in-memory backend) and
 * the real server run these same cases, so the mock that dev mode and the browser tests lean on
 * cannot drift from what the server does. Each case speaks HTTP as a page would and checks every
 * answer against the endpoint table: the declared status and response schema on success, the
 * error table's status and body on failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as contract from '../../src/api/contract.schema.js';
import { errorStatus, type ErrorCode } from '../../src/api/contract.schema.js';
import {
  endpointPath,
  endpoints,
  type Endpoint,
  type EndpointName,
} from '../../src/api/endpoints.js';
import type { DemoUser } from '../../src/demo/demo-tenants.js';
import { dayMs, defaultLimits } from '../../src/rules/limits.js';

/** A backend under test, started with `accounts` in the contoso tenant. */
export interface ConformanceTarget {
  /** Where the contract's paths start, e.g. `http://127.0.0.1:4000/api/v1`. */
  base: string;
  /** The code in the `nth` message (1-based) sent to `email`, waiting for it if need be. */
  code(email: string, nth: number): Promise<string>;
  /** Moves the backend's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const password = 'a perfectly long passphrase';
const account = (name: string): DemoUser => ({
  email: `${name}@contoso.example`,
  password,
  emailConfirmedDaysAgo: 0,
});
const people = {
  signer: account('signer'),
  locked: account('locked'),
  starter: account('starter'),
  resetter: account('resetter'),
  expiring: account('expiring'),
  ordered: account('ordered'),
  resender: account('resender'),
  due: account('due'),
  changer: account('changer'),
  guesser: account('guesser'),
};
/** The accounts the suite signs in and resets with; a target creates them before the cases run. */
export const conformanceAccounts: DemoUser[] = Object.values(people);

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** The session cookie the answer sets (`name=value`), if it sets one. */
  session: string | undefined;
}

export function contractSuite(name: string, start: () => Promise<ConformanceTarget>): void {
  describe(`the contract, against ${name}`, () => {
    let target: ConformanceTarget;
    before(async () => {
      target = await start();
    });
    after(() => target?.close());

    async function send(
      method: string,
      path: string,
      body?: string,
      contentType = 'application/json',
      cookie?: string,
    ): Promise<Answer> {
      const response = await fetch(target.base + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': contentType }),
          ...(cookie ? { cookie } : {}),
        },
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      const session = response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0]!)
        .find((pair) => pair.startsWith('gatehouse_session='));
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        session,
      };
    }

    /** Calls an endpoint of the table for `tenant` (contoso), with a session cookie if given. */
    function call(
      name: EndpointName,
      input: { flowId?: string; body?: unknown; cookie?: string; tenant?: string } = {},
    ) {
      const endpoint: Endpoint = endpoints[name];
      const path = endpointPath(endpoint.path, {
        tenant: input.tenant ?? 'contoso',
        flowId: input.flowId ?? '',
      });
      const body = endpoint.method === 'GET' ? undefined : JSON.stringify(input.body ?? {});
      // No session is said with an empty cookie rather than none: msw keeps a cookie jar of its
      // own, as a browser would, which a request's own header overrides.
      const cookie = input.cookie ?? 'gatehouse_session=';
      return send(endpoint.method, path, body, 'application/json', cookie);
    }

    /** The answer is the endpoint's success: its status, a body its response schema accepts. */
    function succeeded(name: EndpointName, answer: Answer): Record<string, unknown> {
      const endpoint: Endpoint = endpoints[name];
      assert.equal(answer.status, endpoint.status, JSON.stringify(answer.body));
      const parsed = contract[endpoint.response].safeParse(answer.body);
      assert.ok(parsed.success, `${name} answered ${JSON.stringify(answer.body)}`);
      return answer.body;
    }

    /** The answer is the error `code`, with the error table's status and a well-formed body. */
    function failed(code: ErrorCode, answer: Answer): Record<string, unknown> {
      assert.equal(answer.body.error, code, JSON.stringify(answer.body));
      assert.equal(answer.status, errorStatus[code]);
      assert.ok(contract.errorBodySchema.safeParse(answer.body).success);
      return answer.body;
    }

    const signIn = (who: DemoUser, secret = who.password) =>
      call('signIn', { body: { identifier: who.email, password: secret } });

    /** Starts a reset for `who` and reads the first code sent. */
    async function resetWithCode(who: DemoUser) {
      const { flowId } = succeeded(
        'resetStart',
        await call('resetStart', { body: { email: who.email } }),
      );
      return { flowId: flowId as string, code: await target.code(who.email, 1) };
    }

    it('gives the tenant settings, and one answer for an unknown or impossible tenant', async () => {
      const config = succeeded('config', await call('config'));
      assert.equal(config.tenant, 'contoso');
      failed('tenant_not_found', await send('GET', '/tenants/no-such-tenant/config'));
      failed('tenant_not_found', await send('GET', '/tenants/Not_A_Tenant/config'));
    });

    it('signs in with the right password, and gives one answer for wrong and unknown', async () => {
      assert.deepEqual(succeeded('signIn', await signIn(people.signer)), { status: 'signed-in' });
      const wrong = failed(
        'invalid_credentials',
        await signIn(people.signer, 'not the password at all'),
      );
      const unknown = failed(
        'invalid_credentials',
        await signIn({ ...people.signer, email: 'nobody@contoso.example' }),
      );
      assert.deepEqual(wrong, unknown);
    });

    it('locks an account after the failures in a row that the limits allow', async () => {
      for (let i = 0; i < defaultLimits.signInFailuresBeforeLock; i += 1) {
        failed('invalid_credentials', await signIn(people.locked, `wrong guess number ${i}`));
      }
      failed('invalid_credentials', await signIn(people.locked));
      target.advance(defaultLimits.lockBaseMs + 1000);
      succeeded('signIn', await signIn(people.locked));
    });

    it('answers a reset start the same for a known and an unknown address', async () => {
      const known = succeeded(
        'resetStart',
        await call('resetStart', { body: { email: people.starter.email } }),
      );
      const unknown = succeeded(
        'resetStart',
        await call('resetStart', { body: { email: 'nobody@contoso.example' } }),
      );
      assert.deepEqual(Object.keys(known).sort(), Object.keys(unknown).sort());
      assert.equal(known.resendAfter, unknown.resendAfter);
      assert.notEqual(known.flowId, unknown.flowId);
    });

    it('resets a password: status, a refused early resend, a wrong code, the code, rules, the new password', async () => {
      const { flowId, code } = await resetWithCode(people.resetter);
      const status = succeeded('resetStatus', await call('resetStatus', { flowId }));
      assert.equal(status.verified, false);
      assert.equal(status.resendAfter, defaultLimits.resendAfterMs / 1000);
      failed('too_many_requests', await call('resetResend', { flowId }));

      const wrong = code === '000000' ? '111111' : '000000';
      const rejected = failed(
        'code_rejected',
        await call('resetVerify', { flowId, body: { code: wrong } }),
      );
      assert.equal(rejected.attemptsLeft, defaultLimits.codeTries - 1);
      succeeded('resetVerify', await call('resetVerify', { flowId, body: { code } }));
      assert.equal(succeeded('resetStatus', await call('resetStatus', { flowId })).verified, true);

      const weak = failed(
        'password_rejected',
        await call('resetPassword', { flowId, body: { password: 'short' } }),
      );
      assert.deepEqual(weak.reasons, ['too_short']);
      const next = 'an entirely new passphrase';
      succeeded('resetPassword', await call('resetPassword', { flowId, body: { password: next } }));
      succeeded('signIn', await signIn(people.resetter, next));
      failed('invalid_credentials', await signIn(people.resetter));
    });

    it('sends another code once the wait is over, and takes only the newest', async () => {
      const { flowId, code: first } = await resetWithCode(people.resender);
      target.advance(defaultLimits.resendAfterMs);
      succeeded('resetResend', await call('resetResend', { flowId }));
      const second = await target.code(people.resender.email, 2);
      if (first !== second) {
        failed('code_rejected', await call('resetVerify', { flowId, body: { code: first } }));
      }
      succeeded('resetVerify', await call('resetVerify', { flowId, body: { code: second } }));
    });

    it('refuses an expired code with the same answer as a wrong one', async () => {
      const { flowId, code } = await resetWithCode(people.expiring);
      target.advance(defaultLimits.codeLifetimeMs + 1000);
      const expired = failed(
        'code_rejected',
        await call('resetVerify', { flowId, body: { code } }),
      );
      assert.equal(typeof expired.attemptsLeft, 'number');
    });

    it('refuses steps out of order, and unknown or impossible flows', async () => {
      const { flowId } = await resetWithCode(people.ordered);
      failed(
        'step_not_allowed',
        await call('resetPassword', { flowId, body: { password: 'an entirely new passphrase' } }),
      );
      failed('flow_not_found', await call('resetStatus', { flowId: 'AAAAAAAAAAAAAAAAAAAAAAAA' }));
      failed('invalid_request', await call('resetStatus', { flowId: 'short' }));
    });

    it('tells who is signed in only to a session of this tenant, and signs out', async () => {
      assert.deepEqual(succeeded('session', await call('session')), { signedIn: false });
      const signedIn = await signIn(people.signer);
      assert.ok(signedIn.session, 'a successful sign-in sets the session cookie');
      const cookie = signedIn.session;
      assert.deepEqual(succeeded('session', await call('session', { cookie })), {
        signedIn: true,
        email: people.signer.email,
      });
      assert.deepEqual(
        succeeded('session', await call('session', { cookie, tenant: 'fabrikam' })),
        { signedIn: false },
      );
      const out = await call('signOut', { cookie });
      assert.deepEqual(succeeded('signOut', out), { status: 'signed-out' });
      assert.deepEqual(succeeded('session', await call('session', { cookie })), {
        signedIn: false,
      });
      succeeded('signOut', await call('signOut'));
    });

    it('changes a password with a session, the current password and the rules; other sessions end', async () => {
      const next = 'a changed passphrase here';
      const body = { currentPassword: password, password: next };
      failed('session_required', await call('passwordChange', { body }));
      const here = (await signIn(people.changer)).session;
      const elsewhere = (await signIn(people.changer)).session;
      failed(
        'session_required',
        await call('passwordChange', { body, cookie: here, tenant: 'fabrikam' }),
      );
      failed(
        'invalid_credentials',
        await call('passwordChange', {
          body: { ...body, currentPassword: 'not it at all' },
          cookie: here,
        }),
      );
      const weak = failed(
        'password_rejected',
        await call('passwordChange', { body: { ...body, password: 'short' }, cookie: here }),
      );
      assert.deepEqual(weak.reasons, ['too_short']);
      const changed = await call('passwordChange', { body, cookie: here });
      assert.deepEqual(succeeded('passwordChange', changed), { status: 'password-changed' });
      assert.ok(changed.session && changed.session !== here, 'a new session for this browser');
      const session = (cookie: string | undefined) => call('session', { cookie });
      assert.equal(succeeded('session', await session(changed.session)).signedIn, true);
      assert.equal(succeeded('session', await session(here)).signedIn, false);
      assert.equal(succeeded('session', await session(elsewhere)).signedIn, false);
      failed('invalid_credentials', await signIn(people.changer));
      succeeded('signIn', await signIn(people.changer, next));
    });

    it('counts a wrong current password toward the lock, as at sign-in', async () => {
      const cookie = (await signIn(people.guesser)).session;
      for (let i = 0; i < defaultLimits.signInFailuresBeforeLock; i += 1) {
        const body = {
          currentPassword: `wrong guess number ${i}`,
          password: 'a changed passphrase here',
        };
        failed('invalid_credentials', await call('passwordChange', { body, cookie }));
      }
      failed('invalid_credentials', await signIn(people.guesser));
    });

    it('refuses bodies that break the schema, whatever their shape', async () => {
      const path = endpointPath(endpoints.signIn.path, { tenant: 'contoso' });
      const good = { identifier: people.signer.email, password };
      failed(
        'unsupported_media_type',
        await send('POST', path, JSON.stringify(good), 'text/plain'),
      );
      failed('invalid_request', await send('POST', path, '{"identifier":'));
      failed('invalid_request', await send('POST', path, JSON.stringify({ ...good, extra: 1 })));
      failed(
        'invalid_request',
        await send('POST', path, JSON.stringify({ ...good, identifier: 'a\u0000b' })),
      );
      failed(
        'invalid_request',
        await call('resetVerify', { flowId: 'AAAAAAAAAAAAAAAAAAAAAAAA', body: { code: '12345' } }),
      );
    });

    it('answers a path outside the table with not_found, and another method with its Allow', async () => {
      failed('not_found', await send('GET', '/tenants/contoso/no-such-thing'));
      const path = endpointPath(endpoints.signIn.path, { tenant: 'contoso' });
      const wrongMethod = failed('method_not_allowed', await send('GET', path));
      assert.ok(wrongMethod);
      const allow = (await send('GET', path)).headers.get('allow');
      assert.equal(allow, 'POST');
    });

    it('resets a username account by its username only, and answers an unknown one alike', async () => {
      const northwind = (body: unknown) => call('resetStart', { tenant: 'northwind', body });
      failed('invalid_request', await northwind({ email: 'mona@northwind.example' }));
      failed('invalid_request', await call('resetStart', { body: { username: 'signer' } }));
      const known = succeeded('resetStart', await northwind({ username: 'Mona' }));
      const unknown = succeeded('resetStart', await northwind({ username: 'nobody' }));
      assert.deepEqual(Object.keys(unknown).sort(), Object.keys(known).sort());
      assert.equal(unknown.resendAfter, known.resendAfter);
      // The code goes to the recovery email.
      const code = await target.code('mona@northwind.example', 1);
      const flowId = known.flowId as string;
      succeeded(
        'resetVerify',
        await call('resetVerify', { tenant: 'northwind', flowId, body: { code } }),
      );
    });

    it('has a username account register its recovery email by code before it is signed in', async () => {
      const nils = { identifier: 'nils', password: 'harbour cranes at dawn' };
      const first = await call('signIn', { tenant: 'northwind', body: nils });
      assert.deepEqual(Object.keys(succeeded('signIn', first)).sort(), ['flowId', 'status']);
      assert.equal(first.body.status, 'register-email');
      assert.equal(first.session, undefined);
      const flowId = first.body.flowId as string;
      const send = (body: unknown) =>
        call('emailConfirmSend', { tenant: 'northwind', flowId, body });
      failed('invalid_request', await send({}));
      succeeded('emailConfirmSend', await send({ email: 'nils.own@example.org' }));
      const code = await target.code('nils.own@example.org', 1);
      const verified = await call('emailConfirmVerify', {
        tenant: 'northwind',
        flowId,
        body: { code },
      });
      assert.deepEqual(succeeded('emailConfirmVerify', verified), { status: 'signed-in' });
      assert.ok(verified.session);
      const again = await call('signIn', { tenant: 'northwind', body: nils });
      assert.equal(succeeded('signIn', again).status, 'signed-in');
    });

    // Last: it moves the clock past every account's reconfirmation period.
    it('asks a user whose recovery email is due to reconfirm it with a code, then signs them in', async () => {
      target.advance(181 * dayMs);
      const answer = succeeded('signIn', await signIn(people.due));
      assert.equal(answer.status, 'confirm-email');
      assert.equal(answer.email, people.due.email);
      const flowId = answer.flowId as string;
      succeeded('emailConfirmSend', await call('emailConfirmSend', { flowId }));
      const code = await target.code(people.due.email, 1);
      assert.deepEqual(
        succeeded(
          'emailConfirmVerify',
          await call('emailConfirmVerify', { flowId, body: { code } }),
        ),
        { status: 'signed-in' },
      );
    });
  });
}
