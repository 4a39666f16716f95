import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { getByRole, getByText, queryByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import type { GateAlert } from '../../src/components/alert.js';
import '../../src/components/alert.js';

describe('gate-alert', () => {
  it('is accessible', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible as a notice', async () => {
    const el = await pageFixture<GateAlert>(
      html`<gate-alert variant="info">A new code is on its way.</gate-alert>`,
    );
    await expect(el).to.be.accessible();
  });

  it('announces an error at once with role="alert" by default', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    expect(el.variant).to.equal('error');
    expect(el.getAttribute('variant')).to.equal('error');
    const alert = getByRole(el.parentElement!, 'alert');
    expect(alert === el, 'the alert is the element itself').to.equal(true);
    expect(alert.textContent).to.equal('Something failed.');
  });

  it('announces a notice politely with role="status"', async () => {
    const el = await pageFixture<GateAlert>(
      html`<gate-alert variant="info">A new code is on its way.</gate-alert>`,
    );
    expect(
      getByRole(el.parentElement!, 'status') === el,
      'the status is the element itself',
    ).to.equal(true);
    expect(queryByRole(el.parentElement!, 'alert')).to.equal(null);
  });

  it('follows a change of variant with its role', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    el.variant = 'info';
    await el.updateComplete;
    expect(el.getAttribute('role')).to.equal('status');
    el.variant = 'error';
    await el.updateComplete;
    expect(el.getAttribute('role')).to.equal('alert');
  });

  it('shows the slotted message inside the message part', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('[part="message"] slot')!;
    expect(slot).to.exist;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal([
      'Something failed.',
    ]);
    expect(getByText(el, 'Something failed.') === el, 'the text is found on the element').to.equal(
      true,
    );
  });

  it('keeps its icon decorative, with a symbol for each variant', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    const icon = el.shadowRoot!.querySelector('[part="icon"]')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(icon.textContent).to.equal('!');
    el.variant = 'info';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="icon"]')!.textContent).to.equal('i');
  });

  it('renders message text as text, never as markup', async () => {
    const text = '<img src=x onerror="window.__gateXss = 1">';
    const el = await pageFixture<GateAlert>(html`<gate-alert>${text}</gate-alert>`);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.equal(text);
  });

  it('is marked by a border in the error and the brand colour', async () => {
    const el = await pageFixture<GateAlert>(html`<gate-alert>Something failed.</gate-alert>`);
    const errorBorder = getComputedStyle(el).borderTopColor;
    el.variant = 'info';
    await el.updateComplete;
    expect(getComputedStyle(el).borderTopColor).not.to.equal(errorBorder);
  });
});
