import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { getByRole, getByText, queryByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import {
  expectHeading,
  itContinuesFrom,
  itFocusesItsHeadingOnRequest,
} from '../support/page-checks.js';
import type { GateResetDonePage } from '../../src/pages/reset-done-page.js';
import '../../src/pages/reset-done-page.js';

const render = () =>
  pageFixture<GateResetDonePage>(html`<gate-reset-done-page></gate-reset-done-page>`);
const continueButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Continue' });

describe('gate-reset-done-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, 'Your password has been changed');
    expect(getByText(el, 'You can now sign in with your new password.')).to.exist;
    // Without the script it posts the flow's way on (server/http/form-posts.ts).
    expect(continueButton(el).getAttribute('type')).to.equal('submit');
    expect(continueButton(el).getAttribute('value')).to.equal('continue');
  });

  it('asks for nothing: no input, only the way on', async () => {
    const el = await render();
    expect(el.querySelectorAll('form button')).to.have.length(1);
    expect(el.querySelector('input')).to.equal(null);
    expect(queryByRole(el, 'textbox')).to.equal(null);
  });

  it('renders into the light DOM', async () => {
    const el = await render();
    expect(el.shadowRoot).to.equal(null);
    expect(continueButton(el).getRootNode()).to.equal(document);
  });

  itFocusesItsHeadingOnRequest(render);
  itContinuesFrom(render, 'Continue');

  it('shows no alert and signs nobody in', async () => {
    const el = await render();
    expect(queryByRole(el, 'alert')).to.equal(null);
    expect(el.textContent).not.to.match(/signed in/i);
  });
});
