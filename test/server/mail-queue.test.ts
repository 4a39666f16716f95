/**
 * The mail queue lives in the database (docs/security.md, rules 6 and 25): an instance killed after the
 * answer and before the delivery loses no email and sends none twice; the queued message holds
 * no code in clear; and mail given up on is listed for the operator.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startCluster, type Cluster } from './support/cluster.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { adminCommand, startTestServer, type TestServer } from './support/in-process.js';
import { codeIn, startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const ada = 'ada@contoso.example';

/** A loopback port that nothing listens on (until a test starts something there). */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('server: mail queue on PostgreSQL, across a crash', () => {
  let cluster: Cluster;
  let sink: SmtpSink | undefined;
  let port: number;

  before(async () => {
    port = await unusedPort();
    // No instance yet: the one that answers is started, and killed, by the test.
    cluster = await startCluster({ instances: 0, smtpUrl: `smtp://127.0.0.1:${port}` });
  });

  after(async () => {
    await cluster?.close();
    await sink?.close();
  });

  it('delivers the code exactly once after kill -9 between the answer and the delivery', async () => {
    const first = await cluster.startProcess();
    const started = await apiOf(first.url).post('/password-reset', { email: ada });
    assert.equal(started.status, 202);
    const flowId = started.body.flowId as string;
    // The SMTP server is down: the first attempt fails and the message waits for its retry.
    await until('a failed attempt', () =>
      first.output.some((line) => line.includes('mail_failed')),
    );
    const stored = await cluster.query<Record<string, unknown>>('SELECT * FROM mail_outbox');
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.recipient, ada);
    await first.kill();

    sink = await startSmtpSink(port);
    const second = await cluster.startProcess();
    const mail = await sink.waitFor(ada, 1, 20_000);
    const code = codeIn(mail);
    // Nothing else arrives later, from the dead instance's claim or a retry.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(sink.to(ada).length, 1);
    assert.equal(
      JSON.stringify(stored).includes(code),
      false,
      'the queued message held the code in clear',
    );
    const left = await cluster.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox');
    assert.equal(left[0]!.n, 0, 'the delivered message (and its code) stayed in the database');
    const verified = await apiOf(second.url).post(`/password-reset/${flowId}/verify`, { code });
    assert.deepEqual(verified.body, { status: 'verified' });
  });
});

describe('server: mail given up on', () => {
  let dataDir: string;
  let server: TestServer;

  before(async () => {
    dataDir = await freshDataDir();
    server = await startTestServer({
      dataDir,
      smtpUrl: `smtp://127.0.0.1:${await unusedPort()}`,
      mailRetryDelaysMs: [100],
    });
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('lists the dead letter for the operator, without its content, and audits it', async () => {
    const started = await apiOf(server.url).post('/password-reset', { email: ada });
    assert.equal(started.status, 202);
    await until('the message to be given up', () =>
      server.logs.some((line) => line.event === 'mail_abandoned'),
    );
    const result = await adminCommand(dataDir, { command: 'mail-dead-letters', tenant: 'contoso' });
    assert.equal(result.ok, true);
    const lines = result.ok ? result.lines : [];
    assert.match(lines[0]!, /^given up at\s+to\s+kind\s+attempts\s+last error$/);
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /ada@contoso\.example\s+verification-code\s+2\s+\S/);
    const audit = await adminCommand(dataDir, { command: 'audit', tenant: 'contoso' });
    assert.match(audit.ok ? audit.lines.join('\n') : '', /emails given up after retries\s+1/);
  });
});
