import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByRole, queryByRole } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import type { Failure } from '../../src/policy/flow.js';
import type { GateErrorPage } from '../../src/pages/error-page.js';
import '../../src/pages/error-page.js';

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

/** Every failure the contract, the client and the router can produce, and what the user reads. */
const failures: ReadonlyArray<readonly [Failure, string]> = [
  [
    { error: 'invalid_request' },
    'We could not accept what was sent. Check what you entered and try again.',
  ],
  [{ error: 'invalid_credentials' }, 'Your email address or password is incorrect.'],
  [
    { error: 'code_rejected', attemptsLeft: 3 },
    'That code is wrong or has expired. Tries left: 3.',
  ],
  [
    { error: 'code_rejected', attemptsLeft: 0 },
    'That code has expired or has been tried too often. Select Send new code to get a new one.',
  ],
  [{ error: 'password_rejected', reasons: ['common'] }, 'Choose a different password.'],
  [{ error: 'flow_not_found' }, 'This password reset has expired. Start again to get a new code.'],
  [{ error: 'step_not_allowed' }, 'These steps were taken out of order. Start again.'],
  [
    { error: 'tenant_not_found' },
    'This sign-in page does not exist. Check the address you followed.',
  ],
  [
    { error: 'too_many_requests', retryAfter: 900 },
    'Too many attempts. Wait 900 seconds, then try again.',
  ],
  [
    { error: 'service_unavailable' },
    'The service is unavailable right now. Try again in a few minutes.',
  ],
  [
    { error: 'unsupported_media_type' },
    'We could not accept what was sent. Try again, or use a different browser.',
  ],
  [
    { error: 'payload_too_large' },
    'We could not accept what was sent. Try again, or use a different browser.',
  ],
  [{ error: 'page_not_found' }, 'This page does not exist. Check the address you followed.'],
  [
    { error: 'redirect_not_allowed' },
    'The site that sent you here asked to return to an address this sign-in page does not trust, so we stopped.',
  ],
  [{ error: 'network' }, "We couldn't reach the server. Check your connection and try again."],
  [{ error: 'timeout' }, 'The server took too long to answer. Try again.'],
  [
    { error: 'malformed_response' },
    'Something went wrong on our side. Try again in a few minutes.',
  ],
  [{ error: 'server_error' }, 'Something went wrong on our side. Try again in a few minutes.'],
];

const render = (alert: Failure | undefined) =>
  pageFixture<GateErrorPage>(html`<gate-error-page .alert=${alert}></gate-error-page>`);
const restartButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Start again' });

describe('gate-error-page', () => {
  it('is accessible', async () => {
    const el = await render({ error: 'flow_not_found' });
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render({ error: 'flow_not_found' });
    const heading = getByRole(el, 'heading', { level: 1, name: 'Something went wrong' });
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(restartButton(el).getAttribute('type')).to.equal('button');
  });

  it('asks for nothing: no form and no input', async () => {
    const el = await render({ error: 'flow_not_found' });
    expect(nameOf(el.querySelector('form'))).to.equal('nothing');
    expect(nameOf(el.querySelector('input'))).to.equal('nothing');
  });

  it('renders into the light DOM', async () => {
    const el = await render({ error: 'flow_not_found' });
    expect(nameOf(el.shadowRoot)).to.equal('nothing');
    expect(nameOf(restartButton(el).getRootNode())).to.equal('#document');
  });

  for (const [failure, message] of failures) {
    it(`names ${JSON.stringify(failure)} in an alert`, async () => {
      const el = await render(failure);
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal(message);
    });
  }

  it('follows a change of failure', async () => {
    const el = await render({ error: 'network' });
    el.alert = { error: 'timeout' };
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent!.trim()).to.equal(
      'The server took too long to answer. Try again.',
    );
  });

  it('shows no alert without a failure', async () => {
    const el = await render(undefined);
    expect(nameOf(queryByRole(el, 'alert'))).to.equal('nothing');
    expect(getByRole(el, 'heading', { level: 1, name: 'Something went wrong' })).to.exist;
  });

  it('focuses its heading on request', async () => {
    const el = await render({ error: 'flow_not_found' });
    await el.focusHeading();
    expect(nameOf(document.activeElement)).to.equal(nameOf(getByRole(el, 'heading', { level: 1 })));
  });

  it('leads from the heading to Start again by Tab', async () => {
    const el = await render({ error: 'flow_not_found' });
    await el.focusHeading();
    await sendKeys({ press: 'Tab' });
    expect(nameOf(document.activeElement)).to.equal(nameOf(restartButton(el)));
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`emits gate-step-continue when Start again is pressed with ${key}`, async () => {
      const el = await render({ error: 'flow_not_found' });
      restartButton(el).focus();
      const event = nextEvent(el, 'gate-step-continue');
      await sendKeys({ press: key });
      const restart = await event;
      expect(restart.bubbles).to.equal(true);
      expect(restart.composed).to.equal(true);
    });
  }

  it('emits gate-step-continue exactly once per press', async () => {
    const el = await render({ error: 'flow_not_found' });
    let continues = 0;
    el.addEventListener('gate-step-continue', () => (continues += 1));
    restartButton(el).click();
    await el.updateComplete;
    expect(continues).to.equal(1);
  });
});
