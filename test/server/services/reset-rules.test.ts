/**
 * The password reset's rules at the service (src/server/services/password-reset.ts and codes.ts),
 * without a server and on a clock that moves only when told: one answer whatever the address, a
 * code that dies at exactly its lifetime or its fifth wrong try, the 30 s between sends and the
 * hourly cap, the per-IP and per-account failure budgets, and the order start, code, password
 * (docs/security.md, rules 6-13). Small and fast, so that `npm run test:mutation` can run it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '../../../src/server/database/database.js';
import { codeMail, newFlowId, sendAnotherCode } from '../../../src/server/services/codes.js';
import {
  mayReset,
  resendResetCode,
  resetStatus,
  setNewPassword,
  startReset,
  verifyResetCode,
} from '../../../src/server/services/password-reset.js';
import { signIn } from '../../../src/server/services/sign-in.js';
import { findOpenFlow, flowInsert } from '../../../src/server/store/code-flows.js';
import { createSession, findSession } from '../../../src/server/store/sessions.js';
import type { Limits } from '../../../src/rules/limits.js';
import { openServiceHarness, type ServiceHarness } from '../support/service-context.js';

const password = 'a long enough demo passphrase';
const newPassword = 'another long enough passphrase';
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('services: the password reset', () => {
  let h: ServiceHarness;
  const contoso = () => h.tenant('contoso');
  const start = (email: string, tenant = contoso(), ip = freshIp()) =>
    startReset(h.context, tenant, { email }, h.meta(ip));
  const verify = (flowId: string, code: string, ip = freshIp()) =>
    verifyResetCode(h.context, contoso(), flowId, code, h.meta(ip));
  /** The code of the newest message to `to`. */
  const lastCode = async (to: string) => {
    const mail = (await h.mails()).filter((message) => message.recipient === to).at(-1);
    return mail?.content.code as string | undefined;
  };
  const flowRow = async (id: string) =>
    (
      await h.db.query<{
        code_hash: string | null;
        user_id: string | null;
        may_reset: boolean;
        email: string;
      }>('SELECT code_hash, user_id, may_reset, email FROM code_flows WHERE id = $1', [id])
    )[0]!;
  const started = async (email: string, tenant = contoso()) => {
    const answer = await start(email, tenant);
    assert.ok(answer.ok);
    return answer.value.flowId;
  };
  const wait = (seconds: number) => h.clock.advance(seconds * 1000);
  /** Runs `work` with some limits lowered, so that they are reached in a few requests. */
  const withLimits = async (changes: Partial<Limits>, work: () => Promise<void>) => {
    const saved = h.context.limits;
    h.context.limits = { ...saved, ...changes };
    try {
      await work();
    } finally {
      h.context.limits = saved;
    }
  };

  before(async () => {
    h = await openServiceHarness({ codesPerAddressPerHour: 3 });
  });

  after(async () => {
    await h?.close();
  });

  it('answers a known and an unknown address alike, and mails only the known one its code', async () => {
    await h.addUser({ email: 'ada@contoso.example' }, password);
    const known = await start(' ADA@Contoso.Example ');
    const unknown = await start('nobody@contoso.example');
    assert.ok(known.ok && unknown.ok);
    assert.equal(known.value.resendAfter, 30);
    assert.equal(unknown.value.resendAfter, 30);
    assert.match(known.value.flowId, /^[A-Za-z0-9_-]{32}$/);
    assert.match(unknown.value.flowId, /^[A-Za-z0-9_-]{32}$/);
    const mails = await h.mails();
    assert.deepEqual(
      mails.map((mail) => [mail.recipient, mail.kind, mail.content.purpose]),
      [['ada@contoso.example', 'verification-code', 'reset']],
    );
    assert.match(String(mails[0]!.content.code), /^\d{6}$/);
    assert.equal(mails[0]!.content.validMinutes, 10);
    assert.equal(mails[0]!.content.expiresAt, h.clock.now() + 600_000);
    const [queued] = await h.db.query<{ audit_delivered: string }>(
      `SELECT audit_delivered FROM mail_outbox WHERE recipient = 'ada@contoso.example'`,
    );
    assert.equal(queued!.audit_delivered, 'code_sent');
    // The unknown address's flow has no code at all, and no account.
    const unknownFlow = await flowRow(unknown.value.flowId);
    assert.deepEqual([unknownFlow.code_hash, unknownFlow.user_id], [null, null]);
    assert.notEqual((await flowRow(known.value.flowId)).code_hash, null);
    // Both are audited under the normalised name.
    const audit = await h.db.query<{ email: string; user_id: string | null }>(
      `SELECT email, user_id FROM audit_events WHERE event = 'reset_started' ORDER BY email`,
    );
    assert.deepEqual(
      audit.map((row) => [row.email, row.user_id !== null]),
      [
        ['ada@contoso.example', true],
        ['nobody@contoso.example', false],
      ],
    );
  });

  it('refuses a start that names the account the other way than the tenant signs in', async () => {
    assert.deepEqual(
      await startReset(h.context, h.tenant('northwind'), { email: 'a@b.example' }, h.meta('x')),
      { ok: false, failure: { error: 'invalid_request' } },
    );
    assert.deepEqual(await startReset(h.context, contoso(), { username: 'ada' }, h.meta('x')), {
      ok: false,
      failure: { error: 'invalid_request' },
    });
  });

  it('sends a member of no allowed group the notice instead of a code, and a flow that cannot reset', async () => {
    const fabrikam = h.tenant('fabrikam');
    await h.addUser({ tenant: 'fabrikam', email: 'joan@fabrikam.example' }, password);
    await h.addUser(
      { tenant: 'fabrikam', email: 'kim@fabrikam.example', groups: ['sspr-enabled'] },
      password,
    );
    const joan = await started('joan@fabrikam.example', fabrikam);
    const kim = await started('kim@fabrikam.example', fabrikam);
    const mails = (await h.mails()).filter((mail) => mail.recipient.endsWith('@fabrikam.example'));
    assert.deepEqual(mails.map((mail) => [mail.recipient, mail.kind]).sort(), [
      ['joan@fabrikam.example', 'reset-not-allowed'],
      ['kim@fabrikam.example', 'verification-code'],
    ]);
    assert.deepEqual(
      [(await flowRow(joan)).may_reset, (await flowRow(joan)).code_hash],
      [false, null],
    );
    assert.equal((await flowRow(kim)).may_reset, true);
    // Each switch of the tenant decides alone.
    const only = (enabled: 'none' | 'all') => ({ ...fabrikam, selfServiceReset: { enabled } });
    assert.equal(mayReset(only('none'), ['sspr-enabled']), false);
    assert.equal(mayReset(only('all'), []), true);
    assert.equal(mayReset(fabrikam, ['other', 'sspr-enabled']), true);
    assert.equal(mayReset(fabrikam, ['other']), false);
  });

  it('lets a user who must reset do so where the tenant allows nobody else', async () => {
    const user = await h.addUser({ tenant: 'fabrikam', email: 'must@fabrikam.example' }, password);
    await h.db.query('UPDATE users SET must_reset = true WHERE id = $1', [user.id]);
    const flow = await started('must@fabrikam.example', h.tenant('fabrikam'));
    assert.equal((await flowRow(flow)).may_reset, true);
    assert.equal(
      (await h.mails()).filter((m) => m.recipient === user.email)[0]?.kind,
      'verification-code',
    );
  });

  it("sends a username account's code to its recovery email only once that address is proven", async () => {
    const northwind = h.tenant('northwind');
    await h.addUser(
      { tenant: 'northwind', email: 'proven', recoveryEmail: 'proven@mail.example' },
      password,
    );
    await h.addUser(
      {
        tenant: 'northwind',
        email: 'unproven',
        recoveryEmail: 'unproven@mail.example',
        emailConfirmedAt: null,
      },
      password,
    );
    await h.addUser({ tenant: 'northwind', email: 'nowhere' }, password);
    const reset = (username: string) =>
      startReset(h.context, northwind, { username }, h.meta(freshIp()));
    const proven = await reset('PROVEN');
    const unproven = await reset('unproven');
    assert.ok(proven.ok && unproven.ok);
    assert.ok(await lastCode('proven@mail.example'));
    assert.equal(await lastCode('unproven@mail.example'), undefined);
    assert.equal(
      (await h.mails()).some((mail) => mail.recipient === 'unproven'),
      false,
    );
    const unprovenFlow = await flowRow(unproven.value.flowId);
    assert.deepEqual([unprovenFlow.user_id, unprovenFlow.may_reset], [null, false]);
    assert.equal(unprovenFlow.email, 'unproven');
    // Without any recovery email, the name is all there is: no account to reach.
    const nowhere = await reset('nowhere');
    assert.ok(nowhere.ok);
    const nowhereFlow = await flowRow(nowhere.value.flowId);
    assert.deepEqual([nowhereFlow.user_id, nowhereFlow.email], [null, 'nowhere']);
    assert.equal((await flowRow(proven.value.flowId)).email, 'proven@mail.example');
    // An email account's own address takes the code even if it was never confirmed.
    await h.addUser({ email: 'unconfirmed@contoso.example', emailConfirmedAt: null }, password);
    await started('unconfirmed@contoso.example');
    assert.ok(await lastCode('unconfirmed@contoso.example'));
  });

  it('verifies a right code once, and lets the password be set once, ending every session', async () => {
    const user = await h.addUser({ email: 'grace@contoso.example' }, password);
    const session = await createSession(
      h.db,
      { tenant: 'contoso', userId: user.id },
      new Date(h.clock.now()),
      3_600_000,
    );
    const flowId = await started('grace@contoso.example');
    const code = (await lastCode('grace@contoso.example'))!;
    const early = await setNewPassword(h.context, contoso(), flowId, newPassword, h.meta('x'));
    assert.deepEqual(early, { ok: false, failure: { error: 'step_not_allowed' } });
    assert.deepEqual(await resetStatus(h.context, contoso(), flowId), {
      ok: true,
      value: { verified: false, resendAfter: 30 },
    });
    assert.deepEqual(await verify(flowId, code), { ok: true, value: { status: 'verified' } });
    assert.deepEqual(await verify(flowId, code), {
      ok: false,
      failure: { error: 'code_rejected', attemptsLeft: 0 },
    });
    wait(12);
    assert.deepEqual(await resetStatus(h.context, contoso(), flowId), {
      ok: true,
      value: { verified: true, resendAfter: 18 },
    });
    // A verified flow sends no more codes.
    wait(30);
    assert.deepEqual(await resendResetCode(h.context, contoso(), flowId, h.meta('x')), {
      ok: false,
      failure: { error: 'step_not_allowed' },
    });
    const weak = await setNewPassword(h.context, contoso(), flowId, 'short', h.meta('x'));
    assert.equal(weak.ok ? 'changed' : weak.failure.error, 'password_rejected');
    assert.deepEqual(await setNewPassword(h.context, contoso(), flowId, newPassword, h.meta('x')), {
      ok: true,
      value: { status: 'password-changed' },
    });
    assert.deepEqual(await setNewPassword(h.context, contoso(), flowId, newPassword, h.meta('x')), {
      ok: false,
      failure: { error: 'flow_not_found' },
    });
    assert.equal(await findSession(h.db, session, new Date(h.clock.now())), undefined);
    const audit = await h.db.query<{ event: string; flow_id: string | null; ip: string }>(
      `SELECT event, flow_id, ip FROM audit_events WHERE user_id = $1 ORDER BY id`,
      [user.id],
    );
    assert.deepEqual(
      audit.map((row) => [row.event, row.flow_id === flowId]),
      [
        ['reset_started', true],
        ['code_verified', true],
        ['password_set', true],
      ],
    );
    // The code proved the address: it counts as confirmed now.
    const [confirmed] = await h.db.query<{ at: Date }>(
      'SELECT email_confirmed_at AS at FROM users WHERE id = $1',
      [user.id],
    );
    assert.equal(confirmed!.at.getTime(), h.clock.now());
    const mails = (await h.mails()).filter((mail) => mail.recipient === 'grace@contoso.example');
    assert.equal(mails.at(-1)?.kind, 'password-changed');
    // Nobody is signed in by it; the new password signs in, the old one does not.
    const signInWith = (secret: string) =>
      signIn(h.context, contoso(), 'grace@contoso.example', secret, h.meta(freshIp()));
    assert.equal((await signInWith(password)).ok, false);
    assert.equal((await signInWith(newPassword)).ok, true);
  });

  it('refuses the new password of a verified flow that may not reset, or has no account', async () => {
    const verified = (flowId: string, changes = '') =>
      h.db.query(`UPDATE code_flows SET verified_at = $2${changes} WHERE id = $1`, [
        flowId,
        new Date(h.clock.now()),
      ]);
    const refusal = (flowId: string, tenant = contoso()) =>
      setNewPassword(h.context, tenant, flowId, newPassword, h.meta('x'));
    const stepNotAllowed = { ok: false, failure: { error: 'step_not_allowed' } };
    // An account that may not reset (fabrikam's joan, from above).
    const fabrikam = h.tenant('fabrikam');
    const joan = await started('joan@fabrikam.example', fabrikam);
    await verified(joan);
    assert.deepEqual(await refusal(joan, fabrikam), stepNotAllowed);
    // A flow without an account, even one marked as allowed.
    const nobody = await started('nobody-else@contoso.example');
    await verified(nobody, ', may_reset = true');
    assert.deepEqual(await refusal(nobody), stepNotAllowed);
    // An account removed after its code was verified.
    const user = await h.addUser({ email: 'gone@contoso.example' }, password);
    const gone = await started('gone@contoso.example');
    await verified(gone);
    await h.db.query('DELETE FROM users WHERE id = $1', [user.id]);
    assert.deepEqual(await refusal(gone), { ok: false, failure: { error: 'flow_not_found' } });
  });

  it('takes a code until exactly its 600th second, and not from then on', async () => {
    await h.addUser({ email: 'ttl@contoso.example' }, password);
    const live = await started('ttl@contoso.example');
    const code = (await lastCode('ttl@contoso.example'))!;
    wait(600);
    assert.deepEqual(await verify(live, code), {
      ok: false,
      failure: { error: 'code_rejected', attemptsLeft: 0 },
    });
    // Refused as a failure: audited, and the client's failure is not given back.
    const failed = await h.db.query(
      `SELECT 1 FROM audit_events WHERE event = 'code_failed' AND flow_id = $1`,
      [live],
    );
    assert.equal(failed.length, 1);
    wait(31);
    assert.equal((await resendResetCode(h.context, contoso(), live, h.meta('x'))).ok, true);
    const second = (await lastCode('ttl@contoso.example'))!;
    h.clock.advance(600_000 - 1);
    assert.deepEqual(await verify(live, second), { ok: true, value: { status: 'verified' } });
  });

  it('kills a code at its fifth wrong try, counting down, and the right code then too', async () => {
    await h.addUser({ email: 'tries@contoso.example' }, password);
    const flowId = await started('tries@contoso.example');
    const code = (await lastCode('tries@contoso.example'))!;
    const wrong = code === '000000' ? '000001' : '000000';
    for (const left of [4, 3, 2, 1, 0]) {
      assert.deepEqual(await verify(flowId, wrong), {
        ok: false,
        failure: { error: 'code_rejected', attemptsLeft: left },
      });
    }
    assert.deepEqual(await verify(flowId, code), {
      ok: false,
      failure: { error: 'code_rejected', attemptsLeft: 0 },
    });
    const audited = await h.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events WHERE event = 'code_failed' AND flow_id = $1`,
      [flowId],
    );
    assert.equal(audited[0]!.count, 6);
    // A new code brings five new tries.
    wait(30);
    await resendResetCode(h.context, contoso(), flowId, h.meta('x'));
    const next = (await lastCode('tries@contoso.example'))!;
    assert.deepEqual(await verify(flowId, next === '000000' ? '000001' : '000000'), {
      ok: false,
      failure: { error: 'code_rejected', attemptsLeft: 4 },
    });
  });

  it('sends another code 30 s after the last and not sooner, the new one ending the old', async () => {
    await h.addUser({ email: 'resend@contoso.example' }, password);
    const flowId = await started('resend@contoso.example');
    const first = (await lastCode('resend@contoso.example'))!;
    wait(10);
    assert.deepEqual(await resendResetCode(h.context, contoso(), flowId, h.meta('x')), {
      ok: false,
      failure: { error: 'too_many_requests', retryAfter: 20 },
    });
    h.clock.advance(20_000 - 1);
    assert.equal((await resendResetCode(h.context, contoso(), flowId, h.meta('x'))).ok, false);
    h.clock.advance(1);
    assert.deepEqual(await resendResetCode(h.context, contoso(), flowId, h.meta('x')), {
      ok: true,
      value: { resendAfter: 30 },
    });
    const second = (await lastCode('resend@contoso.example'))!;
    // Once handed over, the message is audited as the resend it is.
    const [queued] = await h.db.query<{ audit_delivered: string }>(
      `SELECT audit_delivered FROM mail_outbox WHERE recipient = 'resend@contoso.example'`,
    );
    assert.equal(queued!.audit_delivered, 'code_resent');
    const mails = (await h.mails()).filter((m) => m.recipient === 'resend@contoso.example');
    // The second message replaced the first, which was still waiting.
    assert.equal(mails.length, 1);
    if (first !== second) {
      assert.equal((await verify(flowId, first)).ok, false);
    }
    assert.deepEqual(await verify(flowId, second), { ok: true, value: { status: 'verified' } });
    assert.deepEqual(await resendResetCode(h.context, contoso(), newFlowId(), h.meta('x')), {
      ok: false,
      failure: { error: 'flow_not_found' },
    });
    assert.deepEqual(await resetStatus(h.context, h.tenant('fabrikam'), flowId), {
      ok: false,
      failure: { error: 'flow_not_found' },
    });
  });

  it('mails an address at most three times an hour (the limit here), and a code over it goes nowhere', async () => {
    await h.addUser({ email: 'cap@contoso.example' }, password);
    const flowId = await started('cap@contoso.example');
    for (let send = 0; send < 2; send += 1) {
      wait(30);
      assert.equal((await resendResetCode(h.context, contoso(), flowId, h.meta('x'))).ok, true);
    }
    const third = (await lastCode('cap@contoso.example'))!;
    wait(30);
    // The fourth send is over the cap: it still answers the same and ends the third code.
    assert.deepEqual(await resendResetCode(h.context, contoso(), flowId, h.meta('x')), {
      ok: true,
      value: { resendAfter: 30 },
    });
    assert.equal(await lastCode('cap@contoso.example'), third);
    assert.equal((await flowRow(flowId)).code_hash, null);
    assert.equal((await verify(flowId, third)).ok, false);
    // A new start within the hour makes a flow without a code, and mails nothing.
    const over = await started('cap@contoso.example');
    assert.equal((await flowRow(over)).code_hash, null);
    assert.equal(await lastCode('cap@contoso.example'), third);
    // An hour after the first send, there is room again.
    wait(3600);
    const again = await started('cap@contoso.example');
    assert.notEqual((await flowRow(again)).code_hash, null);
  });

  it("throttles a client after its hourly failures, and gives a right code's failure back", async () => {
    await h.addUser({ email: 'ip@contoso.example' }, password);
    const flowId = await started('ip@contoso.example');
    const code = (await lastCode('ip@contoso.example'))!;
    const wrong = code === '000000' ? '000001' : '000000';
    await withLimits({ failuresPerIpPerHour: 2 }, async () => {
      const check = (value: string) => verify(flowId, value, '198.51.100.1');
      assert.equal((await check(wrong)).ok, false);
      // The right code gives its place back: the client still has one failure left after it.
      assert.equal((await check(code)).ok, true);
      // The same right code again, on the verified flow, is a failure: its place is not given back.
      assert.deepEqual(await check(code), {
        ok: false,
        failure: { error: 'code_rejected', attemptsLeft: 0 },
      });
      wait(1);
      assert.deepEqual(await check(wrong), {
        ok: false,
        failure: { error: 'too_many_requests', retryAfter: 3599 },
      });
    });
  });

  it('refuses every code of an account once its daily failures are spent, the right one too', async () => {
    await h.addUser({ email: 'day@contoso.example' }, password);
    await withLimits({ failedCodesPerAccountPerDay: 2 }, async () => {
      const begin = async () => {
        wait(30);
        const flowId = await started('day@contoso.example');
        return { flowId, code: (await lastCode('day@contoso.example'))! };
      };
      const first = await begin();
      // A right code gives the account's failure back: two wrong tries still fit after it.
      assert.equal((await verify(first.flowId, first.code)).ok, true);
      const second = await begin();
      const wrong = second.code === '000000' ? '000001' : '000000';
      assert.equal((await verify(second.flowId, wrong)).ok, false);
      assert.equal((await verify(second.flowId, wrong)).ok, false);
      // Now even the right code is refused, and the try it made is not taken from the flow.
      assert.deepEqual(await verify(second.flowId, second.code), {
        ok: false,
        failure: { error: 'code_rejected', attemptsLeft: 0 },
      });
      const [row] = await h.db.query<{ tries_left: number }>(
        'SELECT tries_left FROM code_flows WHERE id = $1',
        [second.flowId],
      );
      assert.equal(row!.tries_left, 3);
    });
  });

  it('resends to an unknown address and one that may not reset as to any other, with no code', async () => {
    const fabrikam = h.tenant('fabrikam');
    await h.addUser({ tenant: 'fabrikam', email: 'jo@fabrikam.example' }, password);
    const unknown = await started('nobody-again@contoso.example');
    const jo = await started('jo@fabrikam.example', fabrikam);
    wait(30);
    assert.deepEqual(await resendResetCode(h.context, contoso(), unknown, h.meta('x')), {
      ok: true,
      value: { resendAfter: 30 },
    });
    assert.deepEqual(await resendResetCode(h.context, fabrikam, jo, h.meta('x')), {
      ok: true,
      value: { resendAfter: 30 },
    });
    const to = async (address: string) =>
      (await h.mails()).filter((mail) => mail.recipient === address).map((mail) => mail.kind);
    assert.deepEqual(await to('nobody-again@contoso.example'), []);
    // The second notice replaced the first, which was still waiting.
    assert.deepEqual(await to('jo@fabrikam.example'), ['reset-not-allowed']);
    const [sends] = await h.db.query<{ count: number }>(
      `SELECT cardinality(stamps) AS count FROM throttle_windows WHERE kind = 'code-send' AND key = $1`,
      ['fabrikam\njo@fabrikam.example'],
    );
    assert.equal(sends!.count, 2);
    assert.equal((await flowRow(unknown)).code_hash, null);
    assert.equal((await flowRow(jo)).code_hash, null);
  });

  it('lets one of two parallel resends, right codes or new passwords through', async () => {
    await h.addUser({ email: 'race@contoso.example' }, password);
    const flowId = await started('race@contoso.example');
    wait(30);
    const resends = await Promise.all(
      [1, 2].map(() => resendResetCode(h.context, contoso(), flowId, h.meta('x'))),
    );
    assert.deepEqual(
      resends.map((answer) => (answer.ok ? 'sent' : answer.failure)).sort(),
      ['sent', { error: 'too_many_requests', retryAfter: 30 }].sort(),
    );
    const code = (await lastCode('race@contoso.example'))!;
    const verifies = await Promise.all([1, 2].map(() => verify(flowId, code)));
    assert.deepEqual(
      verifies.map((answer) => (answer.ok ? 'verified' : answer.failure)).sort(),
      ['verified', { error: 'code_rejected', attemptsLeft: 0 }].sort(),
    );
    assert.deepEqual(await verify(newFlowId(), code), {
      ok: false,
      failure: { error: 'flow_not_found' },
    });
    const sets = await Promise.all(
      [1, 2].map(() => setNewPassword(h.context, contoso(), flowId, newPassword, h.meta('x'))),
    );
    assert.deepEqual(sets.map((answer) => (answer.ok ? 'changed' : answer.failure.error)).sort(), [
      'changed',
      'flow_not_found',
    ]);
  });

  it('sends the first code of a confirmation flow that has sent none, for confirming', async () => {
    const user = await h.addUser({ email: 'confirm@contoso.example' }, password);
    const flow = {
      id: newFlowId(),
      kind: 'confirm' as const,
      tenant: 'contoso',
      email: user.email,
      userId: user.id,
      mayReset: false,
      locale: 'en',
      codeHash: null,
      sent: false,
    };
    await run(h.db, flowInsert(flow, new Date(h.clock.now()), h.context.limits));
    const open = (await findOpenFlow(
      h.db,
      flow.id,
      'confirm',
      'contoso',
      new Date(h.clock.now()),
    ))!;
    assert.deepEqual(await sendAnotherCode(h.context, contoso(), open, h.meta('x'), 'code_sent'), {
      ok: true,
      value: { resendAfter: 30 },
    });
    const mail = (await h.mails()).filter((m) => m.recipient === user.email);
    assert.deepEqual(
      mail.map((m) => [m.kind, m.content.purpose]),
      [['verification-code', 'confirm']],
    );
    assert.notEqual((await flowRow(flow.id)).code_hash, null);
  });

  it('mails a confirmation flow its code for confirming, and the notice only to a reset that may not', () => {
    const now = new Date(h.clock.now());
    const flow = { id: 'f', email: 'a@contoso.example', userId: 'u', mayReset: false };
    const mail = (kind: 'reset' | 'confirm', mayResetFlag: boolean) =>
      codeMail(
        h.context,
        contoso(),
        { ...flow, kind, mayReset: mayResetFlag },
        '123456',
        h.meta('x'),
        now,
        'code_sent',
      );
    const confirm = mail('confirm', false);
    assert.deepEqual(confirm.content, {
      kind: 'verification-code',
      purpose: 'confirm',
      code: '123456',
      validMinutes: 10,
      expiresAt: now.getTime() + 600_000,
    });
    assert.deepEqual(confirm.audit, { delivered: 'code_sent', userId: 'u', flowId: 'f' });
    assert.deepEqual([confirm.to, confirm.supersedeKey], ['a@contoso.example', 'f']);
    assert.deepEqual(mail('reset', false).content, { kind: 'reset-not-allowed' });
    assert.equal(mail('reset', false).audit?.delivered, 'reset_notice_sent');
    assert.notEqual(newFlowId(), newFlowId());
  });
});
