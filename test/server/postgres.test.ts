/**
 * The server on a real PostgreSQL (DATABASE_URL): the same flow as on the embedded database, two
 * instances sharing one database, single use of a code across both, and a database that goes
 * away and comes back (docs/security.md, rules 8, 17, 25).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './support/in-process.js';
import { emptyDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { codeIn, startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const run = promisify(execFile);
const ada = 'ada@contoso.example';

describe('server: PostgreSQL', () => {
  let postgres: TestPostgres;
  let sink: SmtpSink;
  let dataDir: string;
  const servers: TestServer[] = [];

  before(async () => {
    postgres = await startPostgres();
    sink = await startSmtpSink();
    dataDir = emptyDir();
    // Two instances at once, as behind a load balancer: both migrate, neither trips the other.
    servers.push(
      ...(await Promise.all(
        [0, 1].map(() =>
          startTestServer({ dataDir, smtpUrl: sink.url, databaseUrl: postgres.url }),
        ),
      )),
    );
  });

  after(async () => {
    for (const server of servers) await server.close();
    await sink?.close();
    await postgres?.destroy();
    removeDir(dataDir);
  });

  it('runs the reset across two instances, and one of 16 parallel submissions wins', async () => {
    const [first, second] = servers.map((server) => apiOf(server.url));
    const started = await first!.post('/password-reset', { email: ada });
    const flowId = started.body.flowId as string;
    const code = codeIn(await sink.waitFor(ada));
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        (index % 2 ? first! : second!).post(`/password-reset/${flowId}/verify`, { code }),
      ),
    );
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [
      200,
      ...Array<number>(15).fill(422),
    ]);
    const set = await second!.post(`/password-reset/${flowId}/password`, {
      password: 'stored in postgres now',
    });
    assert.equal(set.status, 200);
    assert.equal(
      (await first!.post('/sign-in', { identifier: ada, password: 'stored in postgres now' }))
        .status,
      200,
    );
    assert.equal(
      (await first!.post('/sign-in', { identifier: ada, password: 'correct horse battery staple' }))
        .status,
      401,
    );
  });

  it('answers 503 and signs nobody in while the database is down, and recovers', async () => {
    const api = apiOf(servers[0]!.url);
    await postgres.stop();
    try {
      const signIn = await api.post('/sign-in', {
        identifier: ada,
        password: 'stored in postgres now',
      });
      assert.deepEqual([signIn.status, signIn.body], [503, { error: 'service_unavailable' }]);
      assert.equal(signIn.headers.get('set-cookie'), null);
      const reset = await api.post('/password-reset', { email: ada });
      assert.deepEqual([reset.status, reset.body], [503, { error: 'service_unavailable' }]);
      assert.ok(servers[0]!.logs.some((line) => line.event === 'database_unavailable'));
      // A malformed flow id is refused before any query: 400 even with no database to ask.
      const malformed = await api.post('/password-reset/not-a-flow/verify', { code: '123456' });
      assert.deepEqual([malformed.status, malformed.body], [400, { error: 'invalid_request' }]);
      const wellFormed = await api.post(`/password-reset/${'A'.repeat(32)}/verify`, {
        code: '123456',
      });
      assert.equal(wellFormed.status, 503);
      // The load balancer keeps the process (healthy) but sends it no traffic (not ready).
      const health = await fetch(`${servers[0]!.url}/healthz`);
      assert.deepEqual([health.status, await health.json()], [200, { status: 'serving' }]);
      const ready = await fetch(`${servers[0]!.url}/readyz`);
      assert.deepEqual(
        [ready.status, await ready.json()],
        [503, { status: 'database_unavailable' }],
      );
    } finally {
      await postgres.start();
    }
    const ready = await fetch(`${servers[0]!.url}/readyz`);
    assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready' }]);
    const again = await api.post('/sign-in', {
      identifier: ada,
      password: 'stored in postgres now',
    });
    assert.equal(again.status, 200);
  });

  it('lets the admin CLI work on the same database while the servers run', async () => {
    const env = { ...process.env, DATABASE_URL: postgres.url, DATA_DIR: dataDir };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], { env });
    const adding = run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/admin-cli.ts',
        'user',
        'add',
        '--tenant',
        'contoso',
        '--email',
        'pg@contoso.example',
      ],
      { env },
    );
    adding.child.stdin?.end('added straight to postgres\n');
    const added = await adding;
    assert.match(added.stdout, /Added pg@contoso\.example to contoso/);
    const listed = await cli('user', 'list', '--tenant', 'contoso');
    assert.match(listed.stdout, /pg@contoso\.example/);
    const signIn = await apiOf(servers[1]!.url).post('/sign-in', {
      identifier: 'pg@contoso.example',
      password: 'added straight to postgres',
    });
    assert.equal(signIn.status, 200);
  });
});
