/**
 * `npm run admin -- report` and `audit --user` on the embedded database with no server, over a
 * seeded history: the numbers match it, the HTML file has its charts inline and asks for nothing
 * from outside, the CSV files have the columns docs/operators.md lists; and a rollout sent with no
 * server running is delivered by the command itself.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../src/server/log.js';
import { openStorage } from '../../src/server/storage.js';
import { recordAudit, type AuditEvent } from '../../src/server/store/audit.js';
import { importUsers } from '../../src/server/store/user-import.js';
import { findUser } from '../../src/server/store/users.js';
import { adminCli } from './support/admin-cli.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const dayMs = 86_400_000;
const emails = ['u1', 'u2', 'u3', 'u4', 'u5'].map((name) => `${name}@contoso.example`);
const [u1, u2, , u4] = emails as [string, string, string, string];

describe('server: admin report and audit trail', () => {
  let dataDir: string;
  let sink: SmtpSink;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: sink.url });
  const admin = (args: string[]) => adminCli(args, env());

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
    const storage = await openStorage(
      { dataDir, databaseUrl: undefined },
      'admin-cli',
      createLogger(() => {}),
    );
    const db = storage.database;
    const now = Date.now();
    const startOfToday = now - (now % dayMs);
    const seeded = [
      [u1, ['pilot'], true],
      [u2, ['pilot'], false],
      [emails[2], ['pilot'], true],
      [u4, ['staff'], false],
      [emails[4], [], true],
    ] as const;
    await importUsers(
      db,
      'contoso',
      seeded.map(([email, groups, emailVerified]) => ({
        email: email!,
        recoveryEmail: null,
        password: null,
        groups: [...groups],
        emailVerified,
        displayName: null,
        locale: null,
      })),
      new Date(now - 60 * dayMs),
    );
    const ids = new Map<string, string>();
    for (const email of emails) ids.set(email, (await findUser(db, 'contoso', email))!.id);
    /** `count` events at noon UTC `daysAgo` days before today (0: the first minute of today). */
    const seed = async (daysAgo: number, event: AuditEvent, email: string | null, count = 1) => {
      const at = new Date(
        daysAgo === 0 ? startOfToday : startOfToday - daysAgo * dayMs + dayMs / 2,
      );
      for (let i = 0; i < count; i += 1) {
        const userId = email === null ? null : (ids.get(email) ?? null);
        await recordAudit(
          db,
          {
            tenant: 'contoso',
            event,
            userId,
            email: email ?? '=1+1@contoso.example',
            ip: '198.51.100.7',
          },
          at,
        );
      }
    };
    await seed(40, 'reset_started', u1, 5); // before the 30 days: not counted
    await seed(2, 'reset_started', u1);
    await seed(2, 'reset_started', u2);
    await seed(2, 'reset_started', u4);
    await seed(2, 'code_verified', u1);
    await seed(2, 'code_verified', u2);
    await seed(2, 'code_failed', u4);
    await seed(2, 'password_set', u1);
    await seed(2, 'password_set', u2);
    await seed(1, 'reset_started', u4);
    await seed(1, 'code_verified', u4);
    await seed(1, 'sign_in_failed', u1, 3);
    await seed(1, 'sign_in_failed', null);
    await seed(1, 'account_locked', u1);
    await seed(0, 'sign_in_failed', u2);
    await seed(0, 'sign_in_succeeded', u1);
    await storage.close();
  });

  after(async () => {
    await sink?.close();
    removeDir(dataDir);
  });

  it('shows the seeded numbers in a table with sparklines', async () => {
    const { stdout } = await admin(['report', '--tenant', 'contoso']);
    assert.match(
      stdout,
      /^Report for contoso, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(30 days, UTC\)$/m,
    );
    // Two days ago 3 (the most), yesterday 1, today none.
    assert.match(stdout, /^ {2}resets started +4 +▁{27}█▄▁$/m);
    assert.match(stdout, /^ {2}code verified +3 +▁{27}█▅▁$/m);
    assert.match(stdout, /^ {2}resets completed +2 +▁{27}█▁▁$/m);
    assert.match(stdout, /^ {2}success rate +50 % +/m);
    assert.match(stdout, /^ {2}sign-in failures +5 +▁{28}█▃$/m);
    assert.match(stdout, /^ {2}lockouts +1 +▁{28}█▁$/m);
    assert.match(stdout, /^ {2}\(all users\) +5 +3 +60 % +██████░░░░$/m);
    assert.match(stdout, /^ {2}pilot +3 +2 +67 % +███████░░░$/m);
    assert.match(stdout, /^ {2}staff +1 +0 +0 % +░{10}$/m);
    assert.match(stdout, /^ {2}\(in no group\) +1 +1 +100 % +█{10}$/m);
    const reasons = stdout.slice(stdout.indexOf('Top failure reasons')).split('\n').slice(1, 5);
    assert.deepEqual(
      reasons.map((line) => line.trim().replace(/ +/, ' ')),
      [
        '4 wrong password, or an account already locked',
        '1 account locked after repeated failures',
        '1 sign-in with an address that has no account',
        '1 wrong or expired verification code',
      ],
    );
  });

  it('writes one HTML file with inline SVG charts and nothing from outside', async () => {
    const file = join(dataDir, 'report.html');
    await admin(['report', '--tenant', 'contoso', '--html', file]);
    const html = readFileSync(file, 'utf8');
    assert.ok((html.match(/<svg /g) ?? []).length >= 7, 'a chart per series and coverage');
    assert.match(html, /<rect [^>]*><title>\d{4}-\d\d-\d\d: 3<\/title><\/rect>/);
    assert.doesNotMatch(html, /\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    assert.doesNotMatch(html, /<script|<link|<iframe|url\(|@import/i);
  });

  it('exports the series, the coverage, the reasons and the trail with the documented columns', async () => {
    const dir = join(dataDir, 'csv');
    await admin(['report', '--tenant', 'contoso', '--days', '7', '--csv', dir]);
    const guide = readFileSync('docs/operators.md', 'utf8');
    const read = (name: string) => readFileSync(join(dir, name), 'utf8').trimEnd().split('\r\n');
    const series = read('series.csv');
    assert.equal(
      series[0],
      'date,resets_started,codes_verified,resets_completed,success_rate_percent,sign_in_failures,lockouts',
    );
    assert.equal(series.length, 8);
    assert.match(series[5]!, /^\d{4}-\d\d-\d\d,3,2,2,67,0,0$/);
    assert.match(series[7]!, /^\d{4}-\d\d-\d\d,0,0,0,,1,0$/);
    assert.deepEqual(read('coverage.csv').slice(0, 2), [
      'group,users,verified,share_percent',
      '(all users),5,3,60',
    ]);
    assert.equal(
      read('failure-reasons.csv')[1],
      'wrong_password,"wrong password, or an account already locked",4',
    );
    const trail = read('audit-trail.csv');
    assert.equal(trail[0], 'at,email,event,what,result,ip');
    assert.equal(trail.length, 1 + 17, 'every event of the 7 days');
    assert.ok(
      trail.some((row) => row.includes(",'=1+1@contoso.example,")),
      'a formula is defused',
    );
    for (const file of ['series.csv', 'coverage.csv', 'failure-reasons.csv', 'audit-trail.csv']) {
      const header = read(file)[0]!;
      assert.ok(guide.includes(`\`${header}\``), `docs/operators.md lists ${file}'s columns`);
    }
  });

  it("shows one user's trail: what, when and the result, never a code or a password", async () => {
    const { stdout } = await admin(['audit', '--tenant', 'contoso', '--user', u1]);
    assert.match(stdout, /^Audit trail of u1@contoso\.example in contoso:$/m);
    assert.equal((stdout.match(/ sign-in +failed /g) ?? []).length, 3);
    assert.match(
      stdout,
      /^ {2}\d{4}-\d\d-\d\dT[\d:.]+Z +new password set through the reset +ok +198\.51\.100\.7$/m,
    );
    assert.match(stdout, /account locked after repeated failures +failed/);
    const rows = JSON.parse(
      (await admin(['audit', '--tenant', 'contoso', '--user', u1, '--json'])).stdout,
    ) as { event: string }[];
    assert.equal(rows.length, 5 + 1 + 1 + 1 + 3 + 1 + 1);
    assert.deepEqual(Object.keys(rows[0]!), ['at', 'email', 'event', 'what', 'result', 'ip']);
  });

  it('delivers a rollout itself when no server runs', async () => {
    const { stdout } = await admin([
      'rollout',
      'send',
      '--tenant',
      'contoso',
      '--template',
      'reminder',
    ]);
    assert.match(stdout, /Sent "reminder" to 2 users \(every user of contoso\)/);
    assert.deepEqual(sink.mails.map((mail) => mail.to[0]).sort(), [u2, u4]);
    const trail = await admin(['audit', '--tenant', 'contoso', '--user', u2]);
    assert.match(trail.stdout, /sign-up reminder email delivered +ok/);
  });
});
