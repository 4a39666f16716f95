/**
 * `npm run admin -- user update | unlock | show` against a running server (through its loopback
 * endpoint): a group change takes effect on fabrikam's `enabled: selected` reset switch at once,
 * unlock lets a locked user in, and show tells an operator where a user stands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminCli } from './support/admin-cli.js';
import { startTestServer, type TestServer } from './support/in-process.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { codeIn, startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('server: admin user lifecycle', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;

  const admin = (args: string[], stdin = '') =>
    adminCli(args, { DATA_DIR: dataDir, DATABASE_URL: '' }, stdin);

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
    server = await startTestServer({ dataDir, smtpUrl: sink.url });
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it("puts a user in and out of the reset switch's group, which the next reset obeys", async () => {
    const fabrikam = apiOf(server.url, 'fabrikam');
    const email = 'pilot@fabrikam.example';
    const user = ['--tenant', 'fabrikam', '--email', email];
    await admin(['user', 'add', ...user], 'a passphrase for the trial\n');
    const resetMail = async (count: number) => {
      const started = await fabrikam.post('/password-reset', { email }, { ip: freshIp() });
      assert.equal(started.status, 202);
      return sink.waitFor(email, count);
    };

    const outside = await resetMail(1);
    assert.throws(() => codeIn(outside), 'outside the group: a notice, no code');

    const added = await admin(['user', 'update', ...user, '--add-group', 'sspr-enabled']);
    assert.match(
      added.stdout,
      /^Updated pilot@fabrikam\.example in fabrikam: groups sspr-enabled$/m,
    );
    assert.match(added.stdout, /^Self-service reset: may reset$/m);
    assert.match(codeIn(await resetMail(2)), /^\d{6}$/);

    const removed = await admin(['user', 'update', ...user, '--remove-group', 'sspr-enabled']);
    assert.match(removed.stdout, /may not reset \(not in "sspr-enabled"\)/);
    const third = await resetMail(3);
    assert.throws(() => codeIn(third), 'out of the group again: a notice, no code');
  });

  it('unlocks a locked user, and shows where a user stands', async () => {
    const contoso = apiOf(server.url);
    const email = 'locked@contoso.example';
    const password = 'the right passphrase here';
    const user = ['--tenant', 'contoso', '--email', email];
    await admin(['user', 'add', ...user, '--group', 'staff'], `${password}\n`);
    const signIn = (secret: string) =>
      contoso.post('/sign-in', { identifier: email, password: secret }, { ip: freshIp() });
    for (let i = 0; i < 10; i += 1) await signIn('a wrong passphrase');
    assert.equal((await signIn(password)).status, 401, 'locked: the right password is refused');

    const shown = await admin(['user', 'show', ...user]);
    assert.match(shown.stdout, /^locked until\s+\d{4}-\d\d-\d\dT/m);
    assert.match(shown.stdout, /^groups\s+staff$/m);
    assert.match(shown.stdout, /^last sign-in\s+never$/m);

    const unlocked = await admin(['user', 'unlock', ...user]);
    assert.match(unlocked.stdout, /^Unlocked locked@contoso\.example \(it was locked until /);
    assert.deepEqual((await signIn(password)).body, { status: 'signed-in' });

    const json = JSON.parse((await admin(['user', 'show', ...user, '--json'])).stdout) as Record<
      string,
      unknown
    >;
    assert.equal(json.lockedUntil, null);
    assert.equal(json.sessions, 1);
    assert.equal(json.state, 'active');
    assert.match(String(json.lastSignIn), /^\d{4}-\d\d-\d\dT/);
  });

  it('marks a user must-reset: the password stops working until a reset sets a new one', async () => {
    const contoso = apiOf(server.url);
    const email = 'marked@contoso.example';
    const password = 'a passphrase soon retired';
    const user = ['--tenant', 'contoso', '--email', email];
    await admin(['user', 'add', ...user], `${password}\n`);
    const signIn = (secret: string) =>
      contoso.post('/sign-in', { identifier: email, password: secret }, { ip: freshIp() });
    assert.deepEqual((await signIn(password)).body, { status: 'signed-in' });

    const marked = await admin(['user', 'update', ...user, '--require-reset']);
    assert.match(marked.stdout, /must set a new password through the reset; every session ended/);
    assert.deepEqual((await signIn(password)).body, { error: 'invalid_credentials' });
    const shown = JSON.parse((await admin(['user', 'show', ...user, '--json'])).stdout) as {
      state: string;
      sessions: number;
    };
    assert.deepEqual([shown.state, shown.sessions], ['must-reset', 0]);
  });
});
