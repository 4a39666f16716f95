/**
 * `npm run admin -- user import` as an operator runs it, on the embedded database with no server:
 * 10,000 rows with three bad lines, a rerun, a process killed halfway, CSV quoting, JSON and
 * JSON Lines, and a dry run.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatPasswordHash, hashPassword } from '../../src/server/security/password-hash.js';
import { freshDataDir, removeDir } from './support/data-dir.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const cli = ['--import', 'tsx', 'src/server/admin-cli.ts'];

describe('server: admin user import', () => {
  let dataDir: string;
  let hash: string;

  const env = () => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
  const admin = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        [...cli, ...args],
        { env: env(), maxBuffer: 64 * 2 ** 20 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const users = async (tenant: string) =>
    JSON.parse((await admin('user', 'list', '--tenant', tenant, '--json')).stdout) as {
      email: string;
      groups: string[];
      state: string;
      locale: string | null;
      displayName: string | null;
      recoveryEmailConfirmedAt: string | null;
      createdAt: string;
    }[];
  const file = (name: string, text: string) => {
    const path = join(dataDir, name);
    writeFileSync(path, text);
    return path;
  };

  /** `count` rows of fabrikam users; every tenth has a password hash, the rest must reset. */
  const generated = (count: number, bad: Map<number, string> = new Map()) => {
    const lines = ['email,recovery_email_verified,groups,display_name,locale,password_hash'];
    for (let i = 1; i <= count; i += 1) {
      const line = i + 1;
      lines.push(
        bad.get(line) ??
          `user${i}@fabrikam.example,${i % 2 === 0},${i % 3 === 0 ? 'pilot;staff' : ''},User ${i},${['en', 'nl', 'sv'][i % 3]},${i % 10 === 0 ? `"${hash}"` : ''}`,
      );
    }
    return `${lines.join('\n')}\n`;
  };

  before(async () => {
    dataDir = await freshDataDir();
    hash = formatPasswordHash(
      await hashPassword('an imported passphrase', {
        algorithm: 'scrypt',
        N: 2 ** 14,
        r: 8,
        p: 1,
        keyLength: 32,
      }),
    );
  });

  after(() => removeDir(dataDir));

  it('imports 10,000 rows with three bad lines as 9,997 users and names the three lines; a rerun adds nothing', async () => {
    const bad = new Map([
      [101, 'not-an-address,true,,,,'],
      [5002, 'user5001@fabrikam.example,true,,,fr,'],
      [9999, 'user9998@fabrikam.example,maybe,,,,"$scrypt$ln=3,r=8,p=1$abc$def"'],
    ]);
    const path = file('ten-thousand.csv', generated(10_000, bad));
    const first = await admin('user', 'import', '--tenant', 'fabrikam', '--file', path);
    assert.equal(first.code, 1, 'refused lines make the exit code 1');
    assert.match(
      first.stdout,
      /^Imported into fabrikam: 9997 users added, 0 already there \(skipped\)\.$/m,
    );
    assert.match(first.stdout, /^3 lines refused:$/m);
    assert.match(first.stdout, /^ {2}line 101: email: "not-an-address" is not an email address/m);
    assert.match(
      first.stdout,
      /^ {2}line 5002: locale: must be one of the tenant's locales: en, nl, sv$/m,
    );
    assert.match(first.stdout, /^ {2}line 9999: recovery_email_verified: must be true or false$/m);
    assert.match(first.stdout, /^ {2}line 9999: password_hash: is not a scrypt hash/m);
    assert.match(first.stderr, /^import: done, 10000 rows: 9997 added, 0 skipped, 3 refused$/m);

    const imported = await users('fabrikam');
    assert.equal(imported.length, 9997);
    const byEmail = new Map(imported.map((user) => [user.email, user]));
    const { createdAt: _createdAt, ...user3 } = byEmail.get('user3@fabrikam.example')!;
    assert.deepEqual(user3, {
      email: 'user3@fabrikam.example',
      displayName: 'User 3',
      locale: 'en',
      groups: ['pilot', 'staff'],
      state: 'must-reset',
      recoveryEmail: 'user3@fabrikam.example',
      recoveryEmailConfirmedAt: null,
      lockedUntil: null,
      sessions: 0,
    });
    assert.equal(byEmail.get('user3@fabrikam.example')!.recoveryEmailConfirmedAt, null);
    assert.notEqual(byEmail.get('user4@fabrikam.example')!.recoveryEmailConfirmedAt, null);
    assert.equal(byEmail.get('user10@fabrikam.example')!.state, 'active');
    assert.equal(byEmail.has('user5001@fabrikam.example'), false);

    const second = await admin('user', 'import', '--tenant', 'fabrikam', '--file', path);
    assert.match(
      second.stdout,
      /^Imported into fabrikam: 0 users added, 9997 already there \(skipped\)\.$/m,
    );
    assert.equal((await users('fabrikam')).length, 9997);
  });

  it('ends with exactly the right users when a run is killed halfway and run again', async () => {
    const rows = 20_000;
    const path = file(
      'killed.csv',
      generated(rows).replaceAll('fabrikam.example', 'contoso.example'),
    );
    const child = spawn(
      process.execPath,
      [...cli, 'user', 'import', '--tenant', 'contoso', '--file', path],
      {
        env: env(),
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let progress = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        progress += chunk.toString();
        if (/import: [2-9]0% of the file/.test(progress)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () =>
        reject(new Error(`the import ended before it was killed:\n${progress}`)),
      );
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const partial = (await users('contoso')).filter((user) => user.email.startsWith('user'));
    assert.ok(partial.length > 0 && partial.length < rows, `killed after ${partial.length} users`);

    const rerun = await admin('user', 'import', '--tenant', 'contoso', '--file', path);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(
      rerun.stdout,
      new RegExp(
        `^Imported into contoso: ${rows - partial.length} users added, ${partial.length} already there \\(skipped\\)\\.$`,
        'm',
      ),
    );
    const all = (await users('contoso')).filter((user) => user.email.startsWith('user'));
    assert.equal(all.length, rows);
    assert.equal(new Set(all.map((user) => user.email)).size, rows);
  });

  it('reads quoted CSV, JSON arrays and JSON Lines, and writes nothing on a dry run', async () => {
    const csv = file(
      'quoted.csv',
      '\uFEFFidentifier,display_name,groups\r\n"Quote@Fabrikam.example","Ann ""the"" Smith, Jr.",pilot\r\n' +
        'multi@fabrikam.example,"two\nlines",\r\nafter@fabrikam.example,,\r\nbad,,\r\n',
    );
    const json = file(
      'users.json',
      JSON.stringify(
        [
          { email: 'json1@fabrikam.example', groups: ['pilot'], recovery_email_verified: true },
          { email: 'json2@fabrikam.example', password_hash: hash, locale: 'sv' },
          { email: 'json3@fabrikam.example', groups: 'pilot', nickname: 'x' },
        ],
        null,
        2,
      ),
    );
    const jsonl = file(
      'users.jsonl',
      '{"email":"line1@fabrikam.example"}\n{"email":\n{"email":"line3@fabrikam.example","display_name":"L3"}\n',
    );

    const dry = await admin('user', 'import', '--tenant', 'fabrikam', '--file', json, '--dry-run');
    assert.match(
      dry.stdout,
      /^Dry run for fabrikam: would add 2 users, skip 0 already there; nothing written\.$/m,
    );
    assert.match(dry.stdout, /^ {2}line 14: nickname: is not a column of the import$/m);
    assert.equal(
      (await users('fabrikam')).some((user) => user.email.startsWith('json')),
      false,
    );

    const quoted = await admin('user', 'import', '--tenant', 'fabrikam', '--file', csv);
    assert.match(quoted.stdout, /2 users added/);
    assert.match(
      quoted.stdout,
      /^ {2}line 3: display_name: at most 100 characters, no control characters$/m,
    );
    assert.match(quoted.stdout, /^ {2}line 6: identifier: "bad" is not an email address/m);
    assert.match(
      (await admin('user', 'import', '--tenant', 'fabrikam', '--file', json)).stdout,
      /2 users added/,
    );
    const lines = await admin('user', 'import', '--tenant', 'fabrikam', '--file', jsonl);
    assert.match(lines.stdout, /2 users added/);
    assert.match(lines.stdout, /^ {2}line 2: row: is not valid JSON$/m);

    const byEmail = new Map((await users('fabrikam')).map((user) => [user.email, user]));
    assert.equal(byEmail.get('quote@fabrikam.example')?.displayName, 'Ann "the" Smith, Jr.');
    assert.equal(byEmail.has('after@fabrikam.example'), true);
    assert.deepEqual(byEmail.get('json1@fabrikam.example')?.groups, ['pilot']);
    assert.equal(byEmail.get('json2@fabrikam.example')?.state, 'active');
    assert.equal(byEmail.get('json2@fabrikam.example')?.locale, 'sv');
    assert.equal(byEmail.get('line3@fabrikam.example')?.displayName, 'L3');
  });
});
