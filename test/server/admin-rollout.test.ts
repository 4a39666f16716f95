/**
 * `npm run admin -- rollout send` against a running server (through its loopback endpoint), with
 * users imported from a CSV: a dry run counts the right recipients by language and writes
 * previews, a send reaches each user once in the user's language (a tenant's override winning),
 * a rerun sends nothing again, and the reminder skips users whose recovery email is confirmed;
 * the report and a user's trail read the same running server.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminCli } from './support/admin-cli.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { startTestServer, type TestServer } from './support/in-process.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const users = [
  // identifier, recovery email verified, groups, locale
  ['ann@fabrikam.example', 'true', 'pilot', 'en'],
  ['bram@fabrikam.example', 'false', 'pilot', 'nl'],
  ['cia@fabrikam.example', 'false', 'pilot', 'sv'],
  ['dirk@fabrikam.example', 'true', 'pilot', ''],
  ['eve@fabrikam.example', 'false', 'others', 'en'],
];
const [ann, bram, cia, dirk, eve] = users.map(([email]) => email!);

describe('server: admin rollout send', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;
  let tenantsDir: string;

  const admin = (args: string[]) =>
    adminCli(['rollout', 'send', '--tenant', 'fabrikam', ...args], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      TENANTS_DIR: tenantsDir,
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  before(async () => {
    dataDir = await freshDataDir();
    tenantsDir = join(dataDir, 'tenants');
    mkdirSync(tenantsDir);
    writeFileSync(join(tenantsDir, 'contoso.json'), readFileSync('tenants/contoso.json'));
    const fabrikam = JSON.parse(readFileSync('tenants/fabrikam.json', 'utf8')) as {
      textOverrides: Record<string, Record<string, string>>;
    };
    // A tenant's own words for one message, by id, as for every other string.
    fabrikam.textOverrides.sv = {
      ...fabrikam.textOverrides.sv,
      mail_rollout_soon_heading: 'Snart kan du byta lösenord hos Fabrikam',
    };
    writeFileSync(join(tenantsDir, 'fabrikam.json'), JSON.stringify(fabrikam));
    sink = await startSmtpSink();
    server = await startTestServer({ dataDir, smtpUrl: sink.url, tenantsDir });
    const csv = join(dataDir, 'users.csv');
    writeFileSync(
      csv,
      ['email,recovery_email_verified,groups,locale', ...users.map((row) => row.join(','))].join(
        '\n',
      ),
    );
    await adminCli(['user', 'import', '--tenant', 'fabrikam', '--file', csv], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      TENANTS_DIR: tenantsDir,
    });
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('counts the recipients of a dry run by language and writes a preview in each', async () => {
    const preview = join(dataDir, 'preview');
    const { stdout } = await admin([
      '--template',
      'coming-soon',
      '--group',
      'pilot',
      '--dry-run',
      '--preview',
      preview,
    ]);
    assert.match(
      stdout,
      /"coming-soon" would go to 4 users \(group "pilot" of fabrikam\); 0 already/,
    );
    // dirk has no language of his own: fabrikam's default, Dutch.
    assert.match(stdout, /^ {2}en +1$/m);
    assert.match(stdout, /^ {2}nl +2$/m);
    assert.match(stdout, /^ {2}sv +1$/m);
    assert.match(readFileSync(join(preview, 'coming-soon.nl.html'), 'utf8'), /Binnenkort/);
    assert.match(
      readFileSync(join(preview, 'coming-soon.en.txt'), 'utf8'),
      /^Subject: Coming soon/,
    );
    assert.match(
      readFileSync(join(preview, 'coming-soon.sv.html'), 'utf8'),
      /byta lösenord hos Fabrikam/,
    );
    assert.equal(sink.mails.length, 0, 'a dry run sends nothing');
  });

  it("sends each user one message in the user's language, and none again on a rerun", async () => {
    const first = await admin(['--template', 'coming-soon', '--group', 'pilot', '--rate', '50/s']);
    assert.match(first.stdout, /Sent "coming-soon" to 4 users/);
    assert.match(first.stderr, /rollout: done, 4 of 4 queued, 4 handed to the mail server/);
    const subjects = Object.fromEntries(
      [ann, bram, cia, dirk].map((email) => [email, sink.to(email).map((mail) => mail.subject)]),
    );
    assert.deepEqual(subjects, {
      [ann]: ['Coming soon: reset your Fabrikam password yourself'],
      [bram]: ['Binnenkort: stel je wachtwoord voor Fabrikam zelf opnieuw in'],
      [cia]: ['Snart: återställ ditt lösenord till Fabrikam själv'],
      [dirk]: ['Binnenkort: stel je wachtwoord voor Fabrikam zelf opnieuw in'],
    });
    assert.match(sink.to(cia)[0]!.text, /Snart kan du byta lösenord hos Fabrikam/);
    assert.equal(sink.to(cia)[0]!.headers.get('content-language'), 'sv');
    assert.equal(sink.to(eve).length, 0, 'outside the group');
    // Branded like every email of the tenant: its pack's logo inline, its footer links.
    assert.match(sink.to(ann)[0]!.html, /<img src="cid:logo" alt="Fabrikam"/);
    assert.match(sink.to(ann)[0]!.raw, /content-id:\s*<logo>/i);

    const again = await admin(['--template', 'coming-soon', '--group', 'pilot']);
    assert.match(again.stdout, /Sent "coming-soon" to 0 users/);
    await settle();
    assert.equal(sink.mails.length, 4, 'no duplicates');
  });

  it('reminds only the users who have not confirmed their recovery email', async () => {
    const dry = await admin([
      '--template',
      'reminder',
      '--dry-run',
      '--preview',
      join(dataDir, 'p'),
    ]);
    // Without --group: eve too, and fabrikam's demo users who never confirmed.
    assert.match(dry.stdout, /Note: fabrikam never asks for the recovery email at sign-in/);
    const sent = await admin(['--template', 'reminder', '--group', 'pilot']);
    assert.match(sent.stdout, /Sent "reminder" to 2 users/);
    assert.deepEqual(
      [ann, bram, cia, dirk].map((email) => sink.to(email).length),
      [1, 2, 2, 1],
    );
    assert.equal(sink.to(bram)[1]!.subject, 'Herinnering: bevestig je e-mailadres voor Fabrikam');
    assert.equal(sink.to(cia)[1]!.subject, 'Påminnelse: bekräfta din e-postadress för Fabrikam');
  });

  it("reports and shows a user's trail through the running server", async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', TENANTS_DIR: tenantsDir };
    const report = await adminCli(['report', '--tenant', 'fabrikam', '--days', '7'], env);
    // fabrikam counts days in Europe/Amsterdam.
    assert.match(report.stdout, /^Report for fabrikam, .* \(7 days, Europe\/Amsterdam\)$/m);
    assert.match(report.stdout, /^ {2}pilot +4 +2 +50 % +█████░░░░░$/m);
    const trail = await adminCli(['audit', '--tenant', 'fabrikam', '--user', bram], env);
    assert.match(trail.stdout, /"Coming soon" email delivered +ok/);
    assert.match(trail.stdout, /sign-up reminder email delivered +ok/);
  });
});
