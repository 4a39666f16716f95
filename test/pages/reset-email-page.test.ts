import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, getByText, queryByRole } from '../support/dom.js';
import { countEvents, nextEvent, pageFixture } from '../support/fixtures.js';
import * as copy from '../support/failure-copy.js';
import {
  showAlertFieldErrorsAndBusy,
  submitAgainWhileBusy,
  typeAndPressEnter,
} from '../support/interaction.js';
import {
  expectBubblesAndComposed,
  expectHeading,
  expectInLightDomForm,
  expectTabOrder,
  itAnnouncesEachFailure,
  itCancelsByKeyboard,
  itFocusesItsHeadingOnRequest,
  itShowsTheBusyStateOnSubmit,
} from '../support/page-checks.js';
import type { GateResetEmailPage } from '../../src/pages/reset-email-page.js';
import '../../src/pages/reset-email-page.js';

/** What starting a reset can fail with. */
const failures = [
  copy.invalidRequest,
  copy.tooManyRequests(30, '30 seconds'),
  copy.tenantNotFound,
  copy.serviceUnavailable,
  ...copy.transportFailures,
];

const render = (template = html`<gate-reset-email-page></gate-reset-email-page>`) =>
  pageFixture<GateResetEmailPage>(template);

const emailField = (el: HTMLElement) => getByLabelText(el, 'Email Address') as HTMLInputElement;
const submitButton = (el: HTMLElement) =>
  getByRole(el, 'button', { name: 'Send verification code' });

/** Types into the email field and submits with Enter, as a keyboard user does. */
async function typeAndSubmit(el: GateResetEmailPage, text: string) {
  await typeAndPressEnter(emailField(el), text);
  await el.updateComplete;
}

describe('gate-reset-email-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an alert, a field error and a busy button', async () => {
    const el = await render();
    await showAlertFieldErrorsAndBusy(el, { error: 'service_unavailable' }, submitButton(el));
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, 'Reset your password');
    expect(
      getByText(
        el,
        "Enter the email address of your account and we'll send you a verification code.",
      ),
    ).to.exist;
    expect(submitButton(el).getAttribute('type')).to.equal('submit');
    // A plain form posts Cancel as its action; the app handles the click in place.
    expect(getByRole(el, 'button', { name: 'Cancel' }).getAttribute('value')).to.equal('cancel');
  });

  it('labels the email input and marks it as the username for password managers', async () => {
    const el = await render();
    const email = emailField(el);
    expect(email.getAttribute('autocomplete')).to.equal('username');
    expect(email.getAttribute('inputmode')).to.equal('email');
    expect(email.type).to.equal('text');
    expectInLightDomForm(el, email);
  });

  it('prefills the email from `email`', async () => {
    const el = await render(
      html`<gate-reset-email-page email="ada@contoso.example"></gate-reset-email-page>`,
    );
    expect(emailField(el).value).to.equal('ada@contoso.example');
  });

  itFocusesItsHeadingOnRequest(render);

  it('reaches every control by Tab, in reading order', async () => {
    const el = await render();
    await el.focusHeading();
    await expectTabOrder([
      emailField(el),
      submitButton(el),
      getByRole(el, 'button', { name: 'Cancel' }),
    ]);
  });

  it('emits the typed address, trimmed, on Enter', async () => {
    const el = await render();
    const event = nextEvent(el, 'gate-step-submit');
    await typeAndSubmit(el, ' ada@contoso.example ');
    const submitted = await event;
    expectBubblesAndComposed(submitted);
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
    expect(document.activeElement).to.equal(submitButton(el));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    expect((await event).submission).to.deep.equal({
      step: 'reset-email',
      email: 'ada@contoso.example',
    });
  });

  itCancelsByKeyboard(render, 'Enter');

  for (const bad of ['', '   ', 'ada', 'ada@', '@contoso.example', 'ada @contoso.example']) {
    it(`refuses ${JSON.stringify(bad)} with an inline error, focused`, async () => {
      const el = await render();
      const submits = countEvents(el, 'gate-step-submit');
      if (bad) await typeAndSubmit(el, bad);
      else submitButton(el).click();
      await el.updateComplete;
      const email = emailField(el);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const error = getByText(el, 'Enter a valid email address.');
      expect(email.getAttribute('aria-describedby')).to.equal(error.id);
      expect(document.activeElement).to.equal(email);
      expect(submits.count).to.equal(0);
    });
  }

  it('refuses an address longer than 254 characters', async () => {
    const el = await render(
      html`<gate-reset-email-page
        email=${`${'a'.repeat(245)}@contoso.example`}
      ></gate-reset-email-page>`,
    );
    const submits = countEvents(el, 'gate-step-submit');
    submitButton(el).click();
    await el.updateComplete;
    expect(emailField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(submits.count).to.equal(0);
  });

  it('takes a username where the tenant signs users in by username, trimmed', async () => {
    const el = await render(html`<gate-reset-email-page usernames></gate-reset-email-page>`);
    const event = nextEvent(el, 'gate-step-submit');
    await typeAndSubmit(el, ' mona ');
    expect((await event).submission).to.deep.equal({ step: 'reset-email', email: 'mona' });
  });

  for (const bad of ['ada lovelace', 'mona@northwind.example']) {
    it(`refuses ${JSON.stringify(bad)} where the tenant signs users in by username`, async () => {
      const el = await render(html`<gate-reset-email-page usernames></gate-reset-email-page>`);
      const submits = countEvents(el, 'gate-step-submit');
      await typeAndSubmit(el, bad);
      expect(emailField(el).getAttribute('aria-invalid')).to.equal('true');
      expect(submits.count).to.equal(0);
    });
  }

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
    expect(el.querySelector('.gate-field-error')).to.equal(null);
  });

  itShowsTheBusyStateOnSubmit(render, submitButton);

  it('emits nothing for a second submit while busy', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await typeAndSubmit(el, 'ada@contoso.example');
    expect(submits.count).to.equal(1);
    await submitAgainWhileBusy(el, submitButton(el));
    expect(submits.count).to.equal(1);
  });

  itAnnouncesEachFailure(render, failures);

  it('says nothing about whether the address has an account', async () => {
    const el = await render();
    await typeAndSubmit(el, 'nobody@contoso.example');
    expect(queryByRole(el, 'alert')).to.equal(null);
    expect(queryByRole(el, 'status')).to.equal(null);
    expect(el.textContent).not.to.match(/no account|not found|unknown|does not exist/i);
  });
});
