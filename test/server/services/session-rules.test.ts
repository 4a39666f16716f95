/**
 * Sessions without a server (src/server/store/sessions.ts, src/server/services/account-session.ts,
 * src/server/http/session-cookie.ts): a session lives to the millisecond of its lifetime and only
 * in the tenant that made it, the table keeps a hash, signing out and a new password end it, a
 * revocation ends the account's grants and tokens too, and a ticket is redeemed once
 * (docs/security.md, rules 22, 30 and 35). Small and fast, so that `npm run test:mutation` can run it.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import {
  clearSessionCookie,
  sessionCookieName,
  sessionIdOf,
  setSessionCookie,
} from '../../../src/server/http/session-cookie.js';
import {
  changePassword,
  readSession,
  signOut,
} from '../../../src/server/services/account-session.js';
import {
  countSessionsOfUser,
  createSession,
  createTicket,
  endSession,
  endSessionsOfUser,
  findSession,
  pruneSessions,
  revokeSessionsOfUser,
  sessionCountsOfTenant,
  takeTicket,
} from '../../../src/server/store/sessions.js';
import type { User } from '../../../src/server/store/users.js';
import { openServiceHarness, type ServiceHarness } from '../support/service-context.js';

const password = 'a long enough demo passphrase';
const newPassword = 'another long enough passphrase';
const hourMs = 3_600_000;

describe('sessions', () => {
  let h: ServiceHarness;
  const contoso = () => h.tenant('contoso');
  const now = () => new Date(h.clock.now());
  const startSession = (user: User, lifetimeMs = hourMs, tenant = 'contoso') =>
    createSession(h.db, { tenant, userId: user.id }, now(), lifetimeMs);
  const read = async (sessionId: string | undefined, tenant = contoso()) => {
    const answer = await readSession(h.context, tenant, sessionId);
    assert.ok(answer.ok);
    return answer.value;
  };
  const oidcRow = (
    user: User,
    model: string,
    id: string,
    grantId: string | null,
    tenant = 'contoso',
  ) =>
    h.db.query(
      `INSERT INTO oidc_models (tenant, model, id, payload, grant_id, account_id)
       VALUES ($1, $2, $3, '{}', $4, $5)`,
      [tenant, model, id, grantId, user.id],
    );
  const oidcModels = async () =>
    (
      await h.db.query<{ tenant: string; model: string; id: string }>(
        'SELECT tenant, model, id FROM oidc_models ORDER BY tenant, model, id',
      )
    ).map((row) => `${row.tenant}/${row.model}/${row.id}`);

  before(async () => {
    h = await openServiceHarness({ signInFailuresBeforeLock: 2, failuresPerIpPerHour: 6 });
  });

  after(async () => {
    await h?.close();
  });

  it('keeps a session until exactly its lifetime, as a hash, in its own tenant only', async () => {
    const user = await h.addUser({ email: 'ada@contoso.example' }, password);
    const created = now();
    const id = await startSession(user);
    assert.match(id, /^[A-Za-z0-9_-]{43}$/);
    const [row] = await h.db.query<{ id_hash: string }>(
      'SELECT id_hash FROM sessions WHERE user_id = $1',
      [user.id],
    );
    assert.equal(row!.id_hash, createHash('sha256').update(id).digest('base64'));
    assert.deepEqual(await findSession(h.db, id, new Date(created.getTime() + hourMs - 1)), {
      tenant: 'contoso',
      userId: user.id,
      createdAt: created,
    });
    assert.equal(await findSession(h.db, id, new Date(created.getTime() + hourMs)), undefined);
    assert.equal(await findSession(h.db, `${id}x`, created), undefined);
    assert.deepEqual(await read(id), { signedIn: true, email: 'ada@contoso.example' });
    assert.deepEqual(await read(id, h.tenant('fabrikam')), { signedIn: false });
    assert.deepEqual(await read(undefined), { signedIn: false });
    assert.deepEqual(await read(''), { signedIn: false });
    h.clock.advance(hourMs);
    assert.deepEqual(await read(id), { signedIn: false });
  });

  it('signs out only the session named, audits it, and takes a second sign-out calmly', async () => {
    const user = await h.addUser({ email: 'grace@contoso.example' }, password);
    const mine = await startSession(user);
    const other = await startSession(user);
    const out = () => signOut(h.context, contoso(), mine, h.meta('192.0.2.1'));
    assert.deepEqual(await out(), { ok: true, value: { status: 'signed-out' } });
    assert.deepEqual(await out(), { ok: true, value: { status: 'signed-out' } });
    assert.deepEqual(await signOut(h.context, contoso(), undefined, h.meta('x')), {
      ok: true,
      value: { status: 'signed-out' },
    });
    assert.deepEqual(await read(mine), { signedIn: false });
    assert.deepEqual(await read(other), { signedIn: true, email: 'grace@contoso.example' });
    const audit = await h.db.query<{ event: string; user_id: string; ip: string }>(
      `SELECT event, user_id, ip FROM audit_events WHERE email = 'grace@contoso.example'`,
    );
    assert.deepEqual(audit, [{ event: 'signed_out', user_id: user.id, ip: '192.0.2.1' }]);
    // Another tenant's sign-out of this session audits nothing, yet ends the cookie's session.
    await signOut(h.context, h.tenant('fabrikam'), other, h.meta('x'));
    assert.equal(await countSessionsOfUser(h.db, user.id), 0);
    assert.equal(
      (await h.db.query(`SELECT 1 FROM audit_events WHERE event = 'signed_out'`)).length,
      1,
    );
  });

  it('changes the password on a new session, ending every other, and counts a wrong current one', async () => {
    const confirmedAt = new Date(h.clock.now() - 86_400_000);
    const user = await h.addUser(
      { email: 'change@contoso.example', emailConfirmedAt: confirmedAt },
      password,
    );
    const session = await startSession(user);
    const elsewhere = await startSession(user);
    await oidcRow(user, 'Grant', 'g1', null);
    await oidcRow(user, 'AccessToken', 't1', 'g1');
    await oidcRow(user, 'Session', 's1', null);
    const ip = '192.0.2.50';
    const change = (sessionId: string | undefined, currentPassword: string, next = newPassword) =>
      changePassword(
        h.context,
        contoso(),
        sessionId,
        { currentPassword, password: next },
        h.meta(ip),
      );
    assert.deepEqual(await change(undefined, password), {
      ok: false,
      failure: { error: 'session_required' },
    });
    assert.deepEqual(await change(session, 'not the password at all'), {
      ok: false,
      failure: { error: 'invalid_credentials' },
    });
    const weak = await change(session, password, 'short');
    assert.equal(weak.ok ? 'changed' : weak.failure.error, 'password_rejected');
    const changed = await change(session, password);
    assert.ok(changed.ok);
    assert.equal(changed.value.status, 'password-changed');
    assert.notEqual(changed.value.sessionId, session);
    assert.deepEqual(await read(changed.value.sessionId), {
      signedIn: true,
      email: 'change@contoso.example',
    });
    assert.deepEqual(await read(session), { signedIn: false });
    assert.deepEqual(await read(elsewhere), { signedIn: false });
    // Knowing the password proves nothing about the address: its confirmation keeps its date.
    const [confirmed] = await h.db.query<{ at: Date }>(
      'SELECT email_confirmed_at AS at FROM users WHERE id = $1',
      [user.id],
    );
    assert.deepEqual(confirmed!.at, confirmedAt);
    // The new session lasts a whole session's lifetime from the change.
    const end = h.clock.now() + h.context.limits.sessionLifetimeMs;
    assert.ok(await findSession(h.db, changed.value.sessionId, new Date(end - 1)));
    assert.equal(await findSession(h.db, changed.value.sessionId, new Date(end)), undefined);
    const audit = await h.db.query<{ event: string; ip: string }>(
      `SELECT event, ip FROM audit_events WHERE user_id = $1 ORDER BY id`,
      [user.id],
    );
    assert.deepEqual(
      audit.map((row) => `${row.event} ${row.ip}`),
      [`sign_in_failed ${ip}`, `password_changed ${ip}`],
    );
    // The provider's session stays (login-prompts.ts judges it), its grants and tokens go.
    assert.deepEqual(await oidcModels(), ['contoso/Session/s1']);
    const mail = (await h.mails()).filter((m) => m.recipient === 'change@contoso.example');
    assert.deepEqual(
      mail.map((m) => m.kind),
      ['password-changed'],
    );
    // A wrong current password counts as a failed sign-in: the second in a row locks (two here).
    const locked = async () =>
      (
        await h.db.query<{ locked: boolean }>(
          'SELECT locked_until IS NOT NULL AS locked FROM users WHERE id = $1',
          [user.id],
        )
      )[0]!.locked;
    assert.equal((await change(changed.value.sessionId, 'still not the password')).ok, false);
    assert.equal(await locked(), false);
    assert.equal((await change(changed.value.sessionId, 'still not the password')).ok, false);
    assert.equal(await locked(), true);
    await h.db.query(`DELETE FROM oidc_models`);
  });

  it('throttles password changes per client, and gives the right current password its place back', async () => {
    const user = await h.addUser({ email: 'throttle@contoso.example' }, password);
    let session = await startSession(user);
    const ip = '192.0.2.60';
    const change = (currentPassword: string, next: string) =>
      changePassword(
        h.context,
        contoso(),
        session,
        { currentPassword, password: next },
        h.meta(ip),
      );
    // Six places: five rights give theirs back (one rejected for its new password).
    const passwords = [
      password,
      newPassword,
      `${password} again`,
      `${newPassword} again`,
      password,
    ];
    for (const [index, current] of passwords.slice(0, -1).entries()) {
      const answer = await change(current, passwords[index + 1]!);
      assert.ok(answer.ok, `change ${index + 1}`);
      session = answer.value.sessionId;
    }
    assert.equal((await change(password, 'short')).ok, false);
    for (let failure = 0; failure < 6; failure += 1) {
      // Two failures lock the account; the client's places go on being taken.
      assert.equal((await change('wrong current password', newPassword)).ok, false);
      h.clock.advance((60 * 60_000) / 60);
    }
    assert.deepEqual(await change(password, newPassword), {
      ok: false,
      failure: { error: 'too_many_requests', retryAfter: 3600 - 360 },
    });
  });

  it('ends all sessions of an account on a reset, and its grants and tokens but not the provider session', async () => {
    const user = await h.addUser({ email: 'reset@contoso.example' }, password);
    const bystander = await h.addUser({ email: 'bystander@contoso.example' }, password);
    await startSession(user);
    await startSession(user);
    const kept = await startSession(bystander);
    await oidcRow(user, 'Grant', 'g2', null);
    await oidcRow(user, 'Interaction', 'i2', null);
    await oidcRow(user, 'Session', 's2', null);
    await oidcRow(bystander, 'Grant', 'g3', null);
    await endSessionsOfUser(h.db, user.id);
    assert.equal(await countSessionsOfUser(h.db, user.id), 0);
    assert.equal(await countSessionsOfUser(h.db, bystander.id), 1);
    assert.ok(await findSession(h.db, kept, now()));
    assert.deepEqual(await oidcModels(), [
      'contoso/Grant/g3',
      'contoso/Interaction/i2',
      'contoso/Session/s2',
    ]);
    await h.db.query(`DELETE FROM oidc_models`);
  });

  it('revokes every session, grant and token of an account, in every tenant, and counts the sessions', async () => {
    const user = await h.addUser({ email: 'revoke@contoso.example' }, password);
    const bystander = await h.addUser({ email: 'other@contoso.example' }, password);
    await startSession(user);
    await startSession(user);
    await startSession(bystander);
    await oidcRow(user, 'Grant', 'g4', null);
    await oidcRow(user, 'RefreshToken', 'r4', 'g4');
    await oidcRow(user, 'Grant', 'g5', null, 'fabrikam');
    await oidcRow(user, 'Session', 's4', null);
    // A token under the grant without the account on it still goes with its grant.
    await h.db.query(
      `INSERT INTO oidc_models (tenant, model, id, payload, grant_id) VALUES
         ('contoso', 'AccessToken', 'a4', '{}', 'g4'), ('fabrikam', 'AccessToken', 'a5', '{}', 'g5'),
         ('contoso', 'AccessToken', 'a6', '{}', 'g6'), ('fabrikam', 'AccessToken', 'a7', '{}', 'g4')`,
    );
    await oidcRow(bystander, 'Grant', 'g6', null);
    assert.equal(await revokeSessionsOfUser(h.db, user.id), 2);
    assert.equal(await countSessionsOfUser(h.db, user.id), 0);
    assert.equal(await countSessionsOfUser(h.db, bystander.id), 1);
    // Another tenant's grant of the same id is another grant: its token stays.
    assert.deepEqual(await oidcModels(), [
      'contoso/AccessToken/a6',
      'contoso/Grant/g6',
      'fabrikam/AccessToken/a7',
    ]);
    assert.equal(await revokeSessionsOfUser(h.db, user.id), 0);
    await h.db.query(`DELETE FROM oidc_models`);
  });

  it('counts the live sessions per user of one tenant, and prunes only the ended ones', async () => {
    const one = await h.addUser({ email: 'one@contoso.example' }, password);
    const two = await h.addUser({ email: 'two@contoso.example' }, password);
    const guest = await h.addUser(
      { tenant: 'fabrikam', email: 'guest@fabrikam.example' },
      password,
    );
    await startSession(one, 1_000);
    await startSession(one, 2_000);
    await startSession(two, 1_000);
    await startSession(guest, 2_000, 'fabrikam');
    const counts = async (at: number) =>
      Object.fromEntries(
        [...(await sessionCountsOfTenant(h.db, 'contoso', new Date(h.clock.now() + at)))]
          .filter(([id]) => id === one.id || id === two.id)
          .map(([id, count]) => [id === one.id ? 'one' : 'two', count]),
      );
    assert.deepEqual(await counts(999), { one: 2, two: 1 });
    assert.deepEqual(await counts(1_000), { one: 1 });
    assert.equal((await sessionCountsOfTenant(h.db, 'fabrikam', now())).get(guest.id), 1);
    // A session ending exactly at the cut is kept, one ended before it goes.
    await pruneSessions(h.db, new Date(h.clock.now() + 1_000));
    const left = await h.db.query<{ user_id: string }>(
      'SELECT user_id FROM sessions WHERE user_id = ANY($1) ORDER BY expires_at',
      [[one.id, two.id]],
    );
    assert.equal(left.length, 3);
    await pruneSessions(h.db, new Date(h.clock.now() + 1_001));
    assert.equal(await countSessionsOfUser(h.db, two.id), 0);
    assert.equal(await countSessionsOfUser(h.db, one.id), 1);
    await endSession(h.db, 'no such session');
    assert.equal(await countSessionsOfUser(h.db, one.id), 1);
  });

  it('redeems a ticket once and before it ends, and never as a session or the reverse', async () => {
    const user = await h.addUser({ email: 'ticket@contoso.example' }, password);
    const who = { tenant: 'contoso', userId: user.id };
    const created = now();
    const ticket = await createTicket(h.db, who, created, 60_000);
    assert.match(ticket, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(await findSession(h.db, ticket, created), undefined);
    const session = await startSession(user);
    assert.equal(await takeTicket(h.db, session, created), undefined);
    assert.ok(await findSession(h.db, session, created));
    assert.deepEqual(await takeTicket(h.db, ticket, new Date(created.getTime() + 59_999)), {
      tenant: 'contoso',
      userId: user.id,
      createdAt: created,
    });
    assert.equal(await takeTicket(h.db, ticket, created), undefined);
    // A late ticket is refused, and gone all the same.
    const late = await createTicket(h.db, who, created, 60_000);
    assert.equal(await takeTicket(h.db, late, new Date(created.getTime() + 60_000)), undefined);
    assert.equal(await countSessionsOfUser(h.db, user.id), 1);
  });

  it('sets the cookie HttpOnly, Secure and Lax, __Host- over HTTPS, for whole seconds, and clears it', async () => {
    const app = new Hono();
    app.get('/set/:https', (c) => {
      setSessionCookie(c, 'abc', 90_999, c.req.param('https') === 'yes');
      return c.text('');
    });
    app.get('/clear', (c) => {
      clearSessionCookie(c, true);
      return c.text('');
    });
    app.get('/read/:https', (c) => c.text(sessionIdOf(c, c.req.param('https') === 'yes') ?? '-'));
    const cookie = async (path: string) => (await app.request(path)).headers.get('set-cookie');
    assert.equal(
      await cookie('/set/yes'),
      '__Host-gatehouse_session=abc; Path=/; Max-Age=90; HttpOnly; Secure; SameSite=Lax',
    );
    assert.equal(
      await cookie('/set/no'),
      'gatehouse_session=abc; Path=/; Max-Age=90; HttpOnly; Secure; SameSite=Lax',
    );
    assert.equal(
      await cookie('/clear'),
      '__Host-gatehouse_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax',
    );
    const read = async (path: string, header: string) =>
      (await app.request(path, { headers: { cookie: header } })).text();
    assert.equal(
      await read('/read/yes', '__Host-gatehouse_session=s1; gatehouse_session=s2'),
      's1',
    );
    assert.equal(await read('/read/no', '__Host-gatehouse_session=s1; gatehouse_session=s2'), 's2');
    assert.equal(await read('/read/yes', 'gatehouse_session=s2'), '-');
    assert.equal(sessionCookieName(false), 'gatehouse_session');
  });
});
