/**
 * The OpenID Connect front door as an app meets it: openid-client as the relying party, Chromium
 * on the hosted pages, the real server (embedded database) and real email in an SMTP sink.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import * as client from 'openid-client';
import { adminCli } from './support/admin-cli.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import type { ServerProcess } from './support/server-process.js';
import { serverAndBrowser } from './support/server-and-browser.js';
import { codeIn, type SmtpSink } from './support/smtp-sink.js';
import { authorizeUrl, discover, exchange, type Callback } from './support/relying-party.js';
import { words, type Locale } from './support/words.js';

/** The OAuth error code openid-client found in a refusal (body or WWW-Authenticate challenge). */
function oauthError(code: string) {
  return (error: unknown) => {
    const found = error as {
      error?: string;
      cause?: { error?: string } | { parameters?: { error?: string } }[];
    };
    const cause = Array.isArray(found.cause)
      ? found.cause[0]?.parameters?.error
      : found.cause?.error;
    assert.equal(found.error ?? cause, code);
    return true;
  };
}
const secret = 'a test secret that lives only in the environment';

/** Contoso's apps of the test's relying party: a public one and a confidential one. */
const testApps = (callback: Callback) => ({
  contoso: [
    {
      id: 'test-spa',
      name: 'Test single-page app',
      type: 'public',
      redirectUris: [callback.redirectUri],
      postLogoutRedirectUris: [callback.postLogoutUri],
    },
    {
      id: 'test-web',
      name: 'Test web app',
      type: 'confidential',
      redirectUris: [callback.redirectUri],
      secretEnv: 'TEST_WEB_SECRET',
    },
  ],
});

function signInHeading(locale: Locale): string {
  const theme = JSON.parse(readFileSync('dist/themes/contoso.json', 'utf8')) as {
    text: Record<Locale, { signInHeading: string }>;
  };
  return theme.text[locale].signInHeading;
}

async function signIn(page: Page, email: string, password: string, locale: Locale = 'en') {
  const t = words(locale);
  await page.getByRole('heading', { name: signInHeading(locale), exact: true }).waitFor();
  // The server's rendering of the form shows first; its button submits once the app has taken over.
  await page.locator('gate-sign-in-page').waitFor();
  await page.getByLabel(t('logonIdentifier_email', 'Email Address'), { exact: true }).fill(email);
  await page.getByLabel(t('password', 'Password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('button_signin', 'Sign in'), exact: true }).click();
}

describe('OpenID Connect front door: an app signs its users in', () => {
  const t = words('en');
  let dataDir: string;
  let tenantsDir: string;
  let sink: SmtpSink;
  let callback: Callback;
  let server: ServerProcess;
  let browser: TestBrowser;
  let spa: client.Configuration;
  /** A code left unredeemed at the start, to find expired at the end. */
  let unredeemed: { arrival: URL; request: Awaited<ReturnType<typeof authorizeUrl>>; at: number };

  const ada = { email: 'ada@contoso.example', password: 'correct horse battery staple' };

  const set = serverAndBrowser({ apps: testApps, env: { TEST_WEB_SECRET: secret } });
  before(async () => {
    ({ dataDir, tenantsDir, sink, callback, server, browser } = set);
    spa = await discover(server.url, 'contoso', 'B2C_1_signin', 'test-spa');
  });

  /** Follows an authorize request in the browser to the relying party's callback. */
  async function arrive(page: Page, url: URL, act?: () => Promise<void>) {
    const count = callback.arrivals.length + 1;
    await page.goto(url.href);
    await act?.();
    const arrival = await callback.next(count);
    // The browser is still on its way there; the next navigation must not cut it short.
    await page.waitForURL((url) => url.href === arrival.href);
    return arrival;
  }

  it('serves discovery and keys at B2C’s addresses', async () => {
    const metadata = spa.serverMetadata();
    assert.equal(metadata.issuer, `${server.url}/contoso/B2C_1_signin/v2.0/`);
    assert.equal(
      metadata.authorization_endpoint,
      `${server.url}/contoso/B2C_1_signin/oauth2/v2.0/authorize`,
    );
    assert.equal(metadata.token_endpoint, `${server.url}/contoso/B2C_1_signin/oauth2/v2.0/token`);
    assert.equal(
      metadata.end_session_endpoint,
      `${server.url}/contoso/B2C_1_signin/oauth2/v2.0/logout`,
    );
    assert.equal(metadata.jwks_uri, `${server.url}/contoso/B2C_1_signin/discovery/v2.0/keys`);
    assert.deepEqual(metadata.response_types_supported, ['code']);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    const keys = (await (await fetch(metadata.jwks_uri!)).json()) as {
      keys: { kty: string; d?: string }[];
    };
    assert.ok(keys.keys.length >= 1);
    assert.ok(keys.keys.every((key) => key.kty === 'RSA' && key.d === undefined));
  });

  it('reaches the hosted page with its server-rendered form and strict CSP', async () => {
    const request = await authorizeUrl(spa, callback.redirectUri, { ui_locales: 'sv' });
    const authorize = await fetch(request.url, { redirect: 'manual' });
    assert.equal(authorize.status, 303);
    const cookie = authorize.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const hop = await fetch(new URL(authorize.headers.get('location')!, server.url), {
      redirect: 'manual',
      headers: { cookie },
    });
    assert.equal(hop.status, 303);
    const page = await fetch(new URL(hop.headers.get('location')!, server.url));
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<gate-app[^>]* prerendered/);
    assert.match(html, /autocomplete="current-password"/);
    assert.match(
      page.headers.get('content-security-policy') ?? '',
      /script-src 'self'; style-src 'self' 'sha256-.*object-src 'none'; base-uri 'none'; form-action 'self'[^;]*; frame-ancestors 'none'/,
    );
  });

  it(
    'signs a user in with JavaScript off: the form posts and the flow returns to the app',
    { timeout: 60_000 },
    async () => {
      const plain = await launchBrowser({ javaScriptEnabled: false });
      try {
        const page = await plain.context.newPage();
        const request = await authorizeUrl(spa, callback.redirectUri, { ui_locales: 'nl' });
        const nl = words('nl');
        const arrival = await arrive(page, request.url, async () => {
          await page.getByRole('heading', { name: signInHeading('nl'), exact: true }).waitFor();
          await page
            .getByLabel(nl('logonIdentifier_email', 'Email Address'), { exact: true })
            .fill(ada.email);
          await page.getByLabel(nl('password', 'Password'), { exact: true }).fill(ada.password);
          await page
            .getByRole('button', { name: nl('button_signin', 'Sign in'), exact: true })
            .click();
        });
        const tokens = await exchange(spa, arrival, request);
        assert.equal(tokens.claims()!.email, ada.email);
        assert.equal(await page.locator('gate-sign-in-page').count(), 0, 'no script ran');
        assert.deepEqual(plain.cspViolations, []);
      } finally {
        await plain.close();
      }
    },
  );

  it(
    'signs a user in on the themed page and hands the app a verified ID token',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      // A code to leave unredeemed until the last test, which finds it expired.
      unredeemed = {
        request: await authorizeUrl(spa, callback.redirectUri, { login_hint: ada.email }),
        arrival: new URL('http://invalid'),
        at: 0,
      };
      const request = unredeemed.request;
      const arrival = await arrive(page, request.url, async () => {
        await signIn(page, ada.email, ada.password);
      });
      assert.equal(arrival.searchParams.get('state'), request.state, 'state comes back unchanged');
      unredeemed.arrival = arrival;
      unredeemed.at = Date.now();

      const second = await authorizeUrl(spa, callback.redirectUri);
      // An existing session signs in without a prompt.
      const silent = await arrive(page, second.url);
      const tokens = await exchange(spa, silent, second);
      const claims = tokens.claims()!;
      assert.equal(claims.iss, `${server.url}/contoso/B2C_1_signin/v2.0/`);
      assert.equal(claims.aud, 'test-spa');
      assert.equal(claims.nonce, second.nonce);
      assert.equal(claims.email, ada.email);
      assert.equal(claims.email_verified, true);
      assert.deepEqual(claims.amr, ['pwd']);
      assert.equal(claims.tfp, 'B2C_1_signin');
      assert.equal(claims.acr, 'B2C_1_signin');
      assert.equal(typeof claims.auth_time, 'number');
      assert.match(claims.sub, /^[0-9a-f-]{36}$/);
      assert.ok(tokens.refresh_token, 'offline_access gives a refresh token');

      const info = await client.fetchUserInfo(spa, tokens.access_token, claims.sub);
      assert.equal(info.email, ada.email);

      // The refresh token rotates, and the rotated one is refused after use.
      const refreshed = await client.refreshTokenGrant(spa, tokens.refresh_token!);
      assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
      await assert.rejects(
        client.refreshTokenGrant(spa, tokens.refresh_token!),
        oauthError('invalid_grant'),
      );
      await page.close();
    },
  );

  it(
    'prompts again with prompt=login, and answers login_required to prompt=none without a session',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      const forced = await authorizeUrl(spa, callback.redirectUri, { prompt: 'login' });
      const arrival = await arrive(page, forced.url, async () => {
        await signIn(page, ada.email, ada.password);
      });
      assert.ok(arrival.searchParams.get('code'));
      await page.close();

      const fresh = await browser.context.browser()!.newContext();
      try {
        const none = await authorizeUrl(spa, callback.redirectUri, { prompt: 'none' });
        const freshPage = await fresh.newPage();
        const answer = await arrive(freshPage, none.url);
        assert.equal(answer.searchParams.get('error'), 'login_required');
        assert.equal(answer.searchParams.get('state'), none.state);
      } finally {
        await fresh.close();
      }
    },
  );

  it(
    'signs out with RP-initiated logout, after which the next authorize prompts',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      const request = await authorizeUrl(spa, callback.redirectUri);
      const arrival = await arrive(page, request.url);
      const tokens = await exchange(spa, arrival, request);
      const logout = client.buildEndSessionUrl(spa, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: callback.postLogoutUri,
        state: 'bye',
      });
      const count = callback.arrivals.length + 1;
      await page.goto(logout.href);
      await page.getByRole('heading', { name: t('signout_heading', 'Sign out?') }).waitFor();
      await page
        .getByRole('button', { name: t('signout_button', 'Sign out'), exact: true })
        .click();
      const back = await callback.next(count);
      assert.equal(back.pathname, '/signed-out');
      assert.equal(back.searchParams.get('state'), 'bye');
      // The refresh token of that sign-in is revoked with its grant.
      await assert.rejects(
        client.refreshTokenGrant(spa, tokens.refresh_token!),
        oauthError('invalid_grant'),
      );

      const again = await authorizeUrl(spa, callback.redirectUri);
      await page.goto(again.url.href);
      await page.getByRole('heading', { name: signInHeading('en'), exact: true }).waitFor();
      await page.close();
    },
  );

  it(
    "signs a user out everywhere with admin user sessions revoke: apps' tokens too",
    { timeout: 90_000 },
    async () => {
      const user = { email: 'revoke@contoso.example', password: 'signed in on two devices' };
      await adminCli(
        ['user', 'add', '--tenant', 'contoso', '--email', user.email],
        { DATA_DIR: dataDir, DATABASE_URL: '', TENANTS_DIR: tenantsDir },
        user.password,
      );
      const devices = [
        await browser.context.browser()!.newContext(),
        await browser.context.browser()!.newContext(),
      ];
      try {
        const refreshTokens: string[] = [];
        for (const device of devices) {
          const page = await device.newPage();
          const request = await authorizeUrl(spa, callback.redirectUri);
          const arrival = await arrive(page, request.url, () =>
            signIn(page, user.email, user.password),
          );
          refreshTokens.push((await exchange(spa, arrival, request)).refresh_token!);
        }
        const cli = (...args: string[]) =>
          adminCli(['user', ...args, '--tenant', 'contoso', '--email', user.email], {
            DATA_DIR: dataDir,
            DATABASE_URL: '',
            TENANTS_DIR: tenantsDir,
          });
        const shown = JSON.parse((await cli('show', '--json')).stdout) as { sessions: number };
        assert.equal(shown.sessions, 2);
        const revoked = await cli('sessions', 'revoke');
        assert.match(
          revoked.stdout,
          /^Signed revoke@contoso\.example out everywhere: 2 sessions ended/,
        );

        for (const [index, device] of devices.entries()) {
          await assert.rejects(
            client.refreshTokenGrant(spa, refreshTokens[index]!),
            oauthError('invalid_grant'),
          );
          const page = await device.newPage();
          const again = await authorizeUrl(spa, callback.redirectUri);
          await page.goto(again.url.href);
          await page.getByRole('heading', { name: signInHeading('en'), exact: true }).waitFor();
        }
      } finally {
        for (const device of devices) await device.close();
      }
    },
  );

  for (const locale of ['nl', 'sv'] as const) {
    it(`shows the pages in ${locale} for ui_locales=${locale}`, { timeout: 60_000 }, async () => {
      const context = await browser.context.browser()!.newContext();
      try {
        const page = await context.newPage();
        const request = await authorizeUrl(spa, callback.redirectUri, { ui_locales: locale });
        const arrival = await arrive(page, request.url, async () => {
          await signIn(page, ada.email, ada.password, locale);
        });
        assert.ok(arrival.searchParams.get('code'));
      } finally {
        await context.close();
      }
    });
  }

  it(
    'resets a forgotten password through the reset policy, then the app gets its code after a sign-in',
    { timeout: 120_000 },
    async () => {
      const user = {
        email: 'oidc-reset@contoso.example',
        old: 'an old passphrase of mine',
        next: 'a brand new passphrase here',
      };
      await adminCli(
        ['user', 'add', '--tenant', 'contoso', '--email', user.email],
        { DATA_DIR: dataDir, DATABASE_URL: '', TENANTS_DIR: tenantsDir },
        user.old,
      );
      const reset = await discover(server.url, 'contoso', 'B2C_1_passwordreset', 'test-spa');
      const context = await browser.context.browser()!.newContext();
      try {
        const page = await context.newPage();
        const request = await authorizeUrl(reset, callback.redirectUri);
        const arrivalsBefore = callback.arrivals.length;
        const arrival = await arrive(page, request.url, async () => {
          await page
            .getByRole('heading', { name: t('reset_heading', 'Reset your password') })
            .waitFor();
          await page.getByLabel(t('email', 'Email Address'), { exact: true }).fill(user.email);
          await page
            .getByRole('button', { name: t('ver_but_send', 'Send verification code') })
            .click();
          const code = codeIn(await sink.waitFor(user.email));
          await page
            .getByLabel(t('ver_input_code', 'Verification code'), { exact: true })
            .fill(code);
          await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();
          await page.getByLabel(t('newPassword', 'New Password'), { exact: true }).fill(user.next);
          await page
            .getByLabel(t('reenterPassword', 'Confirm New Password'), { exact: true })
            .fill(user.next);
          await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
          await page
            .getByRole('heading', {
              name: t('reset_done_heading', 'Your password has been changed'),
            })
            .waitFor();
          assert.equal(
            callback.arrivals.length,
            arrivalsBefore,
            'no automatic sign-in after a reset',
          );
          await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
          await signIn(page, user.email, user.next);
        });
        const tokens = await exchange(reset, arrival, request);
        assert.equal(tokens.claims()!.email, user.email);
        assert.equal(tokens.claims()!.tfp, 'B2C_1_passwordreset');
      } finally {
        await context.close();
      }
    },
  );
  it(
    'confirms a recovery email due for reconfirmation before the app gets its code',
    { timeout: 90_000 },
    async () => {
      const grace = { email: 'grace@contoso.example', password: 'compilers are friendly' };
      const context = await browser.context.browser()!.newContext();
      try {
        const page = await context.newPage();
        const request = await authorizeUrl(spa, callback.redirectUri);
        const arrival = await arrive(page, request.url, async () => {
          await signIn(page, grace.email, grace.password);
          await page
            .getByRole('button', { name: t('ver_but_send', 'Send verification code') })
            .click();
          const code = codeIn(await sink.waitFor(grace.email));
          await page
            .getByLabel(t('ver_input_code', 'Verification code'), { exact: true })
            .fill(code);
          await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();
        });
        assert.equal((await exchange(spa, arrival, request)).claims()!.email, grace.email);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'authenticates a confidential client by its secret, and refuses a wrong one',
    { timeout: 60_000 },
    async () => {
      const web = await discover(server.url, 'contoso', 'B2C_1_signin', 'test-web', secret);
      const page = await browser.context.newPage();
      const request = await authorizeUrl(web, callback.redirectUri);
      const arrival = await arrive(page, request.url, () => signIn(page, ada.email, ada.password));
      const wrong = await discover(
        server.url,
        'contoso',
        'B2C_1_signin',
        'test-web',
        'not the secret',
      );
      await assert.rejects(exchange(wrong, arrival, request), oauthError('invalid_client'));
      await page.close();
    },
  );

  it(
    'refuses a replayed code with invalid_grant and revokes what it issued',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      const request = await authorizeUrl(spa, callback.redirectUri, { prompt: 'login' });
      const arrival = await arrive(page, request.url, () => signIn(page, ada.email, ada.password));
      const tokens = await exchange(spa, arrival, request);
      await assert.rejects(exchange(spa, arrival, request), oauthError('invalid_grant'));
      await assert.rejects(client.fetchUserInfo(spa, tokens.access_token, tokens.claims()!.sub));
      await page.close();
    },
  );

  it(
    'changes a password through authorize: the app gets its code, every other session and token ends, the email arrives',
    { timeout: 120_000 },
    async () => {
      const user = {
        email: 'oidc-change@contoso.example',
        old: 'the passphrase before the change',
        next: 'the passphrase after the change',
      };
      await adminCli(
        ['user', 'add', '--tenant', 'contoso', '--email', user.email],
        { DATA_DIR: dataDir, DATABASE_URL: '', TENANTS_DIR: tenantsDir },
        user.old,
      );
      const change = await discover(server.url, 'contoso', 'B2C_1_passwordchange', 'test-spa');
      // Another browser, signed in to an app with a refresh token: the change must end both.
      const other = await browser.context.browser()!.newContext();
      const here = await browser.context.browser()!.newContext();
      try {
        const elsewhere = await authorizeUrl(spa, callback.redirectUri);
        const otherPage = await other.newPage();
        const before = await exchange(
          spa,
          await arrive(otherPage, elsewhere.url, () => signIn(otherPage, user.email, user.old)),
          elsewhere,
        );

        const page = await here.newPage();
        const request = await authorizeUrl(change, callback.redirectUri);
        const arrival = await arrive(page, request.url, async () => {
          await signIn(page, user.email, user.old);
          await page
            .getByRole('heading', { name: t('change_password_heading', 'Change your password') })
            .waitFor();
          await page
            .getByLabel(t('currentPassword', 'Current Password'), { exact: true })
            .fill(user.old);
          await page.getByLabel(t('newPassword', 'New Password'), { exact: true }).fill(user.next);
          await page
            .getByLabel(t('reenterPassword', 'Confirm New Password'), { exact: true })
            .fill(user.next);
          await page
            .getByRole('button', { name: t('button_change_password', 'Change password') })
            .click();
        });
        const tokens = await exchange(change, arrival, request);
        assert.equal(tokens.claims()!.email, user.email);
        assert.equal(tokens.claims()!.tfp, 'B2C_1_passwordchange');

        const mail = await sink.waitFor(user.email);
        assert.match(mail.subject, /password/i);
        await assert.rejects(
          client.refreshTokenGrant(spa, before.refresh_token!),
          oauthError('invalid_grant'),
        );
        // The other browser's sessions ended: the app's next sign-in there asks again.
        const again = await authorizeUrl(spa, callback.redirectUri);
        await otherPage.goto(again.url.href);
        await otherPage.getByRole('heading', { name: signInHeading('en'), exact: true }).waitFor();
        await signIn(otherPage, user.email, user.old);
        await otherPage
          .getByRole('alert')
          .filter({
            hasText: t('error_invalid_credentials', 'Your email address or password is incorrect.'),
          })
          .waitFor();
        const afterChange = await arrive(otherPage, again.url, () =>
          signIn(otherPage, user.email, user.next),
        );
        assert.equal((await exchange(spa, afterChange, again)).claims()!.email, user.email);
      } finally {
        await other.close();
        await here.close();
      }
    },
  );

  it('answers with response_mode=form_post', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    const request = await authorizeUrl(spa, callback.redirectUri, {
      prompt: 'login',
      response_mode: 'form_post',
    });
    const count = callback.arrivals.length + 1;
    await page.goto(request.url.href);
    await signIn(page, ada.email, ada.password);
    const arrival = await callback.next(count);
    assert.equal(arrival.searchParams.get('state'), request.state);
    assert.ok(arrival.searchParams.get('code'));
    // The form's post is the page's last navigation; closing the page in its midst stalls.
    await page.waitForURL(callback.redirectUri);
    await page.close();
  });

  it('refuses a public client without PKCE', { timeout: 30_000 }, async () => {
    const page = await browser.context.newPage();
    const url = client.buildAuthorizationUrl(spa, {
      redirect_uri: callback.redirectUri,
      scope: 'openid',
      state: 'no-pkce',
    });
    const arrival = await arrive(page, url);
    assert.equal(arrival.searchParams.get('error'), 'invalid_request');
    assert.equal(arrival.searchParams.get('code'), null);
    await page.close();
  });

  for (const [name, change] of [
    ['an unknown client', (url: URL) => url.searchParams.set('client_id', 'no-such-app')],
    [
      'an unregistered redirect URI',
      (url: URL) => url.searchParams.set('redirect_uri', `${callback.redirectUri}/`),
    ],
    [
      'a redirect URI on another host',
      (url: URL) => url.searchParams.set('redirect_uri', 'https://evil.example/cb'),
    ],
  ] as const) {
    it(
      `shows an error page for ${name} and sends the browser nowhere`,
      { timeout: 30_000 },
      async () => {
        const page = await browser.context.newPage();
        const request = await authorizeUrl(spa, callback.redirectUri);
        change(request.url);
        const before = callback.arrivals.length;
        const response = await page.goto(request.url.href);
        assert.equal(response!.status(), 400);
        await page
          .getByRole('heading', { name: t('error_heading', 'Something went wrong') })
          .waitFor();
        assert.ok(
          page.url().startsWith(`${server.url}/contoso/B2C_1_signin/oauth2/v2.0/authorize`),
        );
        assert.equal(callback.arrivals.length, before);
        await page.close();
      },
    );
  }

  it('follows no unregistered post_logout_redirect_uri', { timeout: 30_000 }, async () => {
    const page = await browser.context.newPage();
    const before = callback.arrivals.length;
    const url = client.buildEndSessionUrl(spa, {
      post_logout_redirect_uri: 'https://evil.example/',
    });
    const response = await page.goto(url.href);
    assert.equal(response!.status(), 400);
    await page.getByRole('heading', { name: t('error_heading', 'Something went wrong') }).waitFor();
    assert.equal(callback.arrivals.length, before);
    await page.close();
  });

  it('Run now shows the ID token’s claims on a themed page', { timeout: 60_000 }, async () => {
    const context = await browser.context.browser()!.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/contoso/B2C_1_signin/run-now`);
      await signIn(page, ada.email, ada.password);
      await page.getByRole('heading', { name: t('runnow_heading', 'Run now') }).waitFor();
      const table = page.getByRole('table', { name: t('runnow_caption', 'ID token claims') });
      await table.getByRole('row', { name: /email_verified/ }).waitFor();
      assert.match(await table.innerText(), /"ada@contoso\.example"/);
      assert.match(await table.innerText(), /"B2C_1_signin"/);
    } finally {
      await context.close();
    }
  });

  it('finds an unredeemed code expired after 60 seconds', { timeout: 90_000 }, async () => {
    const wait = unredeemed.at + 62_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await assert.rejects(
      exchange(spa, unredeemed.arrival, unredeemed.request),
      oauthError('invalid_grant'),
    );
  });

  it('met no Content Security Policy violation on the way', () => {
    assert.deepEqual(browser.cspViolations, []);
  });
});
