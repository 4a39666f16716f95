/** What a user does in the hosted `<gate-app>`, step by step, finding things by role and label. */
import { findByRole, getByLabelText, getByRole } from './dom.js';
import { clearInputs, typeInto } from './interaction.js';

/** Waits for the step whose heading is `name`. */
export const heading = (el: HTMLElement, name: string | RegExp) =>
  findByRole(el, 'heading', { level: 1, name });

/** Waits for the alert and reads it as one line. */
export async function alertText(el: HTMLElement) {
  return (await findByRole(el, 'alert')).textContent?.replace(/\s+/g, ' ').trim();
}

/** Waits for the sign-in step, fills it in and presses Sign in. */
export async function signIn(el: HTMLElement, email: string, password: string) {
  await heading(el, /^Sign in/);
  await typeInto(getByLabelText(el, 'Email Address'), email);
  await typeInto(getByLabelText(el, 'Password'), password);
  getByRole(el, 'button', { name: 'Sign in' }).click();
}

/** Walks from sign-in to the code step for an address. */
export async function startReset(el: HTMLElement, email: string) {
  await heading(el, /^Sign in/);
  getByRole(el, 'link', { name: "Can't access your account?" }).click();
  await heading(el, 'Reset your password');
  await typeInto(getByLabelText(el, 'Email Address'), email);
  getByRole(el, 'button', { name: 'Send verification code' }).click();
  await heading(el, 'Enter your verification code');
}

/** Replaces whatever the code field holds with `code` and presses Verify code. */
export async function enterCode(el: HTMLElement, code: string) {
  const input = getByLabelText(el, 'Verification code');
  clearInputs(input);
  await typeInto(input, code);
  getByRole(el, 'button', { name: 'Verify code' }).click();
}
