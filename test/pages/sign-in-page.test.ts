import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, getByText, queryByRole } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import type { ApiError } from '../../src/api/client.js';
import type { GateSignInPage } from '../../src/pages/sign-in-page.js';
import '../../src/pages/sign-in-page.js';

/** Names a node in words: a failed assertion that carries a DOM node stalls the test runner. */
function nameOf(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const controls = node.hasAttribute('aria-controls')
    ? ` controls=${node.getAttribute('aria-controls')}`
    : '';
  return `<${node.localName}${id}${controls}> ${JSON.stringify(node.textContent!.trim().slice(0, 80))}`;
}

/** What the sign-in request can fail with, and the sentence the user reads for it. */
const failures: ReadonlyArray<readonly [ApiError, string]> = [
  [{ error: 'invalid_credentials' }, 'Your email address or password is incorrect.'],
  [
    { error: 'invalid_request' },
    'We could not accept what was sent. Check what you entered and try again.',
  ],
  [
    { error: 'too_many_requests', retryAfter: 60 },
    'Too many attempts. Wait 60 seconds, then try again.',
  ],
  [
    { error: 'tenant_not_found' },
    'This sign-in page does not exist. Check the address you followed.',
  ],
  [
    { error: 'service_unavailable' },
    'The service is unavailable right now. Try again in a few minutes.',
  ],
  [{ error: 'network' }, "We couldn't reach the server. Check your connection and try again."],
  [{ error: 'timeout' }, 'The server took too long to answer. Try again.'],
  [
    { error: 'malformed_response' },
    'Something went wrong on our side. Try again in a few minutes.',
  ],
  [{ error: 'server_error' }, 'Something went wrong on our side. Try again in a few minutes.'],
];

const render = (template = html`<gate-sign-in-page show-reset-link></gate-sign-in-page>`) =>
  pageFixture<GateSignInPage>(template);

const emailField = (el: HTMLElement) => getByLabelText(el, 'Email Address') as HTMLInputElement;
const passwordField = (el: HTMLElement) => getByLabelText(el, 'Password') as HTMLInputElement;
const submitButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Sign in' });

/** Counts the step submissions a page emits from now on. */
function countSubmits(el: HTMLElement) {
  const counter = { count: 0 };
  el.addEventListener('gate-step-submit', () => (counter.count += 1));
  return counter;
}

/** The element that a field's aria-describedby names for its error. */
function describedError(input: HTMLInputElement, text: string) {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  const error = getByText(input.form!, text);
  expect(ids).to.include(error.id);
  return error;
}

describe('gate-sign-in-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an alert, field errors and a busy button', async () => {
    const el = await render();
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    submitButton(el).click();
    el.busy = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    const heading = getByRole(el, 'heading', { level: 1, name: 'Sign in' });
    expect(heading.getAttribute('tabindex')).to.equal('-1');
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
    expect(nameOf(el.shadowRoot)).to.equal('nothing');
    const form = el.querySelector('form')!;
    for (const input of [emailField(el), passwordField(el)]) {
      expect(nameOf(input.getRootNode())).to.equal('#document');
      expect(nameOf(input.form)).to.equal(nameOf(form));
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

  it('focuses its heading on request', async () => {
    const el = await render();
    await el.focusHeading();
    expect(nameOf(document.activeElement)).to.equal(nameOf(getByRole(el, 'heading', { level: 1 })));
  });

  it('reaches every control by Tab, in reading order', async () => {
    const el = await render();
    await el.focusHeading();
    const order: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await sendKeys({ press: 'Tab' });
      order.push(nameOf(document.activeElement));
    }
    expect(order).to.deep.equal(
      [
        emailField(el),
        passwordField(el),
        getByRole(el, 'button', { name: 'Show password' }),
        getByRole(el, 'link', { name: "Can't access your account?" }),
        submitButton(el),
      ].map(nameOf),
    );
  });

  it('emits the credentials typed by keyboard', async () => {
    const el = await pageFixture<GateSignInPage>(html`<gate-sign-in-page></gate-sign-in-page>`);
    expect(nameOf(queryByRole(el, 'link', { name: "Can't access your account?" }))).to.equal(
      'nothing',
    );
    getByLabelText(el, 'Email Address').focus();
    await sendKeys({ type: 'ada@contoso.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'correct horse' });
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
    emailField(el).focus();
    await sendKeys({ type: '  ada@contoso.example ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: ' correct horse ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(nameOf(document.activeElement)).to.equal(nameOf(submitButton(el)));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    const submitted = await event;
    expect(submitted.bubbles).to.equal(true);
    expect(submitted.composed).to.equal(true);
    expect(submitted.submission).to.deep.equal({
      step: 'sign-in',
      identifier: 'ada@contoso.example',
      password: ' correct horse ',
    });
  });

  it('asks for both fields when both are empty, and focuses the first', async () => {
    const el = await render();
    const submits = countSubmits(el);
    submitButton(el).click();
    await el.updateComplete;
    const email = emailField(el);
    const password = passwordField(el);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    describedError(email, 'Please enter your email');
    describedError(password, 'Please enter your password');
    await el.updateComplete;
    expect(nameOf(document.activeElement)).to.equal(nameOf(email));
    expect(submits.count).to.equal(0);
  });

  it('treats an email of spaces as empty', async () => {
    const el = await render();
    const submits = countSubmits(el);
    emailField(el).focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'correct horse' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    describedError(emailField(el), 'Please enter your email');
    expect(nameOf(document.activeElement)).to.equal(nameOf(emailField(el)));
    expect(submits.count).to.equal(0);
  });

  it('asks for the password alone when only it is missing, and focuses it', async () => {
    const el = await render();
    const submits = countSubmits(el);
    emailField(el).focus();
    await sendKeys({ type: 'ada@contoso.example' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('true');
    describedError(passwordField(el), 'Please enter your password');
    expect(nameOf(document.activeElement)).to.equal(nameOf(passwordField(el)));
    expect(submits.count).to.equal(0);
  });

  it('clears the field errors once the input is complete', async () => {
    const el = await render();
    submitButton(el).click();
    await el.updateComplete;
    emailField(el).focus();
    await sendKeys({ type: 'ada@contoso.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'correct horse' });
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Enter' });
    await event;
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(passwordField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(nameOf(el.querySelector('.gate-field-error'))).to.equal('nothing');
  });

  it('has an enabled submit button without a spinner when idle', async () => {
    const el = await render();
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(nameOf(button.querySelector('gate-spinner'))).to.equal('nothing');
  });

  it('shows the busy state on the submit button', async () => {
    const el = await render();
    el.busy = true;
    await el.updateComplete;
    expect(el.hasAttribute('busy')).to.equal(true);
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.querySelector('gate-spinner')).to.exist;
  });

  it('emits nothing for a second submit while busy, and again once idle', async () => {
    const el = await render();
    const submits = countSubmits(el);
    emailField(el).focus();
    await sendKeys({ type: 'ada@contoso.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'correct horse' });
    await sendKeys({ press: 'Enter' });
    expect(submits.count).to.equal(1);
    el.busy = true;
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    submitButton(el).click();
    await el.updateComplete;
    expect(submits.count).to.equal(1);
    el.busy = false;
    await el.updateComplete;
    submitButton(el).click();
    expect(submits.count).to.equal(2);
  });

  it('shows no alert without a failure', async () => {
    const el = await render();
    expect(nameOf(queryByRole(el, 'alert'))).to.equal('nothing');
  });

  for (const [failure, message] of failures) {
    it(`announces ${JSON.stringify(failure)} in an alert`, async () => {
      const el = await render();
      el.alert = failure;
      await el.updateComplete;
      const alert = getByRole(el, 'alert');
      expect(alert.textContent!.trim()).to.equal(message);
    });
  }

  it('removes the alert when the failure is cleared', async () => {
    const el = await render();
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    el.alert = undefined;
    await el.updateComplete;
    expect(nameOf(queryByRole(el, 'alert'))).to.equal('nothing');
  });

  it('keeps what the user typed when an alert arrives', async () => {
    const el = await render();
    emailField(el).focus();
    await sendKeys({ type: 'ada@contoso.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'wrong' });
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    expect(emailField(el).value).to.equal('ada@contoso.example');
    expect(passwordField(el).value).to.equal('wrong');
  });

  it('hides the reset link unless the tenant allows self-service reset', async () => {
    const el = await render(html`<gate-sign-in-page></gate-sign-in-page>`);
    expect(nameOf(queryByRole(el, 'link'))).to.equal('nothing');
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
    emailField(el).focus();
    await sendKeys({ type: ' ada@contoso.example ' });
    const link = getByRole(el, 'link', { name: "Can't access your account?" });
    link.focus();
    const event = nextEvent(el, 'gate-forgot-password');
    const before = location.href;
    await sendKeys({ press: 'Enter' });
    const forgot = await event;
    expect(forgot.identifier).to.equal('ada@contoso.example');
    expect(forgot.bubbles).to.equal(true);
    expect(forgot.composed).to.equal(true);
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
