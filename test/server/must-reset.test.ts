/**
 * Imported users through the real HTTP API: one without a password answers a sign-in exactly like
 * an unknown address (docs/security.md#rule-36), sets a password through the email-code reset,
 * and then signs in; a prefilled, verified recovery email is not asked to confirm again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminRequest } from '../../src/server/admin/admin-request.schema.js';
import {
  formatPasswordHash,
  hashPassword,
  parsePasswordHash,
} from '../../src/server/security/password-hash.js';
import { adminCommand, startTestServer, type TestServer } from './support/in-process.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { codeIn, startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const importedPassword = 'a passphrase from the old system';

describe('server: must-reset users', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;

  const signIn = (identifier: string, password: string) =>
    api.post('/sign-in', { identifier, password }, { ip: freshIp() });

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
    server = await startTestServer({ dataDir, smtpUrl: sink.url });
    api = apiOf(server.url);
    const hash = formatPasswordHash(await hashPassword(importedPassword));
    const user = (email: string, password: string | null, emailVerified: boolean) => ({
      email,
      recoveryEmail: null,
      password: password === null ? null : parsePasswordHash(password)!,
      groups: [],
      emailVerified,
      displayName: null,
      locale: null,
    });
    const request: AdminRequest = {
      command: 'user-import',
      tenant: 'contoso',
      dryRun: false,
      users: [
        user('moved@contoso.example', null, true),
        user('verified@contoso.example', hash, true),
        user('unverified@contoso.example', hash, false),
      ],
    };
    const result = await adminCommand(dataDir, request);
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('answers a sign-in without a password exactly like an unknown address', async () => {
    const moved = await signIn('moved@contoso.example', 'whatever they typed');
    const unknown = await signIn('nobody@contoso.example', 'whatever they typed');
    const shape = (answer: typeof moved) => [
      answer.status,
      answer.text,
      [...answer.headers.keys()].filter((name) => name !== 'date'),
    ];
    assert.deepEqual(shape(moved), shape(unknown));
    assert.equal(moved.text, '{"error":"invalid_credentials"}');
  });

  it('leads the user through the email-code reset, after which they sign in', async () => {
    const started = await api.post('/password-reset', { email: 'moved@contoso.example' });
    assert.equal(started.status, 202, started.text);
    const { flowId } = started.body as { flowId: string };
    const code = codeIn(await sink.waitFor('moved@contoso.example'));
    const verified = await api.post(`/password-reset/${flowId}/verify`, { code });
    assert.equal(verified.status, 200, verified.text);
    const newPassword = 'a brand new passphrase for the new sign-in';
    const set = await api.post(`/password-reset/${flowId}/password`, { password: newPassword });
    assert.equal(set.status, 200, set.text);
    const after = await signIn('moved@contoso.example', newPassword);
    assert.deepEqual([after.status, after.body], [200, { status: 'signed-in' }]);
  });

  it('signs in with an imported hash, without asking to confirm a prefilled, verified recovery email', async () => {
    const verified = await signIn('verified@contoso.example', importedPassword);
    assert.deepEqual([verified.status, verified.body], [200, { status: 'signed-in' }]);
    const unverified = await signIn('unverified@contoso.example', importedPassword);
    assert.equal(unverified.status, 200);
    assert.equal((unverified.body as { status: string }).status, 'confirm-email');
  });
});
