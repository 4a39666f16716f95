import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import { getByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import type { GateSpinner } from '../../src/components/spinner.js';
import '../../src/components/spinner.js';

describe('gate-spinner', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('is accessible', async () => {
    const el = await pageFixture<GateSpinner>(html`<gate-spinner></gate-spinner>`);
    await expect(el).to.be.accessible();
  });

  it('is hidden from assistive technology: the button says it is busy in words', async () => {
    const el = await pageFixture<GateSpinner>(html`<gate-spinner></gate-spinner>`);
    expect(el.getAttribute('aria-hidden')).to.equal('true');
  });

  it('leaves the accessible name of the button it sits in unchanged', async () => {
    const el = await pageFixture<HTMLDivElement>(
      html`<div>
        <button type="button" aria-busy="true"><gate-spinner></gate-spinner>Sign in</button>
      </div>`,
    );
    expect(getByRole(el, 'button', { name: 'Sign in' })).to.exist;
  });

  it('draws a turning ring the size of the text', async () => {
    const el = await pageFixture<GateSpinner>(html`<gate-spinner></gate-spinner>`);
    const ring = el.shadowRoot!.querySelector<HTMLElement>('[part="ring"]')!;
    expect(ring).to.exist;
    const style = getComputedStyle(ring);
    expect(style.animationName).to.equal('turn');
    expect(style.animationDuration).to.equal('0.8s');
    const box = el.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.width).to.equal(box.height);
  });

  it('turns more slowly when the user prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await pageFixture<GateSpinner>(html`<gate-spinner></gate-spinner>`);
    const ring = el.shadowRoot!.querySelector<HTMLElement>('[part="ring"]')!;
    expect(getComputedStyle(ring).animationDuration).to.equal('2.4s');
  });
});
