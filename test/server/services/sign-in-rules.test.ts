/**
 * Sign-in's rules at the service (src/server/services/sign-in.ts), without a server and on a clock
 * that moves only when told: one answer for unknown, wrong, locked and must-reset, the lock at
 * exactly the Nth failure in a row and to the millisecond of its end, the per-IP budget, the
 * 128-character ceiling, tickets for embedded sign-ins, and the reconfirmation of an old recovery
 * email (docs/security.md, rules 14-16 and 22). Small and fast, so that `npm run test:mutation`
 * can run it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dayMs } from '../../../src/rules/limits.js';
import { currentParams } from '../../../src/server/security/password-hash.js';
import { signIn } from '../../../src/server/services/sign-in.js';
import { findSession, takeTicket } from '../../../src/server/store/sessions.js';
import { findUser } from '../../../src/server/store/users.js';
import type { Tenant } from '../../../src/tenant/tenant.schema.js';
import { openServiceHarness, type ServiceHarness } from '../support/service-context.js';

const password = 'a long enough demo passphrase';
const wrongPassword = 'not the password at all';
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const invalid = { ok: false, failure: { error: 'invalid_credentials' } };

describe('services: sign-in', () => {
  let h: ServiceHarness;
  const contoso = () => h.tenant('contoso');
  const attempt = (
    identifier: string,
    secret: string,
    options: { tenant?: Tenant; ip?: string; clientId?: string } = {},
  ) =>
    signIn(
      h.context,
      options.tenant ?? contoso(),
      identifier,
      secret,
      h.meta(options.ip ?? freshIp()),
      options.clientId,
    );
  const events = async (email: string) =>
    (
      await h.db.query<{ event: string; has_user: boolean }>(
        'SELECT event, user_id IS NOT NULL AS has_user FROM audit_events WHERE email = $1 ORDER BY id',
        [email],
      )
    ).map((row) => `${row.event}${row.has_user ? '' : ' (no account)'}`);

  before(async () => {
    h = await openServiceHarness({ signInFailuresBeforeLock: 3, failuresPerIpPerHour: 4 });
  });

  after(async () => {
    await h?.close();
  });

  it('signs in with a session that lasts its lifetime, upgrading an old hash, and audits it', async () => {
    // An older hash: a shorter key than today's.
    await h.addUser({ email: 'ada@contoso.example' }, password, {
      ...currentParams,
      keyLength: 16,
    });
    const answer = await attempt(' ADA@Contoso.Example ', password);
    assert.ok(answer.ok);
    assert.deepEqual(answer.value.response, { status: 'signed-in' });
    const sessionId = answer.value.sessionId!;
    assert.match(sessionId, /^[A-Za-z0-9_-]{43}$/);
    const user = (await findUser(h.db, 'contoso', 'ada@contoso.example'))!;
    assert.deepEqual(user.password?.params, currentParams);
    assert.equal(Buffer.from(user.password!.hash, 'base64').length, 32);
    // The upgraded hash still takes the password, and is today's: it is kept as it is.
    assert.equal((await attempt('ada@contoso.example', password)).ok, true);
    const kept = (await findUser(h.db, 'contoso', 'ada@contoso.example'))!;
    assert.deepEqual(kept.password, user.password);
    const end = h.clock.now() + h.context.limits.sessionLifetimeMs;
    assert.equal((await findSession(h.db, sessionId, new Date(end - 1)))?.userId, user.id);
    assert.equal(await findSession(h.db, sessionId, new Date(end)), undefined);
    assert.deepEqual(await events('ada@contoso.example'), [
      'sign_in_succeeded',
      'sign_in_succeeded',
    ]);
  });

  it('answers an unknown user, a wrong password and an account that must reset alike', async () => {
    const user = await h.addUser({ email: 'must@contoso.example' }, password);
    await h.db.query('UPDATE users SET must_reset = true WHERE id = $1', [user.id]);
    await h.addUser({ email: 'grace@contoso.example' }, password);
    assert.deepEqual(await attempt('nobody@contoso.example', wrongPassword), invalid);
    assert.deepEqual(await attempt('grace@contoso.example', wrongPassword), invalid);
    assert.deepEqual(await attempt('must@contoso.example', password), invalid);
    assert.deepEqual(await events('nobody@contoso.example'), ['sign_in_failed (no account)']);
    assert.deepEqual(await events('grace@contoso.example'), ['sign_in_failed']);
    assert.deepEqual(await events('must@contoso.example'), ['sign_in_failed']);
    // The dummy password, which unknown and must-reset accounts are checked against, opens neither.
    assert.deepEqual(await attempt('nobody@contoso.example', 'the dummy password'), invalid);
    assert.deepEqual(await attempt('must@contoso.example', 'the dummy password'), invalid);
  });

  it('locks at exactly the third failure in a row, until the very millisecond the lock ends', async () => {
    await h.addUser({ email: 'lock@contoso.example' }, password);
    const ip = '192.0.2.77';
    // Two failures, then the right password: the count starts again.
    for (let round = 0; round < 2; round += 1) {
      assert.deepEqual(await attempt('lock@contoso.example', wrongPassword, { ip }), invalid);
    }
    assert.equal((await attempt('lock@contoso.example', password, { ip })).ok, true);
    for (let round = 0; round < 2; round += 1) {
      assert.deepEqual(await attempt('lock@contoso.example', wrongPassword), invalid);
    }
    assert.equal((await findUser(h.db, 'contoso', 'lock@contoso.example'))!.lockedUntil, null);
    assert.deepEqual(await attempt('lock@contoso.example', wrongPassword), invalid);
    const locked = (await findUser(h.db, 'contoso', 'lock@contoso.example'))!;
    assert.equal(locked.lockedUntil?.getTime(), h.clock.now() + 60_000);
    h.clock.advance(60_000 - 1);
    assert.deepEqual(await attempt('lock@contoso.example', password), invalid);
    h.clock.advance(1);
    assert.equal((await attempt('lock@contoso.example', password)).ok, true);
    const audited = (await events('lock@contoso.example')).filter((e) => e !== 'sign_in_failed');
    assert.deepEqual(audited, ['sign_in_succeeded', 'account_locked', 'sign_in_succeeded']);
  });

  it('takes no failure of the client for a right password, and refuses once the hour is used up', async () => {
    await h.addUser({ email: 'ip@contoso.example' }, password);
    const ip = '192.0.2.200';
    for (let round = 0; round < 3; round += 1) {
      assert.deepEqual(await attempt('nobody@contoso.example', wrongPassword, { ip }), invalid);
    }
    // The fourth place is taken and given back, twice: the right password costs nothing.
    assert.equal((await attempt('ip@contoso.example', password, { ip })).ok, true);
    assert.equal((await attempt('ip@contoso.example', password, { ip })).ok, true);
    assert.deepEqual(await attempt('nobody@contoso.example', wrongPassword, { ip }), invalid);
    h.clock.advance(1_000);
    const refused = { ok: false, failure: { error: 'too_many_requests', retryAfter: 3599 } };
    assert.deepEqual(await attempt('ip@contoso.example', password, { ip }), refused);
  });

  it('takes a password of up to 128 characters, and refuses a longer one without judging it', async () => {
    const longest = 'x'.repeat(128);
    await h.addUser({ email: 'long@contoso.example' }, longest);
    await h.addUser({ email: 'longer@contoso.example' }, `${longest}x`);
    assert.equal((await attempt('long@contoso.example', longest)).ok, true);
    assert.deepEqual(await attempt('longer@contoso.example', `${longest}x`), invalid);
  });

  it('gives an embedded sign-in a ticket instead of a session, only for a known app', async () => {
    await h.addUser({ email: 'embedded@contoso.example' }, password);
    assert.deepEqual(
      await attempt('embedded@contoso.example', password, { clientId: 'no-such-app' }),
      { ok: false, failure: { error: 'invalid_request' } },
    );
    // Any of the tenant's apps will do.
    const twoApps: Tenant = {
      ...contoso(),
      clients: [{ ...contoso().clients![0]!, id: 'first-app' }, ...contoso().clients!],
    };
    const second = await attempt('embedded@contoso.example', password, {
      tenant: twoApps,
      clientId: 'example-web-app',
    });
    assert.equal(second.ok && second.value.response.status, 'signed-in');
    // A tenant without apps takes no embedded sign-in at all.
    const { clients: _clients, ...appless } = contoso();
    assert.deepEqual(
      await attempt('embedded@contoso.example', password, {
        tenant: appless,
        clientId: 'example-web-app',
      }),
      { ok: false, failure: { error: 'invalid_request' } },
    );
    const answer = await attempt('embedded@contoso.example', password, {
      clientId: 'example-web-app',
    });
    assert.ok(answer.ok);
    assert.equal(answer.value.sessionId, undefined);
    const response = answer.value.response as { status: string; ticket: string };
    assert.equal(response.status, 'signed-in');
    const user = (await findUser(h.db, 'contoso', 'embedded@contoso.example'))!;
    // The ticket lives the ticket's minute, not a session's hours.
    const end = h.clock.now() + h.context.limits.ticketLifetimeMs;
    assert.equal(await takeTicket(h.db, response.ticket, new Date(end)), undefined);
    const again = await attempt('embedded@contoso.example', password, {
      clientId: 'example-web-app',
    });
    assert.ok(again.ok);
    const ticket = (again.value.response as { ticket: string }).ticket;
    assert.equal((await takeTicket(h.db, ticket, new Date(end - 1)))?.userId, user.id);
  });

  it('asks to reconfirm a recovery email confirmed longer ago than the tenant allows, not sooner', async () => {
    const days180 = 180 * dayMs;
    const confirmedAgo = (ms: number) => new Date(h.clock.now() - ms);
    await h.addUser(
      { email: 'fresh@contoso.example', emailConfirmedAt: confirmedAgo(days180) },
      password,
    );
    await h.addUser(
      { email: 'stale@contoso.example', emailConfirmedAt: confirmedAgo(days180 + 1) },
      password,
    );
    await h.addUser({ email: 'never@contoso.example', emailConfirmedAt: null }, password);
    await h.addUser(
      { tenant: 'fabrikam', email: 'never@fabrikam.example', emailConfirmedAt: null },
      password,
    );
    const fresh = await attempt('fresh@contoso.example', password);
    assert.equal(fresh.ok && fresh.value.response.status, 'signed-in');
    for (const email of ['stale@contoso.example', 'never@contoso.example']) {
      const answer = await attempt(email, password);
      assert.ok(answer.ok);
      assert.equal(answer.value.sessionId, undefined);
      const response = answer.value.response as { status: string; flowId: string; email: string };
      assert.deepEqual([response.status, response.email], ['confirm-email', email]);
      assert.match(response.flowId, /^[A-Za-z0-9_-]{32}$/);
      const [flow] = await h.db.query<{ kind: string; email: string; sent: boolean; may: boolean }>(
        `SELECT kind, email, last_sent_at IS NOT NULL AS sent, may_reset AS may, code_hash
         FROM code_flows WHERE id = $1`,
        [response.flowId],
      );
      assert.deepEqual(flow, { kind: 'confirm', email, sent: false, may: false, code_hash: null });
      assert.deepEqual(await events(email), ['email_confirmation_required']);
    }
    // A tenant that never asks (0 days) signs in an address never confirmed.
    const fabrikam = await attempt('never@fabrikam.example', password, {
      tenant: h.tenant('fabrikam'),
    });
    assert.equal(fabrikam.ok && fabrikam.value.response.status, 'signed-in');
  });

  it('makes a username account without a proven recovery email register one first', async () => {
    const northwind = h.tenant('northwind');
    const confirmedAgo = (days: number) => new Date(h.clock.now() - days * dayMs);
    await h.addUser({ tenant: 'northwind', email: 'none', emailConfirmedAt: null }, password);
    await h.addUser(
      {
        tenant: 'northwind',
        email: 'unproven',
        recoveryEmail: 'unproven@mail.example',
        emailConfirmedAt: null,
      },
      password,
    );
    await h.addUser(
      { tenant: 'northwind', email: 'proven', recoveryEmail: 'proven@mail.example' },
      password,
    );
    await h.addUser(
      {
        tenant: 'northwind',
        email: 'old',
        recoveryEmail: 'old@mail.example',
        emailConfirmedAt: confirmedAgo(366),
      },
      password,
    );
    const status = async (username: string) => {
      const answer = await attempt(username, password, { tenant: northwind });
      assert.ok(answer.ok, username);
      const response = answer.value.response as { status: string; flowId?: string; email?: string };
      if (!response.flowId) return [response.status];
      const [flow] = await h.db.query<{ kind: string; email: string }>(
        'SELECT kind, email FROM code_flows WHERE id = $1',
        [response.flowId],
      );
      return [response.status, response.email, flow!.kind, flow!.email];
    };
    assert.deepEqual(await status('none'), ['register-email', undefined, 'register', '']);
    assert.deepEqual(await status('unproven'), ['register-email', undefined, 'register', '']);
    assert.deepEqual(await status('proven'), ['signed-in']);
    assert.deepEqual(await status('old'), [
      'confirm-email',
      'old@mail.example',
      'confirm',
      'old@mail.example',
    ]);
    // A username tenant that demands no recovery email signs in an account without one.
    const relaxed: Tenant = { ...northwind, requireRecoveryRegistration: false };
    const none = await attempt('none', password, { tenant: relaxed });
    assert.equal(none.ok && none.value.response.status, 'signed-in');
    // An email tenant that demands a registered address asks its own address to be confirmed.
    const demanding: Tenant = {
      ...contoso(),
      requireRecoveryRegistration: true,
      reconfirmEmailAfterDays: 0,
    };
    await h.addUser({ email: 'unregistered@contoso.example', emailConfirmedAt: null }, password);
    const answer = await attempt('unregistered@contoso.example', password, { tenant: demanding });
    assert.ok(answer.ok);
    assert.equal(answer.value.response.status, 'confirm-email');
  });
});
