import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByRole, getByText, queryByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import { expectHeading } from '../support/page-checks.js';
import type { GateSignedInPage } from '../../src/pages/signed-in-page.js';
import '../../src/pages/signed-in-page.js';

const render = () =>
  pageFixture<GateSignedInPage>(html`<gate-signed-in-page></gate-signed-in-page>`);

describe('gate-signed-in-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, "You're signed in");
    expect(getByText(el, 'You can close this page or return to the site that sent you here.')).to
      .exist;
  });

  it('asks for nothing and offers nothing to press', async () => {
    const el = await render();
    expect(el.querySelector('form')).to.equal(null);
    expect(el.querySelector('input')).to.equal(null);
    expect(queryByRole(el, 'button')).to.equal(null);
    expect(queryByRole(el, 'link')).to.equal(null);
  });

  it('renders into the light DOM', async () => {
    const el = await render();
    expect(el.shadowRoot).to.equal(null);
    expect(getByRole(el, 'heading', { level: 1 }).getRootNode()).to.equal(document);
  });

  it('focuses its heading on request, and Tab then leaves the page', async () => {
    const el = await render();
    await el.focusHeading();
    const heading = getByRole(el, 'heading', { level: 1 });
    expect(document.activeElement).to.equal(heading);
    await sendKeys({ press: 'Tab' });
    expect(el.contains(document.activeElement)).to.equal(false);
  });

  it('emits no event of its own', async () => {
    const el = await render();
    const seen: string[] = [];
    for (const type of ['gate-step-submit', 'gate-step-continue', 'gate-step-cancel'] as const) {
      el.addEventListener(type, () => seen.push(type));
    }
    await el.focusHeading();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
  });

  it('shows no alert', async () => {
    const el = await render();
    expect(queryByRole(el, 'alert')).to.equal(null);
  });
});
