/**
 * The hosted pages with the script turned off in the browser, against the real server: every
 * form posts natively and the server answers with the next step, in English, Dutch and Swedish,
 * with the same rules as the app's requests and no CSP violation. And with the script on: a form
 * used before the script has taken over posts once, and both paths answer alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminCli } from './support/admin-cli.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { serverAndBrowser } from './support/server-and-browser.js';
import { codeIn } from './support/smtp-sink.js';
import { words, type Locale } from './support/words.js';
import { followResetLink } from './support/reset-link.js';

function signInHeading(locale: Locale): string {
  const theme = JSON.parse(readFileSync('dist/themes/contoso.json', 'utf8')) as {
    text: Record<Locale, { signInHeading: string }>;
  };
  return theme.text[locale].signInHeading;
}

const accounts: Record<Locale, { email: string; old: string; next: string }> = {
  en: {
    email: 'plain-en@contoso.example',
    old: 'an old plain passphrase',
    next: 'a new plain one',
  },
  nl: { email: 'plain-nl@contoso.example', old: 'een oude gewone zin', next: 'een nieuwe gewone' },
  sv: {
    email: 'plain-sv@contoso.example',
    old: 'en gammal vanlig mening',
    next: 'en ny vanlig en',
  },
};

describe('the hosted flow with JavaScript off', () => {
  const set = serverAndBrowser({ browser: { javaScriptEnabled: false } });
  let scripted: TestBrowser;

  before(async () => {
    scripted = await launchBrowser();
    for (const account of Object.values(accounts)) {
      await adminCli(
        ['user', 'add', '--tenant', 'contoso', '--email', account.email],
        { DATA_DIR: set.dataDir, DATABASE_URL: '' },
        `${account.old}\n`,
      );
    }
  });
  after(async () => {
    await scripted?.close();
  });

  const addUser = (email: string, password: string) =>
    adminCli(
      ['user', 'add', '--tenant', 'contoso', '--email', email],
      { DATA_DIR: set.dataDir, DATABASE_URL: '' },
      `${password}\n`,
    );

  async function signIn(page: Page, locale: Locale, email: string, password: string) {
    const t = words(locale);
    await page.getByLabel(t('logonIdentifier_email', 'Email Address'), { exact: true }).fill(email);
    await page.getByLabel(t('password', 'Password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('button_signin', 'Sign in'), exact: true }).click();
  }

  const alert = (page: Page, text: string) =>
    page.getByRole('alert').filter({ hasText: text }).waitFor();

  for (const locale of ['en', 'nl', 'sv'] as const) {
    it(`resets a password and signs in, form by form, in ${locale}`, async () => {
      const t = words(locale);
      const account = accounts[locale];
      const page = await set.browser.context.newPage();
      await page.goto(`${set.server.url}/contoso/B2C_1_signin?ui_locales=${locale}`);
      await page.getByRole('heading', { name: signInHeading(locale), exact: true }).waitFor();

      await signIn(page, locale, account.email, 'not my password at all');
      const refused = t(
        'error_invalid_credentials',
        'Your email address or password is incorrect.',
      );
      await alert(page, refused);
      assert.equal(
        await page
          .getByLabel(t('logonIdentifier_email', 'Email Address'), { exact: true })
          .inputValue(),
        account.email,
        'what was typed stays',
      );

      await followResetLink(page, t);
      const emailField = page.getByLabel(t('email', 'Email Address'), { exact: true });
      const send = page.getByRole('button', { name: t('ver_but_send', 'Send verification code') });
      const codeHeading = t('ver_heading', 'Enter your verification code');
      if (locale === 'en') {
        // An address without an account leads to the very same next page.
        await emailField.fill('no-such-account@contoso.example');
        await send.click();
        await page.getByRole('heading', { name: codeHeading }).waitFor();
        await page.getByRole('button', { name: t('ver_but_edit', 'Change e-mail') }).click();
      }
      await emailField.fill(account.email);
      await send.click();
      await page.getByRole('heading', { name: codeHeading }).waitFor();

      const code = codeIn(await set.sink.waitFor(account.email));
      const codeField = page.getByLabel(t('ver_input_code', 'Verification code'), { exact: true });
      const verify = page.getByRole('button', { name: t('ver_but_verify', 'Verify code') });
      await codeField.fill(code === '000000' ? '111111' : '000000');
      await verify.click();
      await alert(
        page,
        t('ver_fail_retry', 'That code is wrong or has expired. Tries left: {0}.', 4),
      );
      // Pasted with a space, as the app takes it too.
      await codeField.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
      await verify.click();

      await page
        .getByRole('heading', { name: t('newpassword_heading', 'Choose a new password') })
        .waitFor();
      const newPassword = page.getByLabel(t('newPassword', 'New Password'), { exact: true });
      const again = page.getByLabel(t('reenterPassword', 'Confirm New Password'), { exact: true });
      const go = page.getByRole('button', { name: t('button_continue', 'Continue') });
      await newPassword.fill(account.next);
      await again.fill(`${account.next}!`);
      await go.click();
      await page.getByRole('alert').waitFor();
      await newPassword.fill(account.next);
      await again.fill(account.next);
      await go.click();
      await page
        .getByRole('heading', { name: t('reset_done_heading', 'Your password has been changed') })
        .waitFor();
      await set.sink.waitFor(account.email, 2);

      // No sign-in after a reset: Continue leads to the sign-in page.
      await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
      await page.getByRole('heading', { name: signInHeading(locale), exact: true }).waitFor();
      await signIn(page, locale, account.email, account.old);
      await alert(page, refused);
      await signIn(page, locale, account.email, account.next);
      await page
        .getByRole('heading', { name: t('signed_in_heading', "You're signed in") })
        .waitFor();
      assert.equal(await page.locator('gate-sign-in-page').count(), 0, 'no script took over');
      const cookies = await set.browser.context.cookies(set.server.url);
      assert.ok(cookies.some((cookie) => cookie.name === 'gatehouse_session' && cookie.httpOnly));
      await set.browser.context.clearCookies();
      assert.deepEqual(set.browser.cspViolations, []);
      await page.close();
    });
  }

  it('changes a password with JavaScript off, after signing in', async () => {
    const email = 'plain-change@contoso.example';
    await addUser(email, 'the password before');
    const page = await set.browser.context.newPage();
    await page.goto(`${set.server.url}/contoso/B2C_1_passwordchange`);
    await signIn(page, 'en', email, 'the password before');
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current Password', { exact: true }).fill('the password before');
    await page.getByLabel('New Password', { exact: true }).fill('the password after');
    await page.getByLabel('Confirm New Password', { exact: true }).fill('the password after');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
    await set.browser.context.clearCookies();
    await page.goto(`${set.server.url}/contoso/B2C_1_signin`);
    await signIn(page, 'en', email, 'the password after');
    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    await set.browser.context.clearCookies();
    await page.close();
  });

  it('registers a recovery email by code at sign-in with JavaScript off', async () => {
    // nils, a username account of the demo tenant northwind, has no recovery email yet.
    const page = await set.browser.context.newPage();
    await page.goto(`${set.server.url}/northwind/B2C_1_signin`);
    await page.getByLabel('Username', { exact: true }).fill('nils');
    await page.getByLabel('Password', { exact: true }).fill('harbour cranes at dawn');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Add a recovery email' }).waitFor();
    await page.getByLabel('Recovery email address').fill('nils-plain@example.org');
    await page.getByRole('button', { name: 'Send verification code' }).click();
    await page.getByRole('heading', { name: 'Enter your verification code' }).waitFor();
    const code = codeIn(await set.sink.waitFor('nils-plain@example.org'));
    await page.getByLabel('Verification code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Verify code' }).click();
    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    await set.browser.context.clearCookies();
    await page.close();
  });

  it('refuses a form posted from another site', async () => {
    const response = await fetch(`${set.server.url}/contoso/B2C_1_signin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ signInName: accounts.en.email, password: accounts.en.next }),
      redirect: 'manual',
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('set-cookie'), null);
    const crossSite = await fetch(`${set.server.url}/contoso/B2C_1_signin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: new URLSearchParams({ signInName: accounts.en.email, password: accounts.en.next }),
      redirect: 'manual',
    });
    assert.equal(crossSite.status, 403);
  });

  it('signs in exactly once when the form is used before the script has taken over', async () => {
    const email = 'early@contoso.example';
    await addUser(email, 'typed before the script');
    const page = await scripted.context.newPage();
    let releaseScript = () => {};
    const held = new Promise<void>((resolve) => (releaseScript = resolve));
    await page.route('**/assets/main-*.js', async (route) => {
      await held;
      await route.continue();
    });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${set.server.url}/contoso/B2C_1_signin`, { waitUntil: 'commit' });
    await page.getByLabel('Email Address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('typed before the script');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    releaseScript();
    assert.deepEqual(posts, ['/contoso/B2C_1_signin']);
    await page.close();
    await scripted.context.clearCookies();
  });

  it('answers a wrong code and an unknown address alike on both paths', async () => {
    // The same reset, once with the script and once without it.
    const reachCode = async (page: Page, email: string) => {
      await page.goto(`${set.server.url}/contoso/B2C_1_signin/reset-email`);
      await page.getByLabel('Email Address', { exact: true }).fill(email);
      await page.getByRole('button', { name: 'Send verification code' }).click();
      await page.getByRole('heading', { name: 'Enter your verification code' }).waitFor();
    };
    const intro = (page: Page) => page.locator('main .gate-intro').innerText();
    const plain = await set.browser.context.newPage();
    const enhanced = await scripted.context.newPage();
    await reachCode(plain, 'nobody-here@contoso.example');
    await reachCode(enhanced, 'nobody-here@contoso.example');
    assert.equal(await intro(plain), await intro(enhanced));

    const emails = ['same-plain@contoso.example', 'same-enhanced@contoso.example'];
    const pages = [plain, enhanced];
    const alerts: string[] = [];
    for (const [index, page] of pages.entries()) {
      await addUser(emails[index]!, 'a password for both paths');
      await reachCode(page, emails[index]!);
      const code = codeIn(await set.sink.waitFor(emails[index]!));
      await page
        .getByLabel('Verification code', { exact: true })
        .fill(code === '000001' ? '000002' : '000001');
      await page.getByRole('button', { name: 'Verify code' }).click();
      const shown = page.getByRole('alert');
      await shown.waitFor();
      alerts.push(await shown.innerText());
    }
    assert.equal(alerts[0], 'That code is wrong or has expired. Tries left: 4.');
    assert.equal(alerts[1], alerts[0]);
    await plain.close();
    await enhanced.close();
  });
});
