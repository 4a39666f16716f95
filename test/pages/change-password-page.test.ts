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
  itAnnouncesEachFailure,
  itCancelsByKeyboard,
  itFocusesItsHeadingOnRequest,
  itShowsTheBusyStateOnSubmit,
} from '../support/page-checks.js';
import type { GateChangePasswordPage } from '../../src/pages/change-password-page.js';
import '../../src/pages/change-password-page.js';

const email = 'ada@contoso.example';
const current = 'correct horse battery staple';
const next = 'violet umbrellas sing loudly';

const render = () =>
  pageFixture<GateChangePasswordPage>(
    html`<gate-change-password-page
      email=${email}
      .rules=${{ minLength: 15, maxLength: 128 }}
    ></gate-change-password-page>`,
  );

const currentField = (el: HTMLElement) =>
  getByLabelText(el, 'Current Password') as HTMLInputElement;
const newField = (el: HTMLElement) => getByLabelText(el, 'New Password') as HTMLInputElement;
const confirmField = (el: HTMLElement) =>
  getByLabelText(el, 'Confirm New Password') as HTMLInputElement;
const changeButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Change password' });

async function fill(el: GateChangePasswordPage, currentPassword: string, password: string) {
  if (currentPassword) await typeInto(currentField(el), currentPassword);
  if (password) {
    await typeInto(newField(el), password);
    await typeInto(confirmField(el), password);
  }
  await el.updateComplete;
}

describe('gate-change-password-page', () => {
  it('is accessible, also with an alert, field errors and a busy button', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    await showAlertFieldErrorsAndBusy(el, { error: 'invalid_credentials' }, changeButton(el));
    await expect(el).to.be.accessible();
  });

  it('asks for the current password and the new one twice, as a password manager expects', async () => {
    const el = await render();
    expectHeading(el, 'Change your password');
    const username = getByLabelText(el, 'Signed in as') as HTMLInputElement;
    expect(username.value).to.equal(email);
    expect(username.readOnly).to.equal(true);
    expect(username.getAttribute('autocomplete')).to.equal('username');
    expect(currentField(el).getAttribute('autocomplete')).to.equal('current-password');
    for (const input of [newField(el), confirmField(el)]) {
      expect(input.getAttribute('autocomplete')).to.equal('new-password');
    }
    for (const input of [username, currentField(el), newField(el), confirmField(el)]) {
      expectInLightDomForm(el, input);
    }
    expect(getByText(el, 'At least 15 characters')).to.exist;
  });

  it('shows the rules as they are met, live', async () => {
    const el = await render();
    await fill(el, '', next);
    const met = [...el.querySelectorAll('.gate-rule[data-met="true"]')].map((li) => li.textContent);
    expect(met.join(' ')).to.contain('At least 15 characters').and.contain('Both passwords match');
  });

  it('submits the current and the new password by Enter', async () => {
    const el = await render();
    await fill(el, current, next);
    const submitted = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expectBubblesAndComposed(event);
    expect(event.submission).to.deep.equal({
      step: 'change-password',
      currentPassword: current,
      password: next,
    });
  });

  it('holds back an empty current password, a short one or a mismatch, and says why at the field', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await fill(el, '', next);
    changeButton(el).click();
    await el.updateComplete;
    expectDescribedBy(currentField(el), 'Please enter your current password');
    expect(document.activeElement).to.equal(currentField(el));

    await typeInto(currentField(el), current);
    await typeInto(newField(el), ' and more');
    changeButton(el).click();
    await el.updateComplete;
    expectDescribedBy(confirmField(el), "The passwords don't match.");
    expect(submits.count).to.equal(0);
  });

  it('says a wrong current password at its field and in the alert', async () => {
    const el = await render();
    el.alert = { error: 'invalid_credentials' };
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent!.trim()).to.equal(
      'Your current password is incorrect.',
    );
    expectDescribedBy(currentField(el), 'Your current password is incorrect.');
    expect(currentField(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it("says the server's objection to the new password at the new password", async () => {
    const el = await render();
    el.alert = { error: 'password_rejected', reasons: ['common'] };
    await el.updateComplete;
    expectDescribedBy(
      newField(el),
      'This password is too common. Choose one that is harder to guess.',
    );
  });

  it('submits once while busy', async () => {
    const el = await render();
    await fill(el, current, next);
    const submits = countEvents(el, 'gate-step-submit');
    await submitAgainWhileBusy(el, changeButton(el));
    expect(submits.count).to.equal(0);
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  itAnnouncesEachFailure(render, [
    [{ error: 'session_required' }, 'You have been signed out. Sign in again to continue.'],
    copy.serviceUnavailable,
    copy.tooManyRequests(120, '2 minutes'),
    ...copy.transportFailures,
  ]);
  itCancelsByKeyboard(render, 'Enter');
  itFocusesItsHeadingOnRequest(render);
  itShowsTheBusyStateOnSubmit(render, changeButton);
});
