import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { verificationCodeText } from '../../src/server/mail/mail-text.js';
import { translator } from '../../src/i18n/translator.js';
import { loadTenants } from '../../src/server/tenants.js';
import { startGatehouse } from '../../src/server/gatehouse.js';
import { testConfig } from './support/in-process.js';

const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as Record<string, unknown>;

describe('server/tenants', () => {
  let dir: string | undefined;
  const folder = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-tenants-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the shipped tenants', async () => {
    assert.deepEqual(
      [...(await loadTenants('tenants')).keys()],
      ['contoso', 'fabrikam', 'northwind'],
    );
  });

  it('names every problem of every file and refuses to start', async () => {
    const path = folder({
      'contoso.json': JSON.stringify({ ...contoso, passwordRules: { minLength: 6 } }),
      'broken.json': '{ "id": ',
      'other.json': JSON.stringify({
        ...contoso,
        id: 'other',
        textOverrides: { nl: { mail_code_subject: 'Code voor {3}' } },
      }),
    });
    await assert.rejects(loadTenants(path), (error: Error) => {
      assert.match(error.message, /contoso\.json: passwordRules\.minLength: /);
      assert.match(error.message, /broken\.json: \(top level\): is not valid JSON/);
      assert.match(
        error.message,
        /other\.json: textOverrides\.nl\.mail_code_subject: unknown placeholder \{3\}/,
      );
      return true;
    });
  });

  it('names every problem of an app registration (clients)', async () => {
    const app = { id: 'web', name: 'Web', redirectUris: ['https://app.example/cb'] };
    const path = folder({
      'contoso.json': JSON.stringify({
        ...contoso,
        clients: [
          { ...app, type: 'confidential' },
          { ...app, id: 'spa', type: 'public', secretEnv: 'SPA_SECRET' },
          { ...app, id: 'http', type: 'public', redirectUris: ['http://app.example/cb'] },
          { ...app, id: 'lower', type: 'confidential', secretEnv: 'lower-case' },
          { ...app, id: 'spa', type: 'public' },
        ],
      }),
    });
    await assert.rejects(loadTenants(path), (error: Error) => {
      assert.match(
        error.message,
        /contoso\.json: clients\[0\]\.secretEnv: is required for a confidential client/,
      );
      assert.match(
        error.message,
        /contoso\.json: clients\[1\]\.secretEnv: .*not allowed for a public one/,
      );
      assert.match(
        error.message,
        /contoso\.json: clients\[2\]\.redirectUris\[0\]: must be an absolute https URL/,
      );
      assert.match(
        error.message,
        /contoso\.json: clients\[3\]\.secretEnv: must be the name of an environment variable/,
      );
      assert.match(error.message, /contoso\.json: clients: client ids must be unique/);
      return true;
    });
  });

  it('refuses to start when a confidential client’s secret variable is not set', async () => {
    const path = folder({
      'contoso.json': JSON.stringify({
        ...contoso,
        clients: [
          {
            id: 'web',
            name: 'Web',
            type: 'confidential',
            redirectUris: ['https://app.example/cb'],
            secretEnv: 'GATEHOUSE_TEST_UNSET_SECRET',
          },
        ],
      }),
    });
    const config = { ...testConfig({ dataDir: join(path, 'never-made') }), tenantsDir: path };
    await assert.rejects(
      startGatehouse({ config }),
      new RegExp(
        `${path}/contoso\\.json: clients\\[0\\]\\.secretEnv: the environment variable GATEHOUSE_TEST_UNSET_SECRET is not set`,
      ),
    );
  });

  it('refuses to start with a tenant whose theme pack does not exist, naming file and field', async () => {
    const path = folder({ 'contoso.json': JSON.stringify({ ...contoso, theme: 'contsoo' }) });
    const config = { ...testConfig({ dataDir: join(path, 'never-made') }), tenantsDir: path };
    await assert.rejects(
      startGatehouse({ config }),
      new RegExp(
        `${path}/contoso\\.json: theme: no theme pack "contsoo" \\(dist/themes/contsoo\\.json does not exist`,
      ),
    );
  });

  it("lays a tenant's overrides over the email text too", async () => {
    const overrides = { en: { mail_code_subject: 'Your sign-in code for {0}' } };
    const path = folder({
      'contoso.json': JSON.stringify({ ...contoso, textOverrides: overrides }),
    });
    const tenant = (await loadTenants(path)).get('contoso')!;
    const text = verificationCodeText(translator('en', tenant.textOverrides?.en), {
      tenant: 'Contoso',
      code: '123456',
      purpose: 'reset',
      validFor: '10 minutes',
    });
    assert.equal(text.subject, 'Your sign-in code for Contoso');
  });
});
