/**
 * `npm run admin` on the embedded database, with no server running (it opens DATA_DIR itself) and
 * with one running (it goes through the server's loopback endpoint): same commands, same output,
 * clear errors and a non-zero exit.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './support/in-process.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('server: admin CLI', () => {
  let dataDir: string;
  let server: TestServer | undefined;

  /** Runs the CLI; a `--password <p>` pair here goes to its stdin, where the CLI reads passwords. */
  const admin = (...given: string[]) =>
    new Promise<Run>((resolve) => {
      const at = given.indexOf('--password');
      const args = at === -1 ? given : [...given.slice(0, at), ...given.slice(at + 2)];
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'src/server/admin-cli.ts', ...args],
        { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(at === -1 ? '' : `${given[at + 1]}\n`);
    });

  before(async () => {
    dataDir = await freshDataDir();
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('manages users without a running server', async () => {
    const added = await admin(
      'user',
      'add',
      '--tenant',
      'contoso',
      '--email',
      ' Eve@Contoso.example ',
      '--password',
      'added while nobody ran',
      '--group',
      'staff',
    );
    assert.deepEqual(
      [added.code, added.stdout.trim()],
      [0, 'Added eve@contoso.example to contoso (groups: staff)'],
    );
    const listed = await admin('user', 'list', '--tenant', 'contoso');
    assert.equal(listed.code, 0);
    assert.match(
      listed.stdout,
      /^email\s+groups\s+recovery email confirmed\s+locked until\s+sessions$/m,
    );
    assert.match(
      listed.stdout,
      /^eve@contoso\.example\s+staff\s+\d{4}-\d\d-\d\dT[\d:.]+Z\s+-\s+0$/m,
    );
  });

  it('says clearly what is wrong and exits non-zero', async () => {
    const duplicate = await admin(
      'user',
      'add',
      '--tenant',
      'contoso',
      '--email',
      'eve@contoso.example',
      '--password',
      'added while nobody ran',
    );
    assert.deepEqual(
      [duplicate.code, duplicate.stderr.trim()],
      [1, 'admin: eve@contoso.example already has an account in contoso'],
    );
    // The rest through a running server, which spares each command opening the database.
    server = await startTestServer({ dataDir });
    const cases: [string[], number, RegExp][] = [
      [
        [
          'user',
          'add',
          '--tenant',
          'contoso',
          '--email',
          'new@contoso.example',
          '--password',
          'short',
        ],
        1,
        /The password is refused: shorter than 15 characters/,
      ],
      [
        [
          'user',
          'add',
          '--tenant',
          'contoso',
          '--email',
          'new@contoso.example',
          '--password',
          'passwordpassword',
        ],
        1,
        /one of the most common passwords/,
      ],
      [
        [
          'user',
          'add',
          '--tenant',
          'contoso',
          '--email',
          'new@contoso.example',
          '--password',
          'my contoso passphrase',
        ],
        1,
        /contains the email address or the tenant name/,
      ],
      [
        [
          'user',
          'add',
          '--tenant',
          'contoso',
          '--email',
          'not-an-address',
          '--password',
          'a long enough passphrase',
        ],
        1,
        /"not-an-address" is not an email address/,
      ],
      [
        ['user', 'list', '--tenant', 'nowhere'],
        1,
        /No tenant "nowhere"; tenants: contoso, fabrikam/,
      ],
      [
        ['user', 'remove', '--tenant', 'contoso', '--email', 'ghost@contoso.example'],
        1,
        /No user ghost@contoso\.example in contoso/,
      ],
      [
        ['audit', '--tenant', 'contoso', '--since', 'last tuesday'],
        1,
        /--since "last tuesday" is not a date/,
      ],
      [['user', 'add', '--tenant', 'contoso'], 2, /--email is required/],
      [
        [
          'user',
          'add',
          '--tenant',
          'contoso',
          '--email',
          'x@contoso.example',
          '--password=on-the-line',
        ],
        2,
        /a password is never taken from the command line/,
      ],
      [
        ['user', 'add', '--tenant', 'contoso', '--email', 'x@contoso.example'],
        1,
        /no password on stdin/,
      ],
      [
        ['user', 'list', '--tenant', 'contoso', '--email', 'x@y'],
        2,
        /"user list" takes no --email/,
      ],
      [['user', 'rename'], 2, /Unknown command "user rename"/],
      [['user', 'list', '--tenant'], 2, /--tenant/],
      [[], 2, /No command given/],
    ];
    for (const [args, code, message] of cases) {
      const result = await admin(...args);
      assert.equal(result.code, code, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });

  it('goes through the running server, never opening the database twice', async () => {
    assert.ok(server);
    const api = apiOf(server.url);
    await api.post('/password-reset', { email: 'eve@contoso.example' });
    await api.post('/password-reset', { email: 'nobody@contoso.example' });
    const added = await admin(
      'user',
      'add',
      '--tenant',
      'fabrikam',
      '--email',
      'sam@fabrikam.example',
      '--password',
      'added while the server ran',
      '--group',
      'sspr-enabled',
    );
    assert.deepEqual([added.code, added.stderr], [0, '']);
    assert.equal(
      (
        await api.post('/sign-in', {
          identifier: 'eve@contoso.example',
          password: 'added while nobody ran',
        })
      ).status,
      200,
    );
    const listed = await admin('user', 'list', '--tenant', 'contoso');
    assert.match(listed.stdout, /^eve@contoso\.example\s+staff\s+\S+\s+-\s+1$/m);
    const audit = await admin('audit', '--tenant', 'contoso', '--since', '2000-01-01T00:00:00Z');
    assert.equal(audit.code, 0);
    assert.match(
      audit.stdout,
      /^Password reset funnel for contoso, since 2000-01-01T00:00:00\.000Z:$/m,
    );
    assert.match(audit.stdout, /^ {2}started\s+2$/m);
    assert.match(audit.stdout, /^ {2}code sent\s+1$/m);
    assert.match(audit.stdout, /^ {2}sign-ins\s+1$/m);
    const removed = await admin(
      'user',
      'remove',
      '--tenant',
      'contoso',
      '--email',
      'eve@contoso.example',
    );
    assert.deepEqual(
      [removed.code, removed.stdout.trim()],
      [0, 'Removed eve@contoso.example from contoso'],
    );
    assert.equal(
      (
        await api.post('/sign-in', {
          identifier: 'eve@contoso.example',
          password: 'added while nobody ran',
        })
      ).status,
      401,
    );
    await server.close();
    server = undefined;

    const afterwards = await admin('user', 'list', '--tenant', 'fabrikam');
    assert.match(afterwards.stdout, /^sam@fabrikam\.example\s+sspr-enabled\s/m);
  });
});
