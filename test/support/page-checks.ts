/**
 * Checks that every step page shares: how focus moves, how a submit button shows a running
 * request, where credential inputs live, how failures are announced, and the tests for the
 * buttons a `StepPage` renders the same way on each page (Cancel, Continue).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { describeNode, getByRole, getByText, queryByRole } from './dom.js';
import { countEvents, nextEvent } from './fixtures.js';
import type { FailureCopy } from './failure-copy.js';
import type { StepPage } from '../../src/pages/step-page.js';

/**
 * Presses Tab once per control and expects focus to land on each in turn. Compared as
 * descriptions, so a wrong order reads as a list of names.
 */
export async function expectTabOrder(controls: Element[]) {
  const order: string[] = [];
  for (let i = 0; i < controls.length; i += 1) {
    await sendKeys({ press: 'Tab' });
    order.push(describeNode(document.activeElement));
  }
  expect(order).to.deep.equal(controls.map(describeNode));
}

/** The page's one h1, named `name`: focusable by script (focusHeading), skipped by Tab. */
export function expectHeading(page: HTMLElement, name: string) {
  const heading = getByRole(page, 'heading', { level: 1, name });
  expect(heading.getAttribute('tabindex')).to.equal('-1');
}

/** Password managers see an input only in the light DOM, inside the page's one form. */
export function expectInLightDomForm(page: HTMLElement, input: HTMLInputElement) {
  expect(input.getRootNode()).to.equal(document);
  expect(input.form).to.equal(page.querySelector('form'));
}

/** The ids in a field's aria-describedby name the element of that field that shows `text`. */
export function expectDescribedBy(input: HTMLInputElement, text: string) {
  const shown = getByText(input.closest('.gate-field') as HTMLElement, text);
  expect((input.getAttribute('aria-describedby') ?? '').split(' ')).to.include(shown.id);
}

/** A submit button ready for a press: enabled, not busy, without a spinner. */
export function expectSubmitIdle(button: HTMLElement) {
  expect(button.getAttribute('aria-disabled')).to.equal('false');
  expect(button.getAttribute('aria-busy')).to.equal('false');
  expect(button.querySelector('gate-spinner')).to.equal(null);
}

/** A submit button while its request runs: inert, busy, with a spinner. */
export function expectSubmitBusy(button: HTMLElement) {
  expect(button.getAttribute('aria-disabled')).to.equal('true');
  expect(button.getAttribute('aria-busy')).to.equal('true');
  expect(button.querySelector('gate-spinner')).to.exist;
}

/** A page's event reaches the app however deep the page sits in shadow roots. */
export function expectBubblesAndComposed(event: Event) {
  expect(event.bubbles).to.equal(true);
  expect(event.composed).to.equal(true);
}

type Render = () => Promise<StepPage>;
type Query = (page: HTMLElement) => HTMLElement;

export function itFocusesItsHeadingOnRequest(render: Render) {
  it('focuses its heading on request', async () => {
    const el = await render();
    await el.focusHeading();
    expect(document.activeElement).to.equal(getByRole(el, 'heading', { level: 1 }));
  });
}

/** The submit button is ready when the page is idle, and inert with a spinner while busy. */
export function itShowsTheBusyStateOnSubmit(render: Render, submitButton: Query) {
  it('has an enabled submit button without a spinner when idle', async () => {
    const el = await render();
    expectSubmitIdle(submitButton(el));
  });

  it('shows the busy state on the submit button', async () => {
    const el = await render();
    el.busy = true;
    await el.updateComplete;
    expect(el.hasAttribute('busy')).to.equal(true);
    expectSubmitBusy(submitButton(el));
  });
}

/** No alert until a failure arrives, then each failure's sentence in the alert. */
export function itAnnouncesEachFailure(render: Render, failures: readonly FailureCopy[]) {
  it('shows no alert without a failure', async () => {
    const el = await render();
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  for (const [failure, message] of failures) {
    it(`announces ${JSON.stringify(failure)} in an alert`, async () => {
      const el = await render();
      el.alert = failure;
      await el.updateComplete;
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal(message);
    });
  }
}

/** Cancel leaves the step by keyboard, and never as a submit. */
export function itCancelsByKeyboard(render: Render, key: 'Enter' | 'Space') {
  it('emits gate-step-cancel from Cancel, by keyboard', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    getByRole(el, 'button', { name: 'Cancel' }).focus();
    const event = nextEvent(el, 'gate-step-cancel');
    await sendKeys({ press: key });
    expectBubblesAndComposed(await event);
    expect(submits.count).to.equal(0);
  });
}

/** The one button on a page that ends something: next after the heading, pressed once. */
export function itContinuesFrom(render: Render, buttonName: string) {
  const button = (el: HTMLElement) => getByRole(el, 'button', { name: buttonName });

  it(`leads from the heading to ${buttonName} by Tab`, async () => {
    const el = await render();
    await el.focusHeading();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(button(el));
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`emits gate-step-continue when ${buttonName} is pressed with ${key}`, async () => {
      const el = await render();
      button(el).focus();
      const event = nextEvent(el, 'gate-step-continue');
      await sendKeys({ press: key });
      expectBubblesAndComposed(await event);
    });
  }

  it('emits gate-step-continue exactly once per press', async () => {
    const el = await render();
    const continues = countEvents(el, 'gate-step-continue');
    button(el).click();
    await el.updateComplete;
    expect(continues.count).to.equal(1);
  });
}
