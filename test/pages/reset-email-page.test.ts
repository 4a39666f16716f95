import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, getByText, queryByRole } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import type { ApiError } from '../../src/api/client.js';
import type { GateResetEmailPage } from '../../src/pages/reset-email-page.js';
import '../../src/pages/reset-email-page.js';

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

/** What starting a reset can fail with, and the sentence the user reads for it. */
const failures: ReadonlyArray<readonly [ApiError, string]> = [
  [
    { error: 'invalid_request' },
    'We could not accept what was sent. Check what you entered and try again.',
  ],
  [
    { error: 'too_many_requests', retryAfter: 30 },
    'Too many attempts. Wait 30 seconds, then try again.',
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

const render = (template = html`<gate-reset-email-page></gate-reset-email-page>`) =>
  pageFixture<GateResetEmailPage>(template);

const emailField = (el: HTMLElement) => getByLabelText(el, 'Email Address') as HTMLInputElement;
const submitButton = (el: HTMLElement) =>
  getByRole(el, 'button', { name: 'Send verification code' });

function countSubmits(el: HTMLElement) {
  const counter = { count: 0 };
  el.addEventListener('gate-step-submit', () => (counter.count += 1));
  return counter;
}

/** Types into the email field and submits with Enter, as a keyboard user does. */
async function typeAndSubmit(el: GateResetEmailPage, text: string) {
  emailField(el).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('gate-reset-email-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an alert, a field error and a busy button', async () => {
    const el = await render();
    el.alert = { error: 'service_unavailable' };
    await el.updateComplete;
    submitButton(el).click();
    el.busy = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    const heading = getByRole(el, 'heading', { level: 1, name: 'Reset your password' });
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(
      getByText(
        el,
        "Enter the email address of your account and we'll send you a verification code.",
      ),
    ).to.exist;
    expect(submitButton(el).getAttribute('type')).to.equal('submit');
    expect(getByRole(el, 'button', { name: 'Cancel' }).getAttribute('type')).to.equal('button');
  });

  it('labels the email input and marks it as the username for password managers', async () => {
    const el = await render();
    const email = emailField(el);
    expect(email.getAttribute('autocomplete')).to.equal('username');
    expect(email.getAttribute('inputmode')).to.equal('email');
    expect(email.type).to.equal('text');
    expect(nameOf(email.getRootNode())).to.equal('#document');
    expect(nameOf(email.form)).to.equal(nameOf(el.querySelector('form')));
  });

  it('prefills the email from `email`', async () => {
    const el = await render(
      html`<gate-reset-email-page email="ada@contoso.example"></gate-reset-email-page>`,
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
    for (let i = 0; i < 3; i += 1) {
      await sendKeys({ press: 'Tab' });
      order.push(nameOf(document.activeElement));
    }
    expect(order).to.deep.equal(
      [emailField(el), submitButton(el), getByRole(el, 'button', { name: 'Cancel' })].map(nameOf),
    );
  });

  it('emits the typed address, trimmed, on Enter', async () => {
    const el = await render();
    const event = nextEvent(el, 'gate-step-submit');
    await typeAndSubmit(el, ' ada@contoso.example ');
    const submitted = await event;
    expect(submitted.bubbles).to.equal(true);
    expect(submitted.composed).to.equal(true);
    expect(submitted.submission).to.deep.equal({
      step: 'reset-email',
      email: 'ada@contoso.example',
    });
  });

  it('submits with Space on the Send verification code button', async () => {
    const el = await render(
      html`<gate-reset-email-page email="ada@contoso.example"></gate-reset-email-page>`,
    );
    emailField(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(nameOf(document.activeElement)).to.equal(nameOf(submitButton(el)));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    expect((await event).submission).to.deep.equal({
      step: 'reset-email',
      email: 'ada@contoso.example',
    });
  });

  it('emits gate-step-cancel from Cancel, by keyboard', async () => {
    const el = await render();
    const submits = countSubmits(el);
    getByRole(el, 'button', { name: 'Cancel' }).focus();
    const event = nextEvent(el, 'gate-step-cancel');
    await sendKeys({ press: 'Enter' });
    const cancelled = await event;
    expect(cancelled.bubbles).to.equal(true);
    expect(cancelled.composed).to.equal(true);
    expect(submits.count).to.equal(0);
  });

  for (const bad of ['', '   ', 'ada', 'ada@', '@contoso.example', 'ada @contoso.example']) {
    it(`refuses ${JSON.stringify(bad)} with an inline error, focused`, async () => {
      const el = await render();
      const submits = countSubmits(el);
      if (bad) await typeAndSubmit(el, bad);
      else submitButton(el).click();
      await el.updateComplete;
      const email = emailField(el);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const error = getByText(el, 'Enter a valid email address.');
      expect(email.getAttribute('aria-describedby')).to.equal(error.id);
      expect(nameOf(document.activeElement)).to.equal(nameOf(email));
      expect(submits.count).to.equal(0);
    });
  }

  it('refuses an address longer than 254 characters', async () => {
    const el = await render(
      html`<gate-reset-email-page
        email=${`${'a'.repeat(245)}@contoso.example`}
      ></gate-reset-email-page>`,
    );
    const submits = countSubmits(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(submits.count).to.equal(0);
  });

  it('clears the error once the address is valid', async () => {
    const el = await render();
    await typeAndSubmit(el, 'ada');
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ type: '@contoso.example' });
    await sendKeys({ press: 'Enter' });
    expect((await event).submission).to.deep.equal({
      step: 'reset-email',
      email: 'ada@contoso.example',
    });
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('false');
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
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.querySelector('gate-spinner')).to.exist;
  });

  it('emits nothing for a second submit while busy', async () => {
    const el = await render();
    const submits = countSubmits(el);
    await typeAndSubmit(el, 'ada@contoso.example');
    expect(submits.count).to.equal(1);
    el.busy = true;
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    submitButton(el).click();
    await el.updateComplete;
    expect(submits.count).to.equal(1);
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
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal(message);
    });
  }

  it('says nothing about whether the address has an account', async () => {
    const el = await render();
    await typeAndSubmit(el, 'nobody@contoso.example');
    expect(nameOf(queryByRole(el, 'alert'))).to.equal('nothing');
    expect(nameOf(queryByRole(el, 'status'))).to.equal('nothing');
    expect(el.textContent).not.to.match(/no account|not found|unknown|does not exist/i);
  });
});
