/**
 * Enforced registration through authorize: openid-client as the app, Chromium on the hosted pages,
 * the real server and real email. On northwind (`requireRecoveryRegistration`), a username account
 * without a verified recovery email registers one by code before the app gets its code; a
 * prefilled, verified one goes straight through; a new address takes a fresh code.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type * as client from 'openid-client';
import type { TestBrowser } from './support/browser.js';
import { apiOf } from './support/http.js';
import { serverAndBrowser } from './support/server-and-browser.js';
import type { ServerProcess } from './support/server-process.js';
import { codeIn, type SmtpSink } from './support/smtp-sink.js';
import { authorizeUrl, discover, exchange, type Callback } from './support/relying-party.js';
import { words } from './support/words.js';

const nils = { username: 'nils', password: 'harbour cranes at dawn' };
const mona = { username: 'mona', password: 'lighthouse keeper ledger' };

describe('enforced registration of a recovery email at sign-in', () => {
  const t = words('en');
  let sink: SmtpSink;
  let callback: Callback;
  let server: ServerProcess;
  let browser: TestBrowser;
  let app: client.Configuration;

  const set = serverAndBrowser({
    apps: (back) => ({
      northwind: [
        {
          id: 'test-spa',
          name: 'Test single-page app',
          type: 'public',
          redirectUris: [back.redirectUri],
        },
      ],
    }),
  });
  before(async () => {
    ({ sink, callback, server, browser } = set);
    app = await discover(server.url, 'northwind', 'B2C_1_signin', 'test-spa');
  });

  async function signIn(page: Page, name: string, password: string) {
    await page.locator('gate-sign-in-page').waitFor();
    await page.getByLabel(t('username_label', 'Username'), { exact: true }).fill(name);
    await page.getByLabel(t('password', 'Password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('button_signin', 'Sign in'), exact: true }).click();
  }

  it('changes the address only with a fresh code sent to the new one', async () => {
    const api = apiOf(server.url, 'northwind');
    const ip = { ip: '198.51.100.20' };
    const signedIn = await api.post(
      '/sign-in',
      { identifier: 'nils', password: nils.password },
      ip,
    );
    assert.equal(signedIn.body.status, 'register-email');
    assert.equal(signedIn.headers.get('set-cookie'), null, 'no session before the code');
    const flowId = signedIn.body.flowId as string;
    // A registration must name its address.
    const bare = await api.post(`/email-confirmation/${flowId}/send`, {}, ip);
    assert.deepEqual([bare.status, bare.body], [400, { error: 'invalid_request' }]);
    const first = await api.post(
      `/email-confirmation/${flowId}/send`,
      { email: 'first@example.org' },
      ip,
    );
    assert.equal(first.status, 202);
    const code = codeIn(await sink.waitFor('first@example.org'));
    // Another address: the code sent to the first one ends at once, even before a new one can go.
    const other = await api.post(
      `/email-confirmation/${flowId}/send`,
      { email: 'second@example.org' },
      ip,
    );
    assert.equal(other.status, 429);
    const stale = await api.post(`/email-confirmation/${flowId}/verify`, { code }, ip);
    assert.deepEqual(
      [stale.status, stale.body],
      [422, { error: 'code_rejected', attemptsLeft: 0 }],
    );
  });

  it(
    'makes a user without a verified recovery email register one before the app gets its code',
    { timeout: 120_000 },
    async () => {
      const address = 'nils.private@example.org';
      const page = await browser.context.newPage();
      const request = await authorizeUrl(app, callback.redirectUri);
      const arrivals = callback.arrivals.length;
      await page.goto(request.url.href);
      await signIn(page, nils.username, nils.password);

      const heading = page.getByRole('heading', {
        name: t('register_email_heading', 'Add a recovery email'),
      });
      await heading.waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const field = page.getByLabel(t('register_email_label', 'Recovery email address'), {
        exact: true,
      });
      assert.equal(await field.getAttribute('autocomplete'), 'email');
      const send = page.getByRole('button', { name: t('ver_but_send', 'Send verification code') });
      await field.fill('not an address');
      await send.click();
      await page.getByText(t('register_email_pattern', 'Enter a valid email address.')).waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      await field.fill(address);
      await send.click();

      await page
        .getByRole('heading', { name: t('ver_heading', 'Enter your verification code') })
        .waitFor();
      assert.equal(callback.arrivals.length, arrivals, 'the app waits for the code');
      const mail = await sink.waitFor(address);
      await page
        .getByLabel(t('ver_input_code', 'Verification code'), { exact: true })
        .fill(codeIn(mail));
      const count = arrivals + 1;
      await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();
      const arrival = await callback.next(count);
      const tokens = await exchange(app, arrival, request);
      const claims = tokens.claims()!;
      assert.equal(claims.preferred_username, 'nils');
      assert.equal(claims.email, address);
      await page.close();
    },
  );

  it('lets a prefilled, verified user straight through', { timeout: 60_000 }, async () => {
    const context = await browser.context.browser()!.newContext();
    try {
      const page = await context.newPage();
      const request = await authorizeUrl(app, callback.redirectUri);
      const count = callback.arrivals.length + 1;
      await page.goto(request.url.href);
      await signIn(page, mona.username, mona.password);
      const tokens = await exchange(app, await callback.next(count), request);
      assert.equal(tokens.claims()!.email, 'mona@northwind.example');
    } finally {
      await context.close();
    }
  });
});
