/**
 * End to end: Chromium against the real server process (embedded database), reading codes from
 * real email in an SMTP sink, in English, Dutch and Swedish; and not one CSP violation on the way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminCli } from './support/admin-cli.js';
import { apiOf } from './support/http.js';
import { serverAndBrowser } from './support/server-and-browser.js';
import { codeIn } from './support/smtp-sink.js';
import { words, type Locale } from './support/words.js';
import { followResetLink } from './support/reset-link.js';

/** Contoso's theme pack words the sign-in heading its own way, per locale. */
function signInHeading(locale: Locale): string {
  const theme = JSON.parse(readFileSync('dist/themes/contoso.json', 'utf8')) as {
    text: Record<Locale, { signInHeading: string }>;
  };
  return theme.text[locale].signInHeading;
}

describe('end to end: sign-in and password reset in Chromium', () => {
  const set = serverAndBrowser();

  const accounts: Record<Locale, { email: string; old: string; next: string }> = {
    en: {
      email: 'e2e-en@contoso.example',
      old: 'an old english passphrase',
      next: 'a new english passphrase',
    },
    nl: {
      email: 'e2e-nl@contoso.example',
      old: 'een oude nederlandse zin',
      next: 'een nieuwe nederlandse zin',
    },
    sv: {
      email: 'e2e-sv@contoso.example',
      old: 'en gammal svensk mening',
      next: 'en ny svensk mening här',
    },
  };

  async function signIn(page: Page, t: ReturnType<typeof words>, email: string, password: string) {
    // The server's rendering of the form shows first; its button submits once the app has taken over.
    await page.locator('gate-sign-in-page').waitFor();
    await page.getByLabel(t('logonIdentifier_email', 'Email Address'), { exact: true }).fill(email);
    await page.getByLabel(t('password', 'Password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('button_signin', 'Sign in'), exact: true }).click();
  }

  for (const locale of ['en', 'nl', 'sv'] as const) {
    it(`resets a forgotten password in ${locale}`, { timeout: 120_000 }, async () => {
      const t = words(locale);
      const account = accounts[locale];
      await adminCli(
        ['user', 'add', '--tenant', 'contoso', '--email', account.email],
        { DATA_DIR: set.dataDir, DATABASE_URL: '' },
        `${account.old}\n`,
      );

      const page = await set.browser.context.newPage();
      const response = await page.goto(
        `${set.server.url}/contoso/B2C_1_signin?ui_locales=${locale}`,
      );
      assert.match(
        response!.headers()['content-security-policy'] ?? '',
        /script-src 'self'.*frame-ancestors 'none'/,
      );
      await page.getByRole('heading', { name: signInHeading(locale), exact: true }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale);

      // A wrong password: the one message for every failed sign-in.
      await signIn(page, t, account.email, 'not my password at all');
      await page
        .getByRole('alert')
        .filter({
          hasText: t('error_invalid_credentials', 'Your email address or password is incorrect.'),
        })
        .waitFor();

      await followResetLink(page, t);
      const emailField = page.getByLabel(t('email', 'Email Address'), { exact: true });
      const send = page.getByRole('button', { name: t('ver_but_send', 'Send verification code') });
      if (locale === 'en') {
        // An address without an account leads to the very same next page.
        await emailField.fill('no-such-account@contoso.example');
        await send.click();
        await page
          .getByRole('heading', { name: t('ver_heading', 'Enter your verification code') })
          .waitFor();
        await page.getByRole('button', { name: t('ver_but_edit', 'Change e-mail') }).click();
      }
      await emailField.fill(account.email);
      const started = page.waitForResponse(
        (answer) => answer.url().endsWith('/password-reset') && answer.status() === 202,
      );
      await send.click();
      const flowId = ((await (await started).json()) as { flowId: string }).flowId;
      await page
        .getByRole('heading', { name: t('ver_heading', 'Enter your verification code') })
        .waitFor();

      const mail = await set.sink.waitFor(account.email);
      assert.equal(mail.subject, t('mail_code_subject', 'Your {0} verification code', 'Contoso'));
      const code = codeIn(mail);
      const codeField = page.getByLabel(t('ver_input_code', 'Verification code'), { exact: true });
      await codeField.fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();
      await page
        .getByRole('alert')
        .filter({
          hasText: t('ver_fail_retry', 'That code is wrong or has expired. Tries left: {0}.', 4),
        })
        .waitFor();
      await codeField.fill(code);
      await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();

      await page
        .getByRole('heading', { name: t('newpassword_heading', 'Choose a new password') })
        .waitFor();
      await page.getByLabel(t('newPassword', 'New Password'), { exact: true }).fill(account.next);
      await page
        .getByLabel(t('reenterPassword', 'Confirm New Password'), { exact: true })
        .fill(account.next);
      await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
      await page
        .getByRole('heading', { name: t('reset_done_heading', 'Your password has been changed') })
        .waitFor();

      // The used code cannot be replayed.
      const replay = await apiOf(set.server.url).post(`/password-reset/${flowId}/verify`, { code });
      assert.deepEqual([replay.status, replay.body], [404, { error: 'flow_not_found' }]);
      const changed = await set.sink.waitFor(account.email, 2);
      assert.equal(
        changed.subject,
        t('mail_changed_subject', 'Your {0} password was changed', 'Contoso'),
      );

      await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
      await page.getByRole('heading', { name: signInHeading(locale), exact: true }).waitFor();
      await signIn(page, t, account.email, account.old);
      await page
        .getByRole('alert')
        .filter({
          hasText: t('error_invalid_credentials', 'Your email address or password is incorrect.'),
        })
        .waitFor();
      await signIn(page, t, account.email, account.next);
      await page
        .getByRole('heading', { name: t('signed_in_heading', "You're signed in") })
        .waitFor();
      const cookies = await set.browser.context.cookies(set.server.url);
      const session = cookies.find((cookie) => cookie.name === 'gatehouse_session');
      assert.ok(session?.httpOnly && session.secure && session.sameSite === 'Lax');
      await page.close();
    });
  }

  it('shows the form before its script runs and keeps what was typed into it', async () => {
    const t = words('nl');
    const page = await set.browser.context.newPage();
    let releaseScript = () => {};
    const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve));
    await page.route('**/assets/main-*.js', async (route) => {
      await scriptHeld;
      await route.continue();
    });
    await page.goto(`${set.server.url}/contoso/B2C_1_signin?ui_locales=nl`, {
      waitUntil: 'commit',
    });
    const email = page.getByLabel(t('logonIdentifier_email', 'Email Address'), { exact: true });
    const password = page.getByLabel(t('password', 'Password'), { exact: true });
    // The Dutch account, with the password its reset above gave it.
    await email.fill(accounts.nl.email);
    await password.fill(accounts.nl.next);
    assert.equal(await page.locator('gate-sign-in-page').count(), 0, 'the script has not run');

    releaseScript();
    await page.locator('gate-sign-in-page').waitFor();
    assert.equal(await email.inputValue(), accounts.nl.email);
    assert.equal(await password.inputValue(), accounts.nl.next);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    assert.equal(await page.locator('form').count(), 1, "one form, the app's own");
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t('signed_in_heading', "You're signed in") }).waitFor();
    await page.close();
  });

  it('renders the page in the language picked in its menu on the next visit', async () => {
    const page = await set.browser.context.newPage();
    await page.goto(`${set.server.url}/contoso/B2C_1_signin`);
    await page.locator('gate-sign-in-page').waitFor();
    await page.getByLabel('Language').selectOption('sv');
    await page.getByRole('heading', { name: signInHeading('sv'), exact: true }).waitFor();
    // The next visit, with the script held back: what shows is the server's rendering.
    await page.route('**/assets/main-*.js', () => undefined);
    await page.goto(`${set.server.url}/contoso/B2C_1_signin`, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: signInHeading('sv'), exact: true }).waitFor();
    assert.equal(await page.locator('gate-sign-in-page').count(), 0, 'the script has not run');
    await set.browser.context.clearCookies({ name: 'gatehouse_locale' });
    await page.close();
  });

  it('keeps <html lang> in the language served, and leaves it only for one the user picks', async () => {
    const page = await set.browser.context.newPage();
    // Every value `lang` takes, from the moment the element is parsed.
    await page.addInitScript(() => {
      const seen: (string | null)[] = [];
      (window as unknown as { langsSeen: typeof seen }).langsSeen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes' && record.target === document.documentElement) {
            seen.push(document.documentElement.getAttribute('lang'));
          }
          for (const node of record.addedNodes) {
            if (node === document.documentElement) seen.push(document.documentElement.lang);
          }
        }
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['lang'],
      });
    });
    const langsSeen = () =>
      page.evaluate(() => (window as unknown as { langsSeen: string[] }).langsSeen);
    const t = words('nl');
    for (let load = 0; load < 3; load += 1) {
      await page.goto(`${set.server.url}/contoso/B2C_1_signin?ui_locales=nl`);
      await page.locator('gate-sign-in-page').waitFor();
      await page.getByRole('heading', { name: signInHeading('nl'), exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const seen = await langsSeen();
      assert.ok(seen.length > 0, 'the observer saw the element');
      assert.deepEqual([...new Set(seen)], ['nl'], `load ${load}: ${seen.join(' → ')}`);
    }
    await page.getByLabel(t('locale_picker_label', 'Language')).selectOption('sv');
    await page.getByRole('heading', { name: signInHeading('sv'), exact: true }).waitFor();
    assert.deepEqual([...new Set(await langsSeen())], ['nl', 'sv']);
    await set.browser.context.clearCookies({ name: 'gatehouse_locale' });
    await page.close();
  });

  it('met no Content Security Policy violation', () => {
    assert.deepEqual(set.browser.cspViolations, []);
  });

  it('logged no password and no code', () => {
    const log = set.server.output.join('\n');
    for (const mail of set.sink.mails) {
      if (/^\s{4}\d{6}$/m.test(mail.text))
        assert.ok(!log.includes(codeIn(mail)), 'a code is in the log');
    }
    for (const { old, next } of Object.values(accounts)) {
      assert.ok(!log.includes(old) && !log.includes(next), 'a password is in the log');
    }
  });
});
