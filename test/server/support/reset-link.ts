/** "Can't access your account?" followed from the sign-in page, as a user follows it. */
import type { Page } from 'playwright-core';
import type { words } from './words.js';

export async function followResetLink(page: Page, t: ReturnType<typeof words>): Promise<void> {
  await page
    .getByRole('link', { name: t('forgotpassword_link', "Can't access your account?") })
    .click();
  await page.getByRole('heading', { name: t('reset_heading', 'Reset your password') }).waitFor();
}
