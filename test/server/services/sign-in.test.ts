/**
 * Sign-in through the real HTTP API (docs/security.md, rules 14-17 and 22): one answer for unknown,
 * wrong and locked, a KDF run for unknown users too, lockout with escalation, per-IP throttling,
 * sessions, and the reconfirmation of an old recovery email.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addUser as addContosoUser,
  adminCommand,
  startTestServer,
  type TestServer,
} from '../support/in-process.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';
import { apiOf, median } from '../support/http.js';
import { codeIn, startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
const password = 'a long enough demo passphrase';

describe('server: sign-in', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;

  const addUser = (email: string) => addContosoUser(dataDir, email, password);

  const signIn = (identifier: string, secret: string, ip = freshIp()) =>
    api.post('/sign-in', { identifier, password: secret }, { ip });

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
    server = await startTestServer({ dataDir, smtpUrl: sink.url });
    api = apiOf(server.url);
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('signs in with a session cookie, and answers unknown user and wrong password alike', async () => {
    const ok = await signIn(' ADA@Contoso.Example ', 'correct horse battery staple');
    assert.deepEqual([ok.status, ok.body], [200, { status: 'signed-in' }]);
    assert.match(ok.headers.get('set-cookie') ?? '', /HttpOnly; Secure; SameSite=Lax$/);
    // NFKC: a full-width address (as some phone keyboards type it) is the same account.
    const wide = await signIn(
      'ＡＤＡ＠ｃｏｎｔｏｓｏ．ｅｘａｍｐｌｅ',
      'correct horse battery staple',
    );
    assert.deepEqual([wide.status, wide.body], [200, { status: 'signed-in' }]);
    const wrong = await signIn('ada@contoso.example', 'not the password at all');
    const unknown = await signIn('nobody@contoso.example', 'not the password at all');
    const shape = (answer: typeof wrong) => [
      answer.status,
      answer.text,
      [...answer.headers.keys()].filter((name) => name !== 'date'),
    ];
    assert.deepEqual(shape(wrong), [401, '{"error":"invalid_credentials"}', shape(unknown)[2]]);
    assert.deepEqual(shape(unknown), shape(wrong));
    assert.equal(wrong.headers.get('set-cookie'), null);
  });

  it('costs an unknown user one KDF run, as much as a wrong password', async () => {
    const time = async (identifier: string) => {
      const started = performance.now();
      await signIn(identifier, 'not the password at all', '192.0.2.250');
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      known.push(await time('grace@contoso.example'));
      unknown.push(await time('nobody-at-all@contoso.example'));
    }
    console.log(
      `sign-in medians: wrong password ${median(known).toFixed(0)} ms, unknown user ${median(unknown).toFixed(0)} ms`,
    );
    assert.ok(median(unknown) > median(known) * 0.7, 'an unknown user skipped the KDF');
  });

  it('locks after 10 failures for 60 s, doubling per further lock, and a reset unlocks', async () => {
    const email = 'lock@contoso.example';
    await addUser(email);
    // Case and whitespace variants of the address share one counter (rule 16).
    const variants = [email, ' LOCK@contoso.example', 'Lock@Contoso.Example '];
    for (let failure = 0; failure < 10; failure += 1) {
      assert.equal((await signIn(variants[failure % 3]!, 'wrong password here')).status, 401);
    }
    const locked = await signIn(email, password);
    assert.deepEqual([locked.status, locked.body], [401, { error: 'invalid_credentials' }]);
    server.clock.advance(61_000);
    assert.equal((await signIn(email, password)).status, 200);

    // A success resets the count, so lock it afresh; the second lock in a row lasts 120 s.
    for (let round = 0; round < 2; round += 1) {
      for (let failure = 0; failure < 10; failure += 1) await signIn(email, 'wrong password here');
      if (round === 0) server.clock.advance(61_000);
    }
    server.clock.advance(61_000);
    assert.equal((await signIn(email, password)).status, 401, 'the second lock ended after 60 s');
    server.clock.advance(60_000);
    assert.equal((await signIn(email, password)).status, 200);

    for (let failure = 0; failure < 10; failure += 1) await signIn(email, 'wrong password here');
    assert.equal((await signIn(email, password)).status, 401);
    const ip = freshIp();
    const started = await api.post('/password-reset', { email }, { ip });
    const code = codeIn(await sink.waitFor(email));
    const flowId = started.body.flowId as string;
    assert.equal(
      (await api.post(`/password-reset/${flowId}/verify`, { code }, { ip })).status,
      200,
    );
    assert.equal(
      (
        await api.post(
          `/password-reset/${flowId}/password`,
          { password: 'opened again by a reset' },
          { ip },
        )
      ).status,
      200,
    );
    assert.equal((await signIn(email, 'opened again by a reset')).status, 200);

    const audit = await adminCommand(dataDir, { command: 'audit', tenant: 'contoso' });
    assert.ok(audit.ok);
    assert.match(audit.lines.join('\n'), /account locked\s+4\b/);
  });

  it('answers 429 with Retry-After once a client address used up its failures for the hour', async () => {
    const ip = freshIp();
    const started = await api.post('/password-reset', { email: 'nobody@contoso.example' }, { ip });
    let flowId = started.body.flowId as string;
    for (let failure = 0; failure < 100; failure += 1) {
      if (failure % 5 === 0 && failure > 0) {
        flowId = (await api.post('/password-reset', { email: 'nobody@contoso.example' }, { ip }))
          .body.flowId as string;
      }
      assert.equal(
        (await api.post(`/password-reset/${flowId}/verify`, { code: '123456' }, { ip })).status,
        422,
      );
    }
    const throttled = await signIn('ada@contoso.example', 'correct horse battery staple', ip);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error, 'too_many_requests');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    assert.ok(retryAfter > 3_000 && retryAfter <= 3_600, `Retry-After ${retryAfter}`);
    assert.equal(
      (await api.post(`/password-reset/${flowId}/verify`, { code: '123456' }, { ip })).status,
      429,
    );
    // Other clients are not affected, and the budget comes back after the hour.
    assert.equal((await signIn('ada@contoso.example', 'correct horse battery staple')).status, 200);
    server.clock.advance(3_601_000);
    assert.equal(
      (await signIn('ada@contoso.example', 'correct horse battery staple', ip)).status,
      200,
    );
  });

  it('asks for the recovery email to be reconfirmed when it is older than the tenant allows', async () => {
    const ip = freshIp();
    const first = await signIn('grace@contoso.example', 'compilers are friendly', ip);
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'confirm-email');
    assert.equal(first.body.email, 'grace@contoso.example');
    assert.equal(first.headers.get('set-cookie'), null);
    const flowId = first.body.flowId as string;
    assert.deepEqual(
      (await api.post(`/email-confirmation/${flowId}/verify`, { code: '123456' }, { ip })).body,
      {
        error: 'code_rejected',
        attemptsLeft: 0,
      },
    );
    assert.equal((await api.post(`/email-confirmation/${flowId}/send`, {}, { ip })).status, 202);
    const mail = await sink.waitFor('grace@contoso.example');
    assert.match(mail.text, /confirm that this is still the email address of your Contoso account/);
    const confirmed = await api.post(
      `/email-confirmation/${flowId}/verify`,
      { code: codeIn(mail) },
      { ip },
    );
    assert.deepEqual([confirmed.status, confirmed.body], [200, { status: 'signed-in' }]);
    assert.match(confirmed.headers.get('set-cookie') ?? '', /^gatehouse_session=/);
    const again = await signIn('grace@contoso.example', 'compilers are friendly', ip);
    assert.deepEqual(again.body, { status: 'signed-in' });
  });

  it('refuses passwords over 128 characters at sign-in without hashing them', async () => {
    const started = performance.now();
    const answer = await signIn('ada@contoso.example', 'x'.repeat(129));
    assert.deepEqual([answer.status, answer.body], [401, { error: 'invalid_credentials' }]);
    assert.ok(performance.now() - started < 300);
  });
});
