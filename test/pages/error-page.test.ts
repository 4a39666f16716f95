import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { getByRole, queryByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import * as copy from '../support/failure-copy.js';
import {
  expectHeading,
  itContinuesFrom,
  itFocusesItsHeadingOnRequest,
} from '../support/page-checks.js';
import type { Failure } from '../../src/flow/flow-state.js';
import type { GateErrorPage } from '../../src/pages/error-page.js';
import '../../src/pages/error-page.js';

/** Every failure the contract, the client and the router can produce, and what the user reads. */
const failures: ReadonlyArray<readonly [Failure, string]> = [
  copy.invalidRequest,
  copy.invalidCredentials,
  copy.codeRejected(3),
  copy.codeUsedUp,
  [{ error: 'password_rejected', reasons: ['common'] }, 'Choose a different password.'],
  copy.flowNotFound,
  copy.stepNotAllowed,
  copy.tenantNotFound,
  copy.tooManyRequests(900, '15 minutes'),
  copy.serviceUnavailable,
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
    'The site that sent you here asked us to return you to an address this sign-in page does not trust. To keep your account safe, you were not sent there. Go back to that site and try again.',
  ],
  ...copy.transportFailures,
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
    expectHeading(el, 'Something went wrong');
    // Without the script it posts the flow's way on (server/http/form-posts.ts).
    expect(restartButton(el).getAttribute('type')).to.equal('submit');
    expect(restartButton(el).getAttribute('value')).to.equal('continue');
  });

  it('asks for nothing: no input, only the way on', async () => {
    const el = await render({ error: 'flow_not_found' });
    expect(el.querySelectorAll('form button')).to.have.length(1);
    expect(el.querySelector('input')).to.equal(null);
  });

  it('renders into the light DOM', async () => {
    const el = await render({ error: 'flow_not_found' });
    expect(el.shadowRoot).to.equal(null);
    expect(restartButton(el).getRootNode()).to.equal(document);
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
    expect(queryByRole(el, 'alert')).to.equal(null);
    expect(getByRole(el, 'heading', { level: 1, name: 'Something went wrong' })).to.exist;
  });

  const renderExpired = () => render({ error: 'flow_not_found' });
  itFocusesItsHeadingOnRequest(renderExpired);
  itContinuesFrom(renderExpired, 'Start again');
});
