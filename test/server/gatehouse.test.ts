/**
 * The server as an operator runs it: state that survives a restart between sending and verifying a
 * code (docs/security.md#rule-17), email while SMTP is down (rule 25), and one process per embedded
 * database.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './support/in-process.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { codeIn, startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { TestClock } from './support/test-clock.js';

const ada = 'ada@contoso.example';

/** A loopback port that nothing listens on (until a test starts something there). */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('server: restart', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer | undefined;
  const clock = new TestClock();
  const limits = { failuresPerIpPerHour: 5 };

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('keeps flows, codes and counters across a restart between send and verify', async () => {
    server = await startTestServer({ dataDir, smtpUrl: sink.url, clock, limits });
    let api = apiOf(server.url);
    const started = await api.post('/password-reset', { email: ada }, { ip: '203.0.113.1' });
    const flowId = started.body.flowId as string;
    const code = codeIn(await sink.waitFor(ada));
    // Another client uses up its hourly failures on a flow of its own.
    const other = await api.post(
      '/password-reset',
      { email: 'nobody@contoso.example' },
      { ip: '203.0.113.99' },
    );
    for (let failure = 0; failure < 5; failure += 1) {
      await api.post(
        `/password-reset/${other.body.flowId as string}/verify`,
        { code: '000000' },
        { ip: '203.0.113.99' },
      );
    }
    await assert.rejects(
      startTestServer({ dataDir, smtpUrl: sink.url }),
      /The embedded database in .* is in use by process \d+ \(server\)/,
    );
    await server.close();

    server = await startTestServer({ dataDir, smtpUrl: sink.url, clock, limits });
    api = apiOf(server.url);
    // The resend countdown, the client's failure budget and the code itself all survived.
    assert.equal(
      (await api.post(`/password-reset/${flowId}/resend`, {}, { ip: '203.0.113.1' })).status,
      429,
    );
    assert.equal(
      (await api.post(`/password-reset/${flowId}/verify`, { code }, { ip: '203.0.113.99' })).status,
      429,
    );
    const verified = await api.post(
      `/password-reset/${flowId}/verify`,
      { code },
      { ip: '203.0.113.1' },
    );
    assert.deepEqual([verified.status, verified.body], [200, { status: 'verified' }]);
    const set = await api.post(
      `/password-reset/${flowId}/password`,
      { password: 'survived a restart well' },
      { ip: '203.0.113.1' },
    );
    assert.equal(set.status, 200);
    const signedIn = await api.post(
      '/sign-in',
      { identifier: ada, password: 'survived a restart well' },
      { ip: '203.0.113.1' },
    );
    assert.equal(signedIn.status, 200);
  });
});

describe('server: SMTP down', () => {
  let dataDir: string;
  let server: TestServer;
  let sink: SmtpSink | undefined;
  let port: number;

  before(async () => {
    dataDir = await freshDataDir();
    port = await unusedPort();
    server = await startTestServer({
      dataDir,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailRetryDelaysMs: [200, 400, 800, 1_600, 3_200, 3_200, 3_200],
    });
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('answers as usual, logs and retries, and delivers the newest code exactly once', async () => {
    const api = apiOf(server.url);
    const started = await api.post('/password-reset', { email: ada });
    assert.equal(started.status, 202);
    assert.deepEqual(Object.keys(started.body), ['flowId', 'resendAfter']);
    const flowId = started.body.flowId as string;
    const failed = () => server.logs.filter((line) => line.event === 'mail_failed').length;
    for (let waited = 0; failed() < 2 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(failed() >= 2, 'delivery was not retried');
    // The user asks for another code meanwhile: the older one must not arrive later.
    server.clock.advance(31_000);
    assert.equal((await api.post(`/password-reset/${flowId}/resend`, {})).status, 202);
    sink = await startSmtpSink(port);
    const mail = await sink.waitFor(ada, 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    assert.equal(sink.to(ada).length, 1);
    const verified = await api.post(`/password-reset/${flowId}/verify`, { code: codeIn(mail) });
    assert.deepEqual(verified.body, { status: 'verified' });
    assert.ok(server.logs.some((line) => line.event === 'mail_superseded'));
  });
});
