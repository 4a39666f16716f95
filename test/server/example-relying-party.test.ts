/**
 * examples/relying-party as its README runs it: the app on its own port, Gatehouse on another,
 * a user who signs in on the branded page, is greeted by the app, and signs out.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { buildPagesIfStale } from '../../scripts/build-pages.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { emptyDir, freshDataDir, removeDir } from './support/data-dir.js';
import { freePort } from './support/postgres.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

describe('examples/relying-party', () => {
  let dataDir: string;
  let tenantsDir: string;
  let server: ServerProcess;
  let app: ChildProcess;
  let appUrl: string;
  let browser: TestBrowser;

  before(async () => {
    buildPagesIfStale('dist');
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    // The demo tenants register the example at localhost:3000; this run registers its own port.
    tenantsDir = emptyDir('gatehouse-tenants-');
    mkdirSync(tenantsDir, { recursive: true });
    const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as {
      clients: { redirectUris: string[]; postLogoutRedirectUris: string[] }[];
    };
    contoso.clients[0]!.redirectUris = [`${appUrl}/auth/callback`];
    contoso.clients[0]!.postLogoutRedirectUris = [`${appUrl}/`];
    writeFileSync(join(tenantsDir, 'contoso.json'), JSON.stringify(contoso));
    writeFileSync(join(tenantsDir, 'fabrikam.json'), readFileSync('tenants/fabrikam.json'));
    dataDir = await freshDataDir();
    server = await startServerProcess({ DATA_DIR: dataDir, TENANTS_DIR: tenantsDir });
    app = spawn(process.execPath, ['examples/relying-party/app.js'], {
      env: { ...process.env, GATEHOUSE_URL: server.url, BASE_URL: appUrl, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: app.stdout! }).on('line', (line) => {
        if (line.startsWith('Example app on')) resolve();
      });
      app.once('exit', (code) => reject(new Error(`the example exited with ${code}`)));
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    app?.kill();
    await server?.stop();
    removeDir(dataDir);
    removeDir(tenantsDir);
  });

  it('signs a demo user in, changes the password and signs out', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The server's rendering of the form shows first; its button submits once the app has taken over.
    await page.locator('gate-sign-in-page').waitFor();
    await page.getByLabel('Email Address', { exact: true }).fill('ada@contoso.example');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.match(await page.locator('main').innerText(), /ada@contoso\.example.*B2C_1_signin/s);

    // The app's Change password goes through the password change policy and comes back signed in.
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('New Password', { exact: true }).fill('a new horse battery staple');
    await page
      .getByLabel('Confirm New Password', { exact: true })
      .fill('a new horse battery staple');
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.match(await page.locator('main').innerText(), /B2C_1_passwordchange/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign out?' }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Example app' }).waitFor();
    assert.equal(new URL(page.url()).origin, appUrl);
    assert.deepEqual(browser.cspViolations, []);
  });
});
