/**
 * The reset flow through the real HTTP API on the embedded database, with an SMTP sink and a
 * clock the tests move: docs/security.md rules 6-13 and 22 as a client can observe them.
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

const ada = 'ada@contoso.example';
const adaPassword = 'correct horse battery staple';
let ipCounter = 0;
/** A client address of its own for each test, so that per-IP budgets do not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('server: password reset', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;

  /** Adds a user of contoso through the admin endpoint. */
  const addUser = (email: string, password = 'a long enough demo passphrase') =>
    addContosoUser(dataDir, email, password);

  async function startFor(email: string, ip = freshIp(), language?: string) {
    const started = await api.post(
      '/password-reset',
      { email },
      { ip, ...(language ? { language } : {}) },
    );
    assert.equal(started.status, 202);
    return started.body.flowId as string;
  }

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

  it('answers a start the same for an account, an unknown address and an account that may not reset', async () => {
    const fabrikam = apiOf(server.url, 'fabrikam');
    const answers = [
      await api.post('/password-reset', { email: ada }, { ip: freshIp() }),
      await api.post('/password-reset', { email: 'nobody@contoso.example' }, { ip: freshIp() }),
      await fabrikam.post('/password-reset', { email: 'joan@fabrikam.example' }, { ip: freshIp() }),
      await fabrikam.post(
        '/password-reset',
        { email: 'nobody@fabrikam.example' },
        { ip: freshIp() },
      ),
    ];
    const shape = (answer: (typeof answers)[number]) => ({
      status: answer.status,
      keys: Object.keys(answer.body),
      resendAfter: answer.body.resendAfter,
      flowIdLength: String(answer.body.flowId).length,
      headers: [...answer.headers.entries()].filter(([name]) => name !== 'date'),
    });
    for (const other of answers.slice(1)) assert.deepEqual(shape(other), shape(answers[0]!));
    // The email decides: a code for ada, the "ask your administrator" notice for joan, nothing for the rest.
    assert.match((await sink.waitFor(ada)).subject, /verification code/);
    // In fabrikam's default language, Dutch, as no page language was sent.
    const notice = await sink.waitFor('joan@fabrikam.example');
    assert.equal(notice.subject, 'Wachtwoord opnieuw instellen voor je Fabrikam-account');
    assert.match(notice.text, /neem voor hulp contact op met je beheerder/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(
      sink.to('nobody@contoso.example').length + sink.to('nobody@fabrikam.example').length,
      0,
    );
  });

  it('takes as long for an unknown address as for an account (medians within 25 % over 200 each)', async () => {
    const unknown = 'someone-else@contoso.example';
    const time = async (email: string) => {
      const started = performance.now();
      const answer = await api.post('/password-reset', { email }, { ip: '203.0.113.7' });
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 202);
      return elapsed;
    };
    // Warm-up: first requests pay for JIT and caches; mails of the first sends leave meanwhile.
    for (let round = 0; round < 20; round += 1) {
      await time(ada);
      await time(unknown);
    }
    const known: number[] = [];
    const absent: number[] = [];
    const deadline = Date.now() + 90_000;
    // Alternating, so that background work and load from other processes hit both alike.
    for (let round = 0; round < 200 && Date.now() < deadline; round += 1) {
      known.push(await time(ada));
      absent.push(await time(unknown));
    }
    assert.equal(known.length, 200, 'ran out of time before 200 rounds');
    const gap = Math.abs(median(known) - median(absent));
    console.log(
      `reset start medians: account ${median(known).toFixed(2)} ms, unknown ${median(absent).toFixed(2)} ms, gap ${gap.toFixed(2)} ms`,
    );
    // Relative, as a statistical guard only: the statements themselves are proven equal by trace
    // (test/server/services/exact-rules.test.ts).
    const slower = Math.max(median(known), median(absent));
    assert.ok(
      gap < slower * 0.25,
      `medians differ by ${gap.toFixed(2)} ms of ${slower.toFixed(2)}`,
    );
  });

  it('verifies the right code once, refuses a wrong one with the tries left, and then sets the password', async () => {
    const email = 'verify@contoso.example';
    await addUser(email);
    const ip = freshIp();
    const flowId = await startFor(email, ip);
    const code = codeIn(await sink.waitFor(email));
    const wrong = code === '000000' ? '000001' : '000000';
    assert.deepEqual(
      (await api.post(`/password-reset/${flowId}/verify`, { code: wrong }, { ip })).body,
      {
        error: 'code_rejected',
        attemptsLeft: 4,
      },
    );
    // Out of order: no password before the code.
    assert.deepEqual(
      (await api.post(`/password-reset/${flowId}/password`, { password: 'x'.repeat(20) }, { ip }))
        .body,
      {
        error: 'step_not_allowed',
      },
    );
    const verified = await api.post(`/password-reset/${flowId}/verify`, { code }, { ip });
    assert.deepEqual([verified.status, verified.body], [200, { status: 'verified' }]);
    assert.deepEqual((await api.get(`/password-reset/${flowId}`, { ip })).body.verified, true);
    const set = await api.post(
      `/password-reset/${flowId}/password`,
      { password: 'a brand new passphrase' },
      { ip },
    );
    assert.deepEqual([set.status, set.body], [200, { status: 'password-changed' }]);
    // No automatic sign-in after a reset (rule 22).
    assert.equal(set.headers.get('set-cookie'), null);
    // Replaying the used code, or the finished flow, gets nowhere.
    const replay = await api.post(`/password-reset/${flowId}/verify`, { code }, { ip });
    assert.deepEqual([replay.status, replay.body], [404, { error: 'flow_not_found' }]);
    const changed = await sink.waitFor(email, 2);
    assert.match(changed.subject, /password was changed/);
  });

  it('lets exactly one of 16 parallel submissions of a valid code succeed', async () => {
    const email = 'parallel@contoso.example';
    await addUser(email);
    const ip = freshIp();
    const flowId = await startFor(email, ip);
    const code = codeIn(await sink.waitFor(email));
    const answers = await Promise.all(
      Array.from({ length: 16 }, () =>
        api.post(`/password-reset/${flowId}/verify`, { code }, { ip }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [200, ...Array<number>(15).fill(422)]);
    for (const answer of answers.filter((candidate) => candidate.status === 422)) {
      assert.deepEqual(answer.body, { error: 'code_rejected', attemptsLeft: 0 });
    }
  });

  it('kills a code after 5 wrong tries and after 600 s, and a new code kills the old one', async () => {
    const email = 'tries@contoso.example';
    await addUser(email);
    const ip = freshIp();
    const flowId = await startFor(email, ip);
    const code = codeIn(await sink.waitFor(email));
    const wrong = code === '999999' ? '999998' : '999999';
    const left: unknown[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      left.push(
        (await api.post(`/password-reset/${flowId}/verify`, { code: wrong }, { ip })).body
          .attemptsLeft,
      );
    }
    assert.deepEqual(left, [4, 3, 2, 1, 0]);
    assert.deepEqual((await api.post(`/password-reset/${flowId}/verify`, { code }, { ip })).body, {
      error: 'code_rejected',
      attemptsLeft: 0,
    });

    // Resend only after 30 s (rule 9), with Retry-After.
    const early = await api.post(`/password-reset/${flowId}/resend`, {}, { ip });
    assert.equal(early.status, 429);
    assert.equal(early.body.error, 'too_many_requests');
    assert.ok(Number(early.headers.get('retry-after')) > 0);
    assert.equal(early.headers.get('retry-after'), String(early.body.retryAfter));
    server.clock.advance(31_000);
    assert.equal((await api.post(`/password-reset/${flowId}/resend`, {}, { ip })).status, 202);
    const second = codeIn(await sink.waitFor(email, 2));

    // Past the code's 600 s: the same one answer as for a wrong code.
    server.clock.advance(601_000);
    assert.deepEqual(
      (await api.post(`/password-reset/${flowId}/verify`, { code: second }, { ip })).body,
      {
        error: 'code_rejected',
        attemptsLeft: 0,
      },
    );
    assert.equal((await api.post(`/password-reset/${flowId}/resend`, {}, { ip })).status, 202);
    const third = codeIn(await sink.waitFor(email, 3));
    if (third !== second) {
      assert.equal(
        (await api.post(`/password-reset/${flowId}/verify`, { code: second }, { ip })).status,
        422,
      );
    }
    assert.equal(
      (await api.post(`/password-reset/${flowId}/verify`, { code: third }, { ip })).status,
      200,
    );
  });

  it('binds a code to its flow', async () => {
    const email = 'bound@contoso.example';
    await addUser(email);
    const ip = freshIp();
    const first = await startFor(email, ip);
    const code = codeIn(await sink.waitFor(email));
    server.clock.advance(31_000);
    const second = await startFor(email, ip);
    await sink.waitFor(email, 2);
    assert.equal(
      (await api.post(`/password-reset/${second}/verify`, { code }, { ip })).status,
      422,
    );
    assert.equal((await api.post(`/password-reset/${first}/verify`, { code }, { ip })).status, 200);
    // Another tenant's API does not know the flow.
    const other = await apiOf(server.url, 'fabrikam').post(
      `/password-reset/${first}/verify`,
      { code },
      { ip },
    );
    assert.deepEqual([other.status, other.body], [404, { error: 'flow_not_found' }]);
  });

  it('mails at most 10 codes per address per hour and answers the same after that', async () => {
    const email = 'hourly@contoso.example';
    await addUser(email);
    const ip = freshIp();
    for (let start = 0; start < 12; start += 1) await startFor(email, ip);
    await sink.waitFor(email, 10);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(sink.to(email).length, 10);
    server.clock.advance(3_601_000);
    await startFor(email, ip);
    await sink.waitFor(email, 11);
  });

  it('refuses every code of an account after 100 failed entries in 24 h', async () => {
    const email = 'daily@contoso.example';
    await addUser(email);
    let failures = 0;
    while (failures < 100) {
      const ip = freshIp();
      const flowId = await startFor(email, ip);
      for (let attempt = 0; attempt < 5 && failures < 100; attempt += 1, failures += 1) {
        // Codes only ever go to the inbox; a guess that happens to be right is vanishingly rare.
        await api.post(`/password-reset/${flowId}/verify`, { code: '000000' }, { ip });
      }
    }
    server.clock.advance(3_601_000);
    const ip = freshIp();
    const flowId = await startFor(email, ip);
    const mails = sink.to(email).length;
    const code = codeIn(await sink.waitFor(email, mails + 1));
    assert.deepEqual((await api.post(`/password-reset/${flowId}/verify`, { code }, { ip })).body, {
      error: 'code_rejected',
      attemptsLeft: 0,
    });
    server.clock.advance(24 * 3_600_000);
    const later = await startFor(email, ip);
    const fresh = codeIn(await sink.waitFor(email, mails + 2));
    assert.equal(
      (await api.post(`/password-reset/${later}/verify`, { code: fresh }, { ip })).status,
      200,
    );
  });

  it('refuses weak new passwords with the reasons, and the reset ends every session', async () => {
    const email = 'sessions@contoso.example';
    await addUser(email, 'the first long passphrase');
    const ip = freshIp();
    const signedIn = await api.post(
      '/sign-in',
      { identifier: email, password: 'the first long passphrase' },
      { ip },
    );
    assert.equal(signedIn.status, 200);
    assert.match(
      signedIn.headers.get('set-cookie') ?? '',
      /^gatehouse_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/,
    );
    const listed = await adminCommand(dataDir, { command: 'user-list', tenant: 'contoso' });
    assert.ok(
      listed.ok && listed.lines.some((line) => line.startsWith(email) && line.endsWith('1')),
    );

    const flowId = await startFor(email, ip);
    const code = codeIn(await sink.waitFor(email));
    assert.equal(
      (await api.post(`/password-reset/${flowId}/verify`, { code }, { ip })).status,
      200,
    );
    const cases: [string, string[]][] = [
      ['short', ['too_short']],
      ['x'.repeat(129), ['too_long']],
      ['passwordpassword', ['common']],
      ['my contoso passphrase', ['context']],
      ['sessions is my long passphrase', ['context']],
    ];
    for (const [password, reasons] of cases) {
      const refused = await api.post(`/password-reset/${flowId}/password`, { password }, { ip });
      assert.deepEqual(
        [refused.status, refused.body],
        [422, { error: 'password_rejected', reasons }],
        password,
      );
    }
    assert.equal(
      (
        await api.post(
          `/password-reset/${flowId}/password`,
          { password: 'an entirely new passphrase' },
          { ip },
        )
      ).status,
      200,
    );
    const after = await adminCommand(dataDir, { command: 'user-list', tenant: 'contoso' });
    assert.ok(after.ok && after.lines.some((line) => line.startsWith(email) && line.endsWith('0')));
    const old = await api.post(
      '/sign-in',
      { identifier: email, password: 'the first long passphrase' },
      { ip },
    );
    assert.deepEqual([old.status, old.body], [401, { error: 'invalid_credentials' }]);
  });

  it('writes emails in the language of the page, branded with the tenant theme', async () => {
    const email = 'language@contoso.example';
    await addUser(email);
    await startFor(email, freshIp(), 'nl');
    const dutch = await sink.waitFor(email);
    assert.equal(dutch.subject, 'Je verificatiecode voor Contoso');
    assert.match(
      dutch.text,
      /Gebruik deze code om het wachtwoord van je Contoso-account opnieuw in te stellen/,
    );
    assert.equal(dutch.headers.get('content-language'), 'nl');
    assert.match(dutch.html, /<html lang="nl">/);
    assert.match(dutch.html, /#00665e/);
    // The pack's logo as the PNG the build made (mail clients show no SVG).
    assert.match(dutch.raw, /Content-Type: image\/png/);
    assert.doesNotMatch(dutch.raw, /image\/svg\+xml/);
    server.clock.advance(31_000);
    await startFor(email, freshIp(), 'sv-SE,sv;q=0.9,en;q=0.5');
    assert.equal((await sink.waitFor(email, 2)).subject, 'Din verifieringskod för Contoso');
    server.clock.advance(31_000);
    // Tags the tenant does not speak fall back to its default; nothing is reflected.
    await startFor(email, freshIp(), '<script>, de');
    assert.equal((await sink.waitFor(email, 3)).subject, 'Your Contoso verification code');
  });

  it('never logs a password or a code', () => {
    const logs = server.logText();
    for (const mail of sink.mails.filter((candidate) => /^\s{4}\d{6}$/m.test(candidate.text))) {
      assert.ok(!logs.includes(codeIn(mail)), 'a code is in the log');
    }
    for (const password of [adaPassword, 'a brand new passphrase', 'the first long passphrase']) {
      assert.ok(!logs.includes(password), 'a password is in the log');
    }
  });
});
