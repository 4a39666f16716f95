/**
 * `npm run dev` as a brand team meets it: Vite in mock mode, the tenants of a tenants folder
 * read as the server reads them, and `?theme=<id>` on any tenant, seen in Debian's Chromium.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { launchBrowser, type TestBrowser } from '../test/server/support/browser.js';

describe('npm run dev', () => {
  let dir: string;
  let server: ViteDevServer;
  let browser: TestBrowser;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-dev-tenants-'));
    cpSync('tenants', dir, { recursive: true });
    const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as object;
    writeFileSync(
      join(dir, 'northwind.json'),
      JSON.stringify({ ...contoso, id: 'northwind', displayName: 'Northwind', theme: 'midnight' }),
    );
    process.env.TENANTS_DIR = dir;
    server = await createServer({
      mode: 'mock',
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    delete process.env.TENANTS_DIR;
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a tenant that exists only as a file in the tenants folder, in its pack', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/northwind/B2C_1_signin`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 60_000 });
    await page.locator('gate-app[data-gate-theme="midnight"]').waitFor();
    await page.close();
  });

  it('previews any pack on any tenant with ?theme=', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/contoso/B2C_1_signin?theme=fabrikam`);
    await page.locator('gate-app[data-gate-theme="fabrikam"]').waitFor({ timeout: 60_000 });
    const background = await page
      .locator('gate-app')
      .evaluate((app) => getComputedStyle(app).getPropertyValue('--gate-color-background').trim());
    const fabrikam = JSON.parse(readFileSync('themes/fabrikam/theme.json', 'utf8')) as {
      tokens: Record<string, string>;
    };
    assert.equal(background, fabrikam.tokens['color-background']);
    await page.close();
  });
});
