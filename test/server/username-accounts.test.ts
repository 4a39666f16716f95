/**
 * Username accounts end to end: Chromium against the real server process, on the demo tenant
 * northwind (`signInName: "username"`). A user signs in with the username, resets through the
 * recovery email, and an unknown username answers exactly like a known one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiOf } from './support/http.js';
import { serverAndBrowser } from './support/server-and-browser.js';
import { codeIn } from './support/smtp-sink.js';
import { words, type Locale } from './support/words.js';
import { followResetLink } from './support/reset-link.js';

const mona = { username: 'mona', recovery: 'mona@northwind.example' };
const oldPassword = 'lighthouse keeper ledger';
const newPassword = 'a brand new lantern';

describe('username accounts in Chromium', () => {
  const set = serverAndBrowser();

  async function signIn(page: Page, t: ReturnType<typeof words>, name: string, password: string) {
    await page.locator('gate-sign-in-page').waitFor();
    await page.getByLabel(t('username_label', 'Username'), { exact: true }).fill(name);
    await page.getByLabel(t('password', 'Password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('button_signin', 'Sign in'), exact: true }).click();
  }

  for (const locale of ['nl', 'sv'] as const satisfies Locale[]) {
    it(`asks for the username, not an email, in ${locale}`, async () => {
      const t = words(locale);
      const page = await set.browser.context.newPage();
      await page.goto(`${set.server.url}/northwind/B2C_1_signin?ui_locales=${locale}`);
      await page.getByText(t('username_intro', 'Sign in with your username.')).waitFor();
      const field = page.getByLabel(t('username_label', 'Username'), { exact: true });
      assert.equal(await field.getAttribute('autocomplete'), 'username');
      await page.close();
    });
  }

  it('answers a reset for an unknown username exactly like one for a known username', async () => {
    const api = apiOf(set.server.url, 'northwind');
    const known = await api.post('/password-reset', { username: 'nils' }, { ip: '203.0.113.7' });
    const unknown = await api.post(
      '/password-reset',
      { username: 'nobody' },
      { ip: '203.0.113.8' },
    );
    assert.equal(known.status, 202);
    assert.equal(unknown.status, known.status);
    assert.deepEqual(Object.keys(unknown.body).sort(), Object.keys(known.body).sort());
    assert.equal(unknown.body.resendAfter, known.body.resendAfter);
    // A username tenant takes a username; an email tenant an email address.
    const wrongKind = await api.post('/password-reset', { email: mona.recovery });
    assert.deepEqual([wrongKind.status, wrongKind.body], [400, { error: 'invalid_request' }]);
    const contoso = await apiOf(set.server.url).post('/password-reset', { username: 'ada' });
    assert.equal(contoso.status, 400);
    // Nils's recovery email was never verified: no code goes to it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(set.sink.to('nils@northwind.example').length, 0);
  });

  it(
    'resets through the recovery email and signs in with the username',
    { timeout: 120_000 },
    async () => {
      const t = words('en');
      const page = await set.browser.context.newPage();
      await page.goto(`${set.server.url}/northwind/B2C_1_signin?ui_locales=en`);
      await signIn(page, t, mona.username, 'not the password');
      await page
        .getByRole('alert')
        .filter({
          hasText: t('username_invalid_credentials', 'Your username or password is incorrect.'),
        })
        .waitFor();

      await followResetLink(page, t);
      await page
        .getByText(
          t(
            'username_reset_intro',
            "Enter your username and we'll send a verification code to your recovery email.",
          ),
        )
        .waitFor();
      await page.getByLabel(t('username_label', 'Username'), { exact: true }).fill('MONA');
      await page.getByRole('button', { name: t('ver_but_send', 'Send verification code') }).click();
      await page
        .getByRole('heading', { name: t('ver_heading', 'Enter your verification code') })
        .waitFor();
      await page.getByText(/If MONA has an account with a verified recovery email/).waitFor();

      const mail = await set.sink.waitFor(mona.recovery);
      await page
        .getByLabel(t('ver_input_code', 'Verification code'), { exact: true })
        .fill(codeIn(mail));
      await page.getByRole('button', { name: t('ver_but_verify', 'Verify code') }).click();
      await page
        .getByRole('heading', { name: t('newpassword_heading', 'Choose a new password') })
        .waitFor();
      await page.getByLabel(t('newPassword', 'New Password'), { exact: true }).fill(newPassword);
      await page
        .getByLabel(t('reenterPassword', 'Confirm New Password'), { exact: true })
        .fill(newPassword);
      await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
      await page
        .getByRole('heading', { name: t('reset_done_heading', 'Your password has been changed') })
        .waitFor();
      const changed = await set.sink.waitFor(mona.recovery, 2);
      assert.match(changed.subject, /password was changed/);

      await page.getByRole('button', { name: t('button_continue', 'Continue') }).click();
      await signIn(page, t, mona.username, oldPassword);
      await page
        .getByRole('alert')
        .filter({
          hasText: t('username_invalid_credentials', 'Your username or password is incorrect.'),
        })
        .waitFor();
      await signIn(page, t, mona.username, newPassword);
      await page
        .getByRole('heading', { name: t('signed_in_heading', "You're signed in") })
        .waitFor();
      await page.close();
    },
  );
});
