import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, getByText, queryByRole } from '../support/dom.js';
import { countEvents, nextEvent, pageFixture } from '../support/fixtures.js';
import * as copy from '../support/failure-copy.js';
import {
  showAlertFieldErrorsAndBusy,
  submitAgainWhileBusy,
  typeInto,
} from '../support/interaction.js';
import {
  expectBubblesAndComposed,
  expectDescribedBy,
  expectHeading,
  expectInLightDomForm,
  expectTabOrder,
  itAnnouncesEachFailure,
  itFocusesItsHeadingOnRequest,
  itShowsTheBusyStateOnSubmit,
} from '../support/page-checks.js';
import type { GateSignInPage } from '../../src/pages/sign-in-page.js';
import '../../src/pages/sign-in-page.js';

/** What the sign-in request can fail with. */
const failures = [
  copy.invalidCredentials,
  copy.invalidRequest,
  copy.tooManyRequests(60, '1 minute'),
  copy.tenantNotFound,
  copy.serviceUnavailable,
  ...copy.transportFailures,
];

const render = (template = html`<gate-sign-in-page show-reset-link></gate-sign-in-page>`) =>
  pageFixture<GateSignInPage>(template);

const emailField = (el: HTMLElement) => getByLabelText(el, 'Email Address') as HTMLInputElement;
const passwordField = (el: HTMLElement) => getByLabelText(el, 'Password') as HTMLInputElement;
const submitButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Sign in' });

/** Types the email, Tabs to the password and types it, as a keyboard user does. */
async function typeCredentials(el: HTMLElement, email: string, password: string) {
  await typeInto(emailField(el), email);
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: password });
}

describe('gate-sign-in-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an alert, field errors and a busy button', async () => {
    const el = await render();
    await showAlertFieldErrorsAndBusy(el, { error: 'invalid_credentials' }, submitButton(el));
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, 'Sign in');
    expect(getByText(el, 'Sign in with your email address.')).to.exist;
    expect(emailField(el)).to.exist;
    expect(passwordField(el)).to.exist;
    expect(getByRole(el, 'button', { name: 'Show password' })).to.exist;
    expect(getByRole(el, 'link', { name: "Can't access your account?" })).to.exist;
    expect(submitButton(el).getAttribute('type')).to.equal('submit');
  });

  it('labels each input and sets the autocomplete password managers need', async () => {
    const el = await render();
    const email = emailField(el);
    expect(email.getAttribute('autocomplete')).to.equal('username');
    expect(email.type).to.equal('text');
    expect(email.getAttribute('inputmode')).to.equal('email');
    const password = passwordField(el);
    expect(password.getAttribute('autocomplete')).to.equal('current-password');
    expect(password.type).to.equal('password');
  });

  it('keeps the credentials in the light DOM, in one real form', async () => {
    const el = await render();
    expect(el.shadowRoot).to.equal(null);
    for (const input of [emailField(el), passwordField(el)]) {
      expectInLightDomForm(el, input);
    }
    expect(el.querySelectorAll('form')).to.have.length(1);
  });

  it('lets the password be pasted and revealed', async () => {
    const el = await render();
    const password = passwordField(el);
    const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
    password.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(false);
    expect(password.hasAttribute('maxlength')).to.equal(false);
    const toggle = getByRole(el, 'button', { name: 'Show password' });
    expect(toggle.getAttribute('aria-controls')).to.equal(password.id);
    toggle.click();
    await el.querySelector('gate-password-toggle')!.updateComplete;
    expect(password.type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('prefills the email from `identifier`', async () => {
    const el = await render(
      html`<gate-sign-in-page identifier="ada@contoso.example"></gate-sign-in-page>`,
    );
    expect(emailField(el).value).to.equal('ada@contoso.example');
  });

  itFocusesItsHeadingOnRequest(render);

  it('reaches every control by Tab, in reading order', async () => {
    const el = await render();
    await el.focusHeading();
    await expectTabOrder([
      emailField(el),
      passwordField(el),
      getByRole(el, 'button', { name: 'Show password' }),
      getByRole(el, 'link', { name: "Can't access your account?" }),
      submitButton(el),
    ]);
  });

  it('emits the credentials typed by keyboard', async () => {
    const el = await pageFixture<GateSignInPage>(html`<gate-sign-in-page></gate-sign-in-page>`);
    expect(queryByRole(el, 'link', { name: "Can't access your account?" })).to.equal(null);
    await typeCredentials(el, 'ada@contoso.example', 'correct horse');
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Enter' });
    expect((await event).submission).to.deep.equal({
      step: 'sign-in',
      identifier: 'ada@contoso.example',
      password: 'correct horse',
    });
    expect(getByRole(el, 'button', { name: 'Sign in' })).to.exist;
  });

  it('submits with Space on the Sign in button, trimming the email but not the password', async () => {
    const el = await render(html`<gate-sign-in-page></gate-sign-in-page>`);
    await typeCredentials(el, '  ada@contoso.example ', ' correct horse ');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(submitButton(el));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    const submitted = await event;
    expectBubblesAndComposed(submitted);
    expect(submitted.submission).to.deep.equal({
      step: 'sign-in',
      identifier: 'ada@contoso.example',
      password: ' correct horse ',
    });
  });

  it('asks for both fields when both are empty, and focuses the first', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    submitButton(el).click();
    await el.updateComplete;
    const email = emailField(el);
    const password = passwordField(el);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expectDescribedBy(email, 'Please enter your email');
    expectDescribedBy(password, 'Please enter your password');
    await el.updateComplete;
    expect(document.activeElement).to.equal(email);
    expect(submits.count).to.equal(0);
  });

  it('treats an email of spaces as empty', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typeCredentials(el, '   ', 'correct horse');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    expectDescribedBy(emailField(el), 'Please enter your email');
    expect(document.activeElement).to.equal(emailField(el));
    expect(submits.count).to.equal(0);
  });

  it('asks for the password alone when only it is missing, and focuses it', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typeInto(emailField(el), 'ada@contoso.example');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('true');
    expectDescribedBy(passwordField(el), 'Please enter your password');
    expect(document.activeElement).to.equal(passwordField(el));
    expect(submits.count).to.equal(0);
  });

  it('clears the field errors once the input is complete', async () => {
    const el = await render();
    submitButton(el).click();
    await el.updateComplete;
    await typeCredentials(el, 'ada@contoso.example', 'correct horse');
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Enter' });
    await event;
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(el.querySelector('.gate-field-error')).to.equal(null);
  });

  itShowsTheBusyStateOnSubmit(render, submitButton);

  it('emits nothing for a second submit while busy, and again once idle', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typeCredentials(el, 'ada@contoso.example', 'correct horse');
    await sendKeys({ press: 'Enter' });
    expect(submits.count).to.equal(1);
    await submitAgainWhileBusy(el, submitButton(el));
    expect(submits.count).to.equal(1);
    el.busy = false;
    await el.updateComplete;
    submitButton(el).click();
    expect(submits.count).to.equal(2);
  });

  itAnnouncesEachFailure(render, failures);

  it('removes the alert when the failure is cleared', async () => {
    const el = await render();
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    el.alert = undefined;
    await el.updateComplete;
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  it('keeps what the user typed when an alert arrives', async () => {
    const el = await render();
    await typeCredentials(el, 'ada@contoso.example', 'wrong');
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    expect(emailField(el).value).to.equal('ada@contoso.example');
    expect(passwordField(el).value).to.equal('wrong');
  });

  it('hides the reset link unless the tenant allows self-service reset', async () => {
    const el = await render(html`<gate-sign-in-page></gate-sign-in-page>`);
    expect(queryByRole(el, 'link')).to.equal(null);
  });

  it('points the reset link at `reset-href` for a new tab', async () => {
    const el = await render(
      html`<gate-sign-in-page show-reset-link reset-href="/contoso/reset"></gate-sign-in-page>`,
    );
    const link = getByRole(el, 'link', { name: "Can't access your account?" });
    expect(link.getAttribute('href')).to.equal('/contoso/reset');
  });

  it('emits gate-forgot-password with the typed email when the reset link is followed by keyboard', async () => {
    const el = await render();
    await typeInto(emailField(el), ' ada@contoso.example ');
    const link = getByRole(el, 'link', { name: "Can't access your account?" });
    link.focus();
    const event = nextEvent(el, 'gate-forgot-password');
    const before = location.href;
    await sendKeys({ press: 'Enter' });
    const forgot = await event;
    expect(forgot.identifier).to.equal('ada@contoso.example');
    expectBubblesAndComposed(forgot);
    expect(location.href).to.equal(before);
  });

  it('handles a click on the reset link in place', async () => {
    const el = await render();
    const link = getByRole(el, 'link', { name: "Can't access your account?" });
    const event = nextEvent(el, 'gate-forgot-password');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect((await event).identifier).to.equal('');
    expect(click.defaultPrevented).to.equal(true);
  });
});
