import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, queryByRole } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import type { GateSignInPage } from '../../src/pages/sign-in-page.js';
import '../../src/pages/sign-in-page.js';

describe('gate-sign-in-page', () => {
  it('is accessible', async () => {
    const el = await pageFixture<GateSignInPage>(
      html`<gate-sign-in-page show-reset-link></gate-sign-in-page>`,
    );
    await expect(el).to.be.accessible();
  });

  it('emits the credentials typed by keyboard', async () => {
    const el = await pageFixture<GateSignInPage>(html`<gate-sign-in-page></gate-sign-in-page>`);
    expect(queryByRole(el, 'link', { name: "Can't access your account?" })).to.equal(null);
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
});
