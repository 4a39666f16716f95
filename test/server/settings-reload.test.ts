/**
 * Tenant settings without a restart (docs/server.md#changing-settings): a valid change is served
 * after a reload, by the API and the hosted pages alike; a folder with any problem keeps the running
 * settings and logs every problem; an `enabled: selected` group with no member is warned about.
 * The last test sends a real SIGHUP to a server process.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './support/in-process.js';
import { emptyDir, freshDataDir, removeDir } from './support/data-dir.js';
import { apiOf } from './support/http.js';
import { startServerProcess } from './support/server-process.js';

describe('server: settings reload', () => {
  let dataDir: string;
  let tenantsDir: string;
  let server: TestServer;

  const contosoFile = () => join(tenantsDir, 'contoso.json');
  const editContoso = (change: (tenant: Record<string, unknown>) => void) => {
    const tenant = JSON.parse(readFileSync(contosoFile(), 'utf8')) as Record<string, unknown>;
    change(tenant);
    writeFileSync(contosoFile(), JSON.stringify(tenant, null, 2));
  };
  const config = async () =>
    (await apiOf(server.url).get('/config')).body as {
      displayName: string;
      passwordRules: { minLength: number };
    };

  before(async () => {
    dataDir = await freshDataDir();
    tenantsDir = emptyDir('gatehouse-tenants-');
    cpSync('tenants', tenantsDir, { recursive: true });
    server = await startTestServer({ dataDir, tenantsDir });
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
    removeDir(tenantsDir);
  });

  it('serves a valid change after a reload, without a restart', async () => {
    assert.equal((await config()).displayName, 'Contoso');
    editContoso((tenant) => {
      tenant.displayName = 'Contoso Pilot';
      tenant.passwordRules = { minLength: 20 };
    });
    assert.equal((await config()).displayName, 'Contoso', 'nothing changes before the reload');
    assert.equal(await server.gatehouse.reloadSettings(), true);
    const changed = await config();
    assert.deepEqual([changed.displayName, changed.passwordRules.minLength], ['Contoso Pilot', 20]);
    const page = await (await fetch(`${server.url}/contoso/B2C_1_signin`)).text();
    assert.match(page, /Contoso Pilot/, 'the hosted page carries the new settings too');
    assert.ok(server.logs.some((line) => line.event === 'settings_reloaded'));
  });

  it('warns when an `enabled: selected` switch names a group without members', async () => {
    const file = join(tenantsDir, 'fabrikam.json');
    const tenant = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({ ...tenant, selfServiceReset: { enabled: 'selected', group: 'pilot' } }),
    );
    assert.equal(await server.gatehouse.reloadSettings(), true);
    assert.ok(
      server.logs.some(
        (line) =>
          line.event === 'reset_group_empty' &&
          line.tenant === 'fabrikam' &&
          line.group === 'pilot',
      ),
      server.logText(),
    );
  });

  it('keeps the running settings for a folder with problems, and logs every problem', async () => {
    editContoso((tenant) => {
      tenant.displayName = 'Never served';
      tenant.reconfirmEmailAfterDays = 9999;
      tenant.selfServiceReset = { enabled: 'sometimes' };
    });
    writeFileSync(join(tenantsDir, 'broken.json'), '{ not json');
    const before = server.logs.length;
    assert.equal(await server.gatehouse.reloadSettings(), false);
    assert.equal((await config()).displayName, 'Contoso Pilot');
    const problems = server.logs
      .slice(before)
      .filter((line) => line.event === 'settings_problem')
      .map((line) => String(line.problem));
    assert.ok(
      problems.some((problem) => problem.includes('contoso.json: reconfirmEmailAfterDays')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((problem) => problem.includes('contoso.json: selfServiceReset')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((problem) => problem.includes('broken.json')),
      problems.join('\n'),
    );
    assert.ok(server.logs.slice(before).some((line) => line.event === 'settings_reload_refused'));
  });

  it('reloads on SIGHUP', { timeout: 120_000 }, async () => {
    const otherData = await freshDataDir();
    const otherTenants = emptyDir('gatehouse-tenants-');
    cpSync('tenants', otherTenants, { recursive: true });
    const running = await startServerProcess({ DATA_DIR: otherData, TENANTS_DIR: otherTenants });
    try {
      const file = join(otherTenants, 'contoso.json');
      const tenant = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...tenant, displayName: 'Contoso after SIGHUP' }));
      running.signal('SIGHUP');
      const deadline = Date.now() + 30_000;
      let name = '';
      while (Date.now() < deadline && name !== 'Contoso after SIGHUP') {
        name = ((await apiOf(running.url).get('/config')).body as { displayName: string })
          .displayName;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(name, 'Contoso after SIGHUP');
    } finally {
      await running.stop();
      removeDir(otherData);
      removeDir(otherTenants);
    }
  });
});
