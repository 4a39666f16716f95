import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import {
  getAllByRole,
  getByLabelText,
  getByRole,
  getByText,
  queryByRole,
  queryByText,
} from '../support/dom.js';
import { countEvents, nextEvent, pageFixture } from '../support/fixtures.js';
import * as copy from '../support/failure-copy.js';
import { submitAgainWhileBusy, typeInto } from '../support/interaction.js';
import {
  expectBubblesAndComposed,
  expectDescribedBy,
  expectHeading,
  expectInLightDomForm,
  expectTabOrder,
  itCancelsByKeyboard,
  itFocusesItsHeadingOnRequest,
  itShowsTheBusyStateOnSubmit,
} from '../support/page-checks.js';
import type { PasswordProblem, PasswordRules } from '../../src/api/contract.schema.js';
import type { GateNewPasswordPage } from '../../src/pages/new-password-page.js';
import '../../src/pages/new-password-page.js';

const email = 'ada@contoso.example';
const strong = 'correct horse battery staple';
const mismatch = "The passwords don't match.";
const confirmMissing = 'Please confirm your new password';

/** What setting the password can fail with, beside password_rejected. */
const failures = [
  copy.flowNotFound,
  copy.stepNotAllowed,
  copy.tooManyRequests(120, '2 minutes'),
  copy.invalidRequest,
  copy.serviceUnavailable,
  ...copy.transportFailures,
];

/** Each reason the server may refuse a password for, and the sentence shown at the field. */
const reasons: ReadonlyArray<readonly [PasswordProblem, string]> = [
  ['common', 'This password is too common. Choose one that is harder to guess.'],
  ['context', 'Your password must not contain your email address or the name of this site.'],
  ['too_short', 'Use at least 15 characters.'],
  ['too_long', 'Use at most 128 characters.'],
];

const render = (rules?: PasswordRules) =>
  pageFixture<GateNewPasswordPage>(
    rules
      ? html`<gate-new-password-page email=${email} .rules=${rules}></gate-new-password-page>`
      : html`<gate-new-password-page email=${email}></gate-new-password-page>`,
  );

const usernameField = (el: HTMLElement) => getByLabelText(el, 'Email Address') as HTMLInputElement;
const passwordField = (el: HTMLElement) => getByLabelText(el, 'New Password') as HTMLInputElement;
const confirmField = (el: HTMLElement) =>
  getByLabelText(el, 'Confirm New Password') as HTMLInputElement;
const continueButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Continue' });

/** The rule list item whose visible text starts with `text`. */
const rule = (el: HTMLElement, text: string | RegExp) => getByText(el, text).closest('li')!;

/** Types the new password and its confirmation by keyboard (Tab passes the show toggle). */
async function typePasswords(el: GateNewPasswordPage, password: string, confirmation: string) {
  passwordField(el).focus();
  if (password) await sendKeys({ type: password });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Tab' });
  expect(document.activeElement).to.equal(confirmField(el));
  if (confirmation) await sendKeys({ type: confirmation });
  await el.updateComplete;
}

async function submitByEnter(el: GateNewPasswordPage) {
  confirmField(el).focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('gate-new-password-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an alert, field errors, rules met and a busy button', async () => {
    const el = await render();
    await typePasswords(el, 'short', 'other');
    await submitByEnter(el);
    el.alert = { error: 'password_rejected', reasons: ['common'] };
    el.busy = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, 'Choose a new password');
    expect(getByText(el, 'At least 15 characters')).to.exist;
    expect(getByText(el, 'Both passwords match')).to.exist;
    expect(
      getByText(
        el,
        'Avoid common passwords and your email address; we check these when you continue.',
      ),
    ).to.exist;
    expect(queryByText(el, /At most/)).to.equal(null);
    expect(continueButton(el).getAttribute('type')).to.equal('submit');
    // A plain form posts Cancel as its action; the app handles the click in place.
    expect(getByRole(el, 'button', { name: 'Cancel' }).getAttribute('value')).to.equal('cancel');
  });

  it('shows the account read-only, as the username password managers save', async () => {
    const el = await render();
    const username = usernameField(el);
    expect(username.value).to.equal(email);
    expect(username.readOnly).to.equal(true);
    expect(username.getAttribute('autocomplete')).to.equal('username');
    expect(username.form).to.equal(el.querySelector('form'));
    expect(username.form!.elements[0]).to.equal(username);
    await typeInto(username, 'x');
    expect(username.value).to.equal(email);
  });

  it('labels both password inputs as new passwords, in the light DOM form', async () => {
    const el = await render();
    for (const input of [passwordField(el), confirmField(el)]) {
      expect(input.getAttribute('autocomplete')).to.equal('new-password');
      expect(input.type).to.equal('password');
      expectInLightDomForm(el, input);
      expect(input.hasAttribute('maxlength')).to.equal(false);
      const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
      input.dispatchEvent(paste);
      expect(paste.defaultPrevented).to.equal(false);
    }
  });

  it('ties the rules to the new password field', async () => {
    const el = await render();
    const password = passwordField(el);
    const hint = rule(el, 'At least 15 characters').closest('.gate-field-hint')!;
    expect(password.getAttribute('aria-describedby')).to.equal(hint.id);
  });

  itFocusesItsHeadingOnRequest(render);

  it('reaches every control by Tab, in reading order', async () => {
    const el = await render();
    await el.focusHeading();
    const [showNew, showConfirm] = getAllByRole(el, 'button', { name: 'Show password' });
    await expectTabOrder([
      usernameField(el),
      passwordField(el),
      showNew,
      confirmField(el),
      showConfirm,
      continueButton(el),
      getByRole(el, 'button', { name: 'Cancel' }),
    ]);
  });

  it('starts with every rule unmet, and says so in words', async () => {
    const el = await render();
    for (const text of ['At least 15 characters', 'Both passwords match']) {
      const item = rule(el, text);
      expect(item.dataset.met).to.equal('false');
      expect(item.querySelector('.gate-visually-hidden')!.textContent).to.equal(': not yet');
      expect(item.querySelector('.gate-rule-mark')!.getAttribute('aria-hidden')).to.equal('true');
    }
  });

  it('updates the rules live while typing', async () => {
    const el = await render();
    const length = () => rule(el, 'At least 15 characters');
    const match = () => rule(el, 'Both passwords match');
    await typeInto(passwordField(el), 'a'.repeat(14));
    await el.updateComplete;
    expect(length().dataset.met).to.equal('false');
    await sendKeys({ type: 'a' });
    await el.updateComplete;
    expect(length().dataset.met).to.equal('true');
    expect(length().querySelector('.gate-visually-hidden')!.textContent).to.equal(': done');
    expect(match().dataset.met).to.equal('false');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'a'.repeat(15) });
    await el.updateComplete;
    expect(match().dataset.met).to.equal('true');
    expect(match().querySelector('.gate-visually-hidden')!.textContent).to.equal(': done');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(match().dataset.met).to.equal('false');
    expect(match().querySelector('.gate-visually-hidden')!.textContent).to.equal(': not yet');
  });

  it("states the tenant's minimum length", async () => {
    const el = await render({ minLength: 8, maxLength: 128 });
    await typeInto(passwordField(el), '12345678');
    await el.updateComplete;
    expect(rule(el, 'At least 8 characters').dataset.met).to.equal('true');
  });

  it('adds the maximum length as an unmet rule only once the password is too long', async () => {
    const el = await render();
    await typeInto(passwordField(el), 'a'.repeat(128));
    await el.updateComplete;
    expect(queryByText(el, 'At most 128 characters')).to.equal(null);
    await sendKeys({ type: 'a' });
    await el.updateComplete;
    expect(rule(el, 'At most 128 characters').dataset.met).to.equal('false');
  });

  it('counts characters in code points: an emoji counts once', async () => {
    const el = await render({ minLength: 8, maxLength: 128 });
    const length = () => rule(el, 'At least 8 characters');
    await typeInto(passwordField(el), '😀'.repeat(7));
    await el.updateComplete;
    expect(passwordField(el).value).to.have.length(14);
    expect(length().dataset.met).to.equal('false');
    await sendKeys({ type: '😀' });
    await el.updateComplete;
    expect(length().dataset.met).to.equal('true');
  });

  it('refuses seven emoji as too short', async () => {
    const el = await render({ minLength: 8, maxLength: 128 });
    const submits = countEvents(el, 'gate-step-submit');
    await typePasswords(el, '😀'.repeat(7), '😀'.repeat(7));
    await submitByEnter(el);
    expectDescribedBy(passwordField(el), 'Use at least 8 characters.');
    expect(submits.count).to.equal(0);
  });

  it('emits eight emoji as a password of eight characters', async () => {
    const el = await render({ minLength: 8, maxLength: 128 });
    await typePasswords(el, '😀'.repeat(8), '😀'.repeat(8));
    const event = nextEvent(el, 'gate-step-submit');
    await submitByEnter(el);
    expect((await event).submission).to.deep.equal({
      step: 'new-password',
      password: '😀'.repeat(8),
    });
  });

  it('counts after NFKC: a letter with a combining accent counts once', async () => {
    const el = await render({ minLength: 8, maxLength: 128 });
    await typeInto(passwordField(el), 'e\u0301'.repeat(7));
    await el.updateComplete;
    expect(rule(el, 'At least 8 characters').dataset.met).to.equal('false');
  });

  it('shows no error while typing, before the first submit', async () => {
    const el = await render();
    await typePasswords(el, 'short', 'different');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(confirmField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(el.querySelector('.gate-field-error')).to.equal(null);
  });

  it('says inline that the password is too short after submit, and focuses it', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typePasswords(el, 'short', 'short');
    await submitByEnter(el);
    const password = passwordField(el);
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expectDescribedBy(password, 'Use at least 15 characters.');
    expect(password.getAttribute('aria-describedby')).to.equal(
      'newPassword-hint newPassword-error',
    );
    expect(confirmField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement).to.equal(password);
    expect(submits.count).to.equal(0);
  });

  it('refuses a password over 128 characters', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    const long = 'a'.repeat(129);
    await typePasswords(el, long, long);
    await submitByEnter(el);
    expectDescribedBy(passwordField(el), 'Use at most 128 characters.');
    expect(document.activeElement).to.equal(passwordField(el));
    expect(submits.count).to.equal(0);
  });

  it('says inline that the passwords differ after submit, and focuses the confirmation', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typePasswords(el, strong, `${strong}!`);
    await submitByEnter(el);
    const confirm = confirmField(el);
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expectDescribedBy(confirm, mismatch);
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement).to.equal(confirm);
    expect(submits.count).to.equal(0);
  });

  it('asks for the confirmation when it is empty', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typePasswords(el, strong, '');
    await submitByEnter(el);
    const confirm = confirmField(el);
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expectDescribedBy(confirm, confirmMissing);
    expect(document.activeElement).to.equal(confirm);
    expect(submits.count).to.equal(0);
  });

  it('asks for the password first when both fields are empty', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    continueButton(el).click();
    await el.updateComplete;
    expectDescribedBy(passwordField(el), 'Use at least 15 characters.');
    expectDescribedBy(confirmField(el), confirmMissing);
    await el.updateComplete;
    expect(document.activeElement).to.equal(passwordField(el));
    expect(submits.count).to.equal(0);
  });

  it('clears the mismatch once the confirmation is corrected', async () => {
    const el = await render();
    await typePasswords(el, strong, `${strong}!`);
    await submitByEnter(el);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(confirmField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(queryByText(el, mismatch)).to.equal(null);
  });

  it('emits the new password typed by keyboard', async () => {
    const el = await render();
    await typePasswords(el, strong, strong);
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Enter' });
    const submitted = await event;
    expectBubblesAndComposed(submitted);
    expect(submitted.submission).to.deep.equal({ step: 'new-password', password: strong });
  });

  it('submits with Space on Continue, keeping spaces in the password', async () => {
    const el = await render();
    const spaced = `  ${strong}  `;
    await typePasswords(el, spaced, spaced);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(continueButton(el));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    expect((await event).submission).to.deep.equal({ step: 'new-password', password: spaced });
  });

  itCancelsByKeyboard(render, 'Enter');

  it('reveals each password field with its own toggle', async () => {
    const el = await render();
    const [showNew, showConfirm] = getAllByRole(el, 'button', { name: 'Show password' });
    expect(showNew.getAttribute('aria-controls')).to.equal(passwordField(el).id);
    expect(showConfirm.getAttribute('aria-controls')).to.equal(confirmField(el).id);
    showNew.focus();
    await sendKeys({ press: 'Space' });
    await el.querySelector('gate-password-toggle')!.updateComplete;
    expect(passwordField(el).type).to.equal('text');
    expect(showNew.getAttribute('aria-pressed')).to.equal('true');
    expect(confirmField(el).type).to.equal('password');
    showNew.click();
    await el.querySelector('gate-password-toggle')!.updateComplete;
    expect(passwordField(el).type).to.equal('password');
  });

  it('keeps a revealed password revealed across re-renders', async () => {
    const el = await render();
    const [showNew] = getAllByRole(el, 'button', { name: 'Show password' });
    showNew.click();
    await el.querySelector('gate-password-toggle')!.updateComplete;
    await typeInto(passwordField(el), 'abc');
    await el.updateComplete;
    expect(passwordField(el).type).to.equal('text');
  });

  itShowsTheBusyStateOnSubmit(render, continueButton);

  it('emits nothing for a second submit while busy', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typePasswords(el, strong, strong);
    await sendKeys({ press: 'Enter' });
    expect(submits.count).to.equal(1);
    await submitAgainWhileBusy(el, continueButton(el));
    expect(submits.count).to.equal(1);
  });

  it('shows no alert without a failure', async () => {
    const el = await render();
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  for (const [reason, message] of reasons) {
    it(`shows the server's reason "${reason}" at the field and announces a refusal`, async () => {
      const el = await render();
      el.alert = { error: 'password_rejected', reasons: [reason] };
      await el.updateComplete;
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal('Choose a different password.');
      const password = passwordField(el);
      expect(password.getAttribute('aria-invalid')).to.equal('true');
      expectDescribedBy(password, message);
    });
  }

  it('shows every reason the server gives', async () => {
    const el = await render();
    el.alert = { error: 'password_rejected', reasons: ['common', 'context'] };
    await el.updateComplete;
    const error = el.querySelector<HTMLElement>('#newPassword-error')!;
    expect(error.textContent).to.contain(reasons[0][1]);
    expect(error.textContent).to.contain(reasons[1][1]);
  });

  it('states a reason once when both the page and the server find it', async () => {
    const el = await render();
    await typePasswords(el, 'short', 'short');
    await submitByEnter(el);
    el.alert = { error: 'password_rejected', reasons: ['too_short'] };
    await el.updateComplete;
    const error = el.querySelector<HTMLElement>('#newPassword-error')!;
    expect(error.textContent!.trim()).to.equal('Use at least 15 characters.');
  });

  it("states the server's too-short reason with the tenant's minimum", async () => {
    const el = await render({ minLength: 12, maxLength: 128 });
    el.alert = { error: 'password_rejected', reasons: ['too_short'] };
    await el.updateComplete;
    expectDescribedBy(passwordField(el), 'Use at least 12 characters.');
  });

  for (const [failure, message] of failures) {
    it(`announces ${JSON.stringify(failure)} in an alert, and nothing at the field`, async () => {
      const el = await render();
      el.alert = failure;
      await el.updateComplete;
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal(message);
      expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    });
  }
});
