import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CountdownController } from '../../src/controllers/countdown-controller.js';
import { pageFixture } from '../support/fixtures.js';

/** The controller ticks every 250 ms; a little over one tick lets a scheduled render happen. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A test clock: the controller reads it, the test moves it. */
const clock = { now: 1_000_000 };

@customElement('test-countdown-host')
class TestCountdownHost extends LitElement {
  readonly countdown = new CountdownController(this, () => clock.now);
  renders = 0;

  override render() {
    this.renders += 1;
    return html`<p>${this.countdown.secondsLeft} seconds left</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-countdown-host': TestCountdownHost;
  }
}

async function host(untilFromNow: number) {
  const el = await pageFixture<TestCountdownHost>(
    html`<test-countdown-host></test-countdown-host>`,
  );
  el.countdown.until = clock.now + untilFromNow;
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

const text = (el: HTMLElement) => el.shadowRoot!.querySelector('p')!.textContent;

/** Waits up to a second, a few ticks, for the host to show `expected`; fails with `message`. */
const untilShown = (el: HTMLElement, expected: string, message: string) =>
  waitUntil(() => text(el) === expected, message, { timeout: 1_000 });

describe('CountdownController', () => {
  beforeEach(() => {
    clock.now = 1_000_000;
  });

  it('is accessible in its host', async () => {
    const el = await host(30_000);
    await expect(el).to.be.accessible();
  });

  const cases = [
    { left: 30_000, seconds: 30 },
    { left: 29_001, seconds: 30 },
    { left: 29_000, seconds: 29 },
    { left: 1_000, seconds: 1 },
    { left: 1, seconds: 1 },
    { left: 0, seconds: 0 },
    { left: -5_000, seconds: 0 },
  ] as const;
  for (const { left, seconds } of cases) {
    it(`counts ${left} ms left as ${seconds} whole seconds (rounded up, never negative)`, async () => {
      const el = await host(left);
      expect(el.countdown.secondsLeft).to.equal(seconds);
    });
  }

  it('reads time only through the injected clock', async () => {
    const el = await host(10_000);
    clock.now += 4_500;
    expect(el.countdown.secondsLeft).to.equal(6);
    clock.now += 10_000;
    expect(el.countdown.secondsLeft).to.equal(0);
  });

  it('re-renders its host as the clock moves on', async () => {
    const el = await host(3_000);
    expect(text(el)).to.equal('3 seconds left');
    clock.now += 1_000;
    await untilShown(el, '2 seconds left', 'host did not re-render');
    clock.now += 2_000;
    await untilShown(el, '0 seconds left', 'host did not reach 0');
  });

  it('stops re-rendering once the moment has passed', async () => {
    const el = await host(1_000);
    clock.now += 1_000;
    await untilShown(el, '0 seconds left', 'host did not reach 0');
    const renders = el.renders;
    await tick();
    await tick();
    expect(el.renders).to.equal(renders);
  });

  it('does not tick at all for a moment already past', async () => {
    const el = await host(-1);
    const renders = el.renders;
    await tick();
    expect(el.renders).to.equal(renders);
  });

  it('stops while its host is disconnected and resumes when it is connected again', async () => {
    const el = await host(5_000);
    const parent = el.parentElement!;
    el.remove();
    const renders = el.renders;
    await tick();
    await tick();
    expect(el.renders).to.equal(renders);
    parent.append(el);
    clock.now += 2_000;
    await untilShown(el, '3 seconds left', 'host did not resume');
  });

  it('restarts from a new moment', async () => {
    const el = await host(1_000);
    clock.now += 1_000;
    await untilShown(el, '0 seconds left', 'host did not reach 0');
    el.countdown.until = clock.now + 2_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el)).to.equal('2 seconds left');
    clock.now += 1_000;
    await untilShown(el, '1 seconds left', 'host did not tick again');
  });
});
