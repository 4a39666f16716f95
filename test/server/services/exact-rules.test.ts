/**
 * Rules whose proof must not depend on timing: a reset start runs the same statements, in the same
 * order and number, for every address (rules 12 and 13, traced at the database), and each lock
 * doubles up to the 15-minute cap and stays there (rule 15, on the injected clock).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  tracedDatabase,
  type TracedStatement,
} from '../../../src/server/database/traced-database.js';
import { addUser, adminCommand, startTestServer, type TestServer } from '../support/in-process.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';
import { apiOf, type Answer } from '../support/http.js';

let ipCounter = 0;
const freshIp = () => `198.18.0.${++ipCounter}`;
const password = 'a long enough demo passphrase';

describe('server: rules proven exactly', () => {
  let dataDir: string;
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;
  const trace: TracedStatement[] = [];
  let tracing = false;

  /** The statements the services ran for one request, and its answer. */
  async function traced(call: () => Promise<Answer>) {
    trace.length = 0;
    tracing = true;
    try {
      return { answer: await call(), statements: [...trace] };
    } finally {
      tracing = false;
    }
  }

  before(async () => {
    dataDir = await freshDataDir();
    server = await startTestServer({
      dataDir,
      // Two failures lock, so that seven locks in a row take a few sign-ins.
      limits: { signInFailuresBeforeLock: 2 },
      serviceDatabase: (db) =>
        tracedDatabase(db, (statement) => {
          if (tracing) trace.push(statement);
        }),
    });
    api = apiOf(server.url);
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('runs the same statements for a known and an unknown address at a reset start, and answers the same', async () => {
    const fabrikam = apiOf(server.url, 'fabrikam');
    const start = (client: typeof api, email: string) => () =>
      client.post('/password-reset', { email }, { ip: freshIp() });
    const starts = {
      account: start(api, 'ada@contoso.example'),
      unknown: start(api, 'nobody-here@contoso.example'),
      'may not reset': start(fabrikam, 'joan@fabrikam.example'),
      'unknown in fabrikam': start(fabrikam, 'nobody-here@fabrikam.example'),
    };
    // Twice each, alternating: the second round shows that nothing but the address decides.
    const runs: { name: string; answer: Answer; statements: TracedStatement[] }[] = [];
    for (let round = 0; round < 2; round += 1) {
      for (const [name, call] of Object.entries(starts))
        runs.push({ name, ...(await traced(call)) });
    }
    const first = runs[0]!;
    assert.ok(first.statements.length >= 3, `${first.statements.length} statements`);
    const shape = ({ answer }: (typeof runs)[number]) => ({
      status: answer.status,
      keys: Object.keys(answer.body),
      resendAfter: answer.body.resendAfter,
      flowIdLength: String(answer.body.flowId).length,
      headers: [...answer.headers.entries()].filter(([name]) => name !== 'date'),
    });
    for (const run of runs.slice(1)) {
      assert.deepEqual(run.statements, first.statements, `${run.name}: other statements`);
      assert.deepEqual(shape(run), shape(first), `${run.name}: another answer`);
    }
    assert.equal(first.answer.status, 202);
  });

  it('doubles each lock up to 15 minutes and stays there, on the injected clock', async () => {
    const email = 'ladder@contoso.example';
    await addUser(dataDir, email, password);
    const signIn = (secret: string) =>
      api.post('/sign-in', { identifier: email, password: secret }, { ip: freshIp() });
    const minutes = [1, 2, 4, 8, 15, 15, 15];
    for (const [index, lockMinutes] of minutes.entries()) {
      for (let failure = 0; failure < 2; failure += 1) {
        assert.equal((await signIn('wrong password here')).status, 401);
      }
      // Just before the lock ends, even the right password is refused (and counts for nothing).
      server.clock.advance(lockMinutes * 60_000 - 2_000);
      assert.equal((await signIn(password)).status, 401, `lock ${index + 1} ended early`);
      // Just after, the lock is over: the next two failures start the next lock, which a lock
      // still running would not count, and the last probe would then find the account open.
      server.clock.advance(3_000);
    }
    assert.equal((await signIn(password)).status, 200, 'the last lock outlasted 15 minutes');
    const audit = await adminCommand(dataDir, { command: 'audit', tenant: 'contoso' });
    assert.ok(audit.ok);
    assert.match(audit.lines.join('\n'), /account locked\s+7\b/);
  });
});
