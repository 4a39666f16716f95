import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByRole, getByText, queryByRole } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import type { GateResetDonePage } from '../../src/pages/reset-done-page.js';
import '../../src/pages/reset-done-page.js';

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
    const heading = getByRole(el, 'heading', {
      level: 1,
      name: 'Your password has been changed',
    });
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(getByText(el, 'You can now sign in with your new password.')).to.exist;
    expect(continueButton(el).getAttribute('type')).to.equal('button');
  });

  it('asks for nothing: no form and no input', async () => {
    const el = await render();
    expect(nameOf(el.querySelector('form'))).to.equal('nothing');
    expect(nameOf(el.querySelector('input'))).to.equal('nothing');
    expect(nameOf(queryByRole(el, 'textbox'))).to.equal('nothing');
  });

  it('renders into the light DOM', async () => {
    const el = await render();
    expect(nameOf(el.shadowRoot)).to.equal('nothing');
    expect(nameOf(continueButton(el).getRootNode())).to.equal('#document');
  });

  it('focuses its heading on request', async () => {
    const el = await render();
    await el.focusHeading();
    expect(nameOf(document.activeElement)).to.equal(nameOf(getByRole(el, 'heading', { level: 1 })));
  });

  it('leads from the heading to Continue by Tab', async () => {
    const el = await render();
    await el.focusHeading();
    await sendKeys({ press: 'Tab' });
    expect(nameOf(document.activeElement)).to.equal(nameOf(continueButton(el)));
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`emits gate-step-continue when Continue is pressed with ${key}`, async () => {
      const el = await render();
      continueButton(el).focus();
      const event = nextEvent(el, 'gate-step-continue');
      await sendKeys({ press: key });
      const done = await event;
      expect(done.bubbles).to.equal(true);
      expect(done.composed).to.equal(true);
    });
  }

  it('emits gate-step-continue exactly once per press', async () => {
    const el = await render();
    let continues = 0;
    el.addEventListener('gate-step-continue', () => (continues += 1));
    continueButton(el).click();
    await el.updateComplete;
    expect(continues).to.equal(1);
  });

  it('shows no alert and signs nobody in', async () => {
    const el = await render();
    expect(nameOf(queryByRole(el, 'alert'))).to.equal('nothing');
    expect(el.textContent).not.to.match(/signed in/i);
  });
});
