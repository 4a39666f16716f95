import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { getByLabelText, getByRole, getByText } from '../support/dom.js';
import { countEvents, nextEvent, pageFixture } from '../support/fixtures.js';
import { showAlertFieldErrorsAndBusy, typeAndPressEnter } from '../support/interaction.js';
import {
  expectHeading,
  expectInLightDomForm,
  itCancelsByKeyboard,
  itFocusesItsHeadingOnRequest,
} from '../support/page-checks.js';
import type { GateConfirmEmailPage } from '../../src/pages/confirm-email-page.js';
import '../../src/pages/confirm-email-page.js';

/** Without an address: a username account registers its recovery email. */
const renderRegister = () =>
  pageFixture<GateConfirmEmailPage>(html`<gate-confirm-email-page></gate-confirm-email-page>`);
const renderConfirm = () =>
  pageFixture<GateConfirmEmailPage>(
    html`<gate-confirm-email-page email="ada@contoso.example"></gate-confirm-email-page>`,
  );

const addressField = (el: HTMLElement) =>
  getByLabelText(el, 'Recovery email address') as HTMLInputElement;
const submitButton = (el: HTMLElement) =>
  getByRole(el, 'button', { name: 'Send verification code' });

describe('gate-confirm-email-page', () => {
  describe('confirming the address on the account', () => {
    it('is accessible, and asks about the address', async () => {
      const el = await renderConfirm();
      await expect(el).to.be.accessible();
      expectHeading(el, 'Confirm your recovery email');
      expect(getByText(el, /Is ada@contoso\.example still your email address/)).to.exist;
    });

    it('emits a plain confirm-email submission', async () => {
      const el = await renderConfirm();
      const event = nextEvent(el, 'gate-step-submit');
      submitButton(el).click();
      expect((await event).submission).to.deep.equal({ step: 'confirm-email' });
    });
  });

  describe('registering a recovery email', () => {
    it('is accessible, also with an alert, a field error and a busy button', async () => {
      const el = await renderRegister();
      await expect(el).to.be.accessible();
      await showAlertFieldErrorsAndBusy(el, { error: 'service_unavailable' }, submitButton(el));
      await expect(el).to.be.accessible();
    });

    it('asks for an address, as an email for autofill, in a light-DOM form', async () => {
      const el = await renderRegister();
      expectHeading(el, 'Add a recovery email');
      const field = addressField(el);
      expect(field.getAttribute('autocomplete')).to.equal('email');
      expect(field.getAttribute('inputmode')).to.equal('email');
      expectInLightDomForm(el, field);
    });

    itFocusesItsHeadingOnRequest(renderRegister);
    itCancelsByKeyboard(renderRegister, 'Enter');

    it('refuses a name that is no address with an inline error, focused', async () => {
      const el = await renderRegister();
      const submits = countEvents(el, 'gate-step-submit');
      await typeAndPressEnter(addressField(el), 'mona');
      await el.updateComplete;
      const field = addressField(el);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const error = getByText(el, 'Enter a valid email address.');
      expect(field.getAttribute('aria-describedby')).to.equal(error.id);
      expect(document.activeElement).to.equal(field);
      expect(submits.count).to.equal(0);
    });

    it('emits the typed address, trimmed', async () => {
      const el = await renderRegister();
      const event = nextEvent(el, 'gate-step-submit');
      await typeAndPressEnter(addressField(el), ' mona@example.org ');
      expect((await event).submission).to.deep.equal({
        step: 'confirm-email',
        email: 'mona@example.org',
      });
    });
  });
});
