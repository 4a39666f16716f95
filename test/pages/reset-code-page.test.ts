import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole, getByText, queryByRole, queryByText } from '../support/dom.js';
import { countEvents, nextEvent, pageFixture } from '../support/fixtures.js';
import * as copy from '../support/failure-copy.js';
import {
  showAlertFieldErrorsAndBusy,
  submitAgainWhileBusy,
  typeAndPressEnter,
  typeInto,
} from '../support/interaction.js';
import {
  expectBubblesAndComposed,
  expectHeading,
  expectInLightDomForm,
  expectSubmitBusy,
  expectSubmitIdle,
  expectTabOrder,
  itAnnouncesEachFailure,
  itCancelsByKeyboard,
  itFocusesItsHeadingOnRequest,
} from '../support/page-checks.js';
import type { GateResetCodePage } from '../../src/pages/reset-code-page.js';
import '../../src/pages/reset-code-page.js';

const email = 'ada@contoso.example';
const intro = `If ${email} belongs to an account, we've sent a verification code to it. Copy the code into the box below. It is valid for 10 minutes.`;
const codeError = 'Enter the 6-digit code from the email.';
const resentNotice = 'A new code is on its way. Codes sent before it no longer work.';

/** What verifying or resending a code can fail with. */
const failures = [
  copy.codeRejected(4),
  copy.codeRejected(1),
  copy.codeUsedUp,
  copy.tooManyRequests(30, '30 seconds'),
  copy.flowNotFound,
  copy.stepNotAllowed,
  copy.invalidRequest,
  copy.serviceUnavailable,
  ...copy.transportFailures,
];

const render = (resendAvailableAt = 0) =>
  pageFixture<GateResetCodePage>(
    html`<gate-reset-code-page
      email=${email}
      resend-available-at=${resendAvailableAt}
    ></gate-reset-code-page>`,
  );

const codeField = (el: HTMLElement) => getByLabelText(el, 'Verification code') as HTMLInputElement;
const verifyButton = (el: HTMLElement) => getByRole(el, 'button', { name: 'Verify code' });
const resendButton = (el: HTMLElement) =>
  getByRole(el, 'button', { name: 'Send new code' }) as HTMLButtonElement;

/** Types (or pastes) into the code field and submits with Enter. */
async function enterCode(el: GateResetCodePage, text: string) {
  await typeAndPressEnter(codeField(el), text);
  await el.updateComplete;
}

describe('gate-reset-code-page', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is accessible with a countdown, an alert, a field error and a busy button', async () => {
    const el = await render(Date.now() + 30_000);
    await showAlertFieldErrorsAndBusy(
      el,
      { error: 'code_rejected', attemptsLeft: 2 },
      verifyButton(el),
    );
    await expect(el).to.be.accessible();
  });

  it('is accessible with the "new code sent" notice', async () => {
    const el = await render(Date.now() + 30_000);
    el.resent = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders its canonical copy', async () => {
    const el = await render();
    expectHeading(el, 'Enter your verification code');
    expect(getByText(el, intro)).to.exist;
    expect(verifyButton(el).getAttribute('type')).to.equal('submit');
    // Without the script each posts its action (server/http/form-posts.ts); the app takes clicks in place.
    const actions = {
      'Send new code': 'resend',
      'Change e-mail': 'change-email',
      Cancel: 'cancel',
    };
    for (const [name, action] of Object.entries(actions)) {
      const button = getByRole(el, 'button', { name });
      expect([button.getAttribute('name'), button.getAttribute('value')]).to.deep.equal([
        'gate-action',
        action,
      ]);
    }
  });

  it('shows the address as text, never as markup', async () => {
    const markup = '<img src=x onerror="window.__gateXss = 1">';
    const el = await pageFixture<GateResetCodePage>(
      html`<gate-reset-code-page email=${markup}></gate-reset-code-page>`,
    );
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector('.gate-intro')!.textContent).to.contain(markup);
  });

  it('labels the code input as a one-time code, numeric, in the light DOM form', async () => {
    const el = await render();
    const code = codeField(el);
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(code.type).to.equal('text');
    expect(code.hasAttribute('maxlength')).to.equal(false);
    expectInLightDomForm(el, code);
  });

  itFocusesItsHeadingOnRequest(render);

  it('reaches every control by Tab, in reading order', async () => {
    const el = await render();
    await el.focusHeading();
    await expectTabOrder([
      codeField(el),
      verifyButton(el),
      resendButton(el),
      getByRole(el, 'button', { name: 'Change e-mail' }),
      getByRole(el, 'button', { name: 'Cancel' }),
    ]);
  });

  it('emits the typed code on Enter', async () => {
    const el = await render();
    const event = nextEvent(el, 'gate-step-submit');
    await enterCode(el, '123456');
    const submitted = await event;
    expectBubblesAndComposed(submitted);
    expect(submitted.submission).to.deep.equal({ step: 'reset-code', code: '123456' });
  });

  it('submits with Space on the Verify code button', async () => {
    const el = await render();
    await typeInto(codeField(el), '654321');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(verifyButton(el));
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ press: 'Space' });
    expect((await event).submission).to.deep.equal({ step: 'reset-code', code: '654321' });
  });

  const pasted = [
    '123 456',
    '123-456',
    ' 123456 ',
    '１２３ ４５６',
    '１２３４５６',
    '１２３－４５６',
    '123\u00a0456',
    '12 34 56',
  ];
  for (const text of pasted) {
    it(`submits ${JSON.stringify(text)} as "123456"`, async () => {
      const el = await render();
      const event = nextEvent(el, 'gate-step-submit');
      await enterCode(el, text);
      expect((await event).submission).to.deep.equal({ step: 'reset-code', code: '123456' });
    });
  }

  for (const bad of ['', '12345', '1234567', 'abcdef', '12a456', '123.456', '١٢٣٤٥٦']) {
    it(`refuses ${JSON.stringify(bad)} with an inline error, focused`, async () => {
      const el = await render();
      const submits = countEvents(el, 'gate-step-submit');
      if (bad) await enterCode(el, bad);
      else verifyButton(el).click();
      await el.updateComplete;
      const code = codeField(el);
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      const error = getByText(el, codeError);
      expect(code.getAttribute('aria-describedby')).to.equal(error.id);
      expect(document.activeElement).to.equal(code);
      expect(submits.count).to.equal(0);
    });
  }

  it('clears the code error once the code is complete', async () => {
    const el = await render();
    await enterCode(el, '123');
    const event = nextEvent(el, 'gate-step-submit');
    await sendKeys({ type: '456' });
    await sendKeys({ press: 'Enter' });
    expect((await event).submission).to.deep.equal({ step: 'reset-code', code: '123456' });
    await el.updateComplete;
    expect(codeField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(queryByText(el, codeError)).to.equal(null);
  });

  it('has an enabled submit button without a spinner when idle', async () => {
    const el = await render();
    expectSubmitIdle(verifyButton(el));
  });

  it('shows the busy state on the submit button and holds back a resend', async () => {
    const el = await render();
    el.busy = true;
    await el.updateComplete;
    expectSubmitBusy(verifyButton(el));
    expect(resendButton(el).disabled).to.equal(true);
  });

  it('emits nothing for a second submit while busy', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    await enterCode(el, '123456');
    expect(submits.count).to.equal(1);
    await submitAgainWhileBusy(el, verifyButton(el));
    expect(submits.count).to.equal(1);
  });

  it('offers "Send new code" at once when no cooldown is set', async () => {
    const el = await render();
    expect(resendButton(el).disabled).to.equal(false);
    expect(resendButton(el).hasAttribute('aria-describedby')).to.equal(false);
    expect(queryByText(el, /You can ask for a new code/)).to.equal(null);
  });

  it('offers "Send new code" at once when the cooldown has passed', async () => {
    const el = await render(Date.now() - 1_000);
    expect(resendButton(el).disabled).to.equal(false);
    expect(queryByText(el, /You can ask for a new code/)).to.equal(null);
  });

  it('holds "Send new code" back with a visible countdown while the cooldown runs', async () => {
    const el = await render(Date.now() + 30_000);
    const resends = countEvents(el, 'gate-resend-code');
    const button = resendButton(el);
    expect(button.disabled).to.equal(true);
    const countdown = getByText(el, 'You can ask for a new code in 0:30.');
    expect(button.getAttribute('aria-describedby')).to.equal(countdown.id);
    expect(countdown.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(getComputedStyle(countdown).visibility).to.equal('visible');
    button.click();
    await el.updateComplete;
    expect(resends.count).to.equal(0);
  });

  it('counts down and enables "Send new code" when the time is up', async () => {
    const el = await render(Date.now() + 1_200);
    expect(getByText(el, 'You can ask for a new code in 0:02.')).to.exist;
    expect(resendButton(el).disabled).to.equal(true);
    await waitUntil(
      () => queryByText(el, 'You can ask for a new code in 0:01.') !== null,
      'the countdown did not tick',
      { timeout: 1_000 },
    );
    await waitUntil(() => !resendButton(el).disabled, 'Send new code stayed disabled', {
      timeout: 2_000,
    });
    expect(queryByText(el, /You can ask for a new code/)).to.equal(null);
    expect(resendButton(el).hasAttribute('aria-describedby')).to.equal(false);
  });

  it('starts a new cooldown when `resendAvailableAt` moves on', async () => {
    const el = await render();
    el.resendAvailableAt = Date.now() + 30_000;
    await el.updateComplete;
    expect(resendButton(el).disabled).to.equal(true);
    expect(getByText(el, 'You can ask for a new code in 0:30.')).to.exist;
  });

  it('emits gate-resend-code from "Send new code", by keyboard', async () => {
    const el = await render();
    resendButton(el).focus();
    const event = nextEvent(el, 'gate-resend-code');
    await sendKeys({ press: 'Space' });
    expectBubblesAndComposed(await event);
  });

  it('emits gate-change-email from "Change e-mail", by keyboard', async () => {
    const el = await render();
    const submits = countEvents(el, 'gate-step-submit');
    getByRole(el, 'button', { name: 'Change e-mail' }).focus();
    const event = nextEvent(el, 'gate-change-email');
    await sendKeys({ press: 'Enter' });
    expectBubblesAndComposed(await event);
    expect(submits.count).to.equal(0);
  });

  itCancelsByKeyboard(render, 'Space');

  it('says politely that a new code is on its way after a resend', async () => {
    const el = await render(Date.now() + 30_000);
    expect(queryByRole(el, 'status')).to.equal(null);
    el.resent = true;
    await el.updateComplete;
    const status = getByRole(el, 'status');
    expect(status.textContent!.trim()).to.equal(resentNotice);
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  it('shows a failure instead of the "new code" notice', async () => {
    const el = await render();
    el.resent = true;
    el.alert = { error: 'code_rejected', attemptsLeft: 4 };
    await el.updateComplete;
    expect(getByRole(el, 'alert')).to.exist;
    expect(queryByRole(el, 'status')).to.equal(null);
  });

  describe('purpose="confirm"', () => {
    const renderConfirm = () =>
      pageFixture<GateResetCodePage>(
        html`<gate-reset-code-page purpose="confirm" email=${email}></gate-reset-code-page>`,
      );

    it('is accessible', async () => {
      const el = await renderConfirm();
      await expect(el).to.be.accessible();
    });

    it('says plainly where the code went, since the address is known', async () => {
      const el = await renderConfirm();
      expect(
        getByText(
          el,
          `We've sent a verification code to ${email}. Copy the code into the box below. It is valid for 10 minutes.`,
        ),
      ).to.exist;
      expect(queryByText(el, intro)).to.equal(null);
    });

    it('offers no "Change e-mail"', async () => {
      const el = await renderConfirm();
      expect(queryByRole(el, 'button', { name: 'Change e-mail' })).to.equal(null);
      expect(getByRole(el, 'button', { name: 'Cancel' })).to.exist;
    });

    it('emits the code as a confirm-code step', async () => {
      const el = await renderConfirm();
      const event = nextEvent(el, 'gate-step-submit');
      await enterCode(el, '１２３ ４５６');
      expect((await event).submission).to.deep.equal({ step: 'confirm-code', code: '123456' });
    });
  });

  itAnnouncesEachFailure(render, failures);

  it('never tells a used code from a wrong or an expired one', async () => {
    const el = await render();
    el.alert = { error: 'code_rejected', attemptsLeft: 2 };
    await el.updateComplete;
    const text = getByRole(el, 'alert').textContent!;
    expect(text).not.to.match(/\bused\b|already/i);
  });
});
