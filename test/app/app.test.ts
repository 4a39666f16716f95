import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import {
  findByLabelText,
  findByRole,
  getByLabelText,
  getByRole,
  queryByRole,
  waitFor,
} from '../support/dom.js';
import { alertText, enterCode, heading, signIn, startReset } from '../support/app-steps.js';
import { clearInputs, typeInto } from '../support/interaction.js';
import { startMockApi, type MockApiOptions } from '../../src/mocks/browser.js';
import type { GateApp } from '../../src/app/app.js';
import type { TenantConfig } from '../../src/api/contract.schema.js';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import { publicTenantConfig } from '../../src/app/public-tenant-config.js';
import { contosoWith } from '../support/tenants.js';
import '../../src/app/app.js';

const ada = { email: 'ada@contoso.example', password: 'correct horse battery staple' };
const newPassword = 'a long and brand new passphrase';

/** Time as the app and the mock see it; tests move it forward instead of waiting. */
let offsetMs = 0;
const realNow = Date.now.bind(Date);

async function openApp(options: MockApiOptions = {}, tenant = 'contoso') {
  const backend = await startMockApi({ now: () => Date.now(), ...options });
  const el = await fixture<GateApp>(html`<gate-app tenant=${tenant}></gate-app>`);
  return { el, backend };
}

/** Replaces the password on the sign-in step and presses Sign in again. */
async function retryPassword(el: HTMLElement, password: string) {
  const input = getByLabelText(el, 'Password');
  clearInputs(input);
  await typeInto(input, password);
  getByRole(el, 'button', { name: 'Sign in' }).click();
}

async function choosePassword(el: HTMLElement, password: string, confirmation = password) {
  await typeInto(getByLabelText(el, 'New Password'), password);
  await typeInto(getByLabelText(el, 'Confirm New Password'), confirmation);
  getByRole(el, 'button', { name: 'Continue' }).click();
}

describe('gate-app', () => {
  beforeEach(() => {
    offsetMs = 0;
    Date.now = () => realNow() + offsetMs;
  });

  afterEach(() => {
    Date.now = realNow;
  });

  it('is accessible once the tenant has loaded', async () => {
    const { el } = await openApp();
    await heading(el, /^Sign in/);
    await expect(el).to.be.accessible();
  });

  it("takes the host page's heading level, and keeps it from step to step", async () => {
    await startMockApi({ now: () => Date.now() });
    const el = await fixture<GateApp>(
      html`<gate-app tenant="contoso" heading-level="2"></gate-app>`,
    );
    await findByRole(el, 'heading', { level: 2, name: /^Sign in/ });
    expect(queryByRole(el, 'heading', { level: 1 })).to.equal(null);
    getByRole(el, 'link', { name: "Can't access your account?" }).click();
    await findByRole(el, 'heading', { level: 2, name: 'Reset your password' });
    await expect(el).to.be.accessible();
  });

  it("adopts its styles beside content a host page gave it (only the server's rendering is taken over)", async () => {
    await startMockApi({ now: () => Date.now() });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    render(html`<gate-app tenant="contoso"><p>The sign-in loads</p></gate-app>`, root);
    const el = root.querySelector('gate-app')!;
    await findByLabelText(el, 'Password');
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(el.textContent).to.include('The sign-in loads');
  });

  it('keeps credential inputs in light DOM, reachable from the document', async () => {
    const { el } = await openApp();
    await heading(el, /^Sign in/);
    const inputs = document.querySelectorAll('gate-app input');
    expect([...inputs].map((input) => input.getAttribute('autocomplete'))).to.deep.equal([
      'username',
      'current-password',
    ]);
  });

  it('refuses a wrong password with one message and signs in with the right one', async () => {
    const { el } = await openApp();
    await signIn(el, ada.email, 'not my password');
    expect(await alertText(el)).to.equal('Your email address or password is incorrect.');
    await retryPassword(el, ada.password);
    const done = await heading(el, "You're signed in");
    await waitFor(() => expect(document.activeElement).to.equal(done));
  });

  it('gives an unknown address the same message as a wrong password', async () => {
    const { el } = await openApp();
    await signIn(el, 'nobody@contoso.example', 'whatever it is');
    expect(await alertText(el)).to.equal('Your email address or password is incorrect.');
  });

  it('gives a locked account the same message, even with the right password', async () => {
    const { el } = await openApp({ scenario: 'locked-account' });
    await signIn(el, ada.email, ada.password);
    expect(await alertText(el)).to.equal('Your email address or password is incorrect.');
  });

  it('offers "Set your password" after a failed sign-in and explains why on the reset it leads into', async () => {
    const { el, backend } = await openApp();
    await heading(el, /^Sign in/);
    expect(queryByRole(el, 'link', { name: 'Set your password' })).to.equal(null);
    await signIn(el, ada.email, 'my password from the old system');
    expect(await alertText(el)).to.equal('Your email address or password is incorrect.');
    expect(el.textContent).to.contain(
      'Has your account moved here, or were you asked to choose a new password?',
    );
    getByRole(el, 'link', { name: 'Set your password' }).click();
    await heading(el, 'Set your password');
    expect(el.textContent).to.contain('A password from the old sign-in does not work here.');
    expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);
    getByRole(el, 'button', { name: 'Send verification code' }).click();
    await heading(el, 'Enter your verification code');
    expect(backend.latestCode(ada.email)).to.match(/^\d{6}$/);
  });

  it('offers "Set your password" for an unknown address too: the offer says nothing about the account', async () => {
    const { el } = await openApp();
    await signIn(el, 'nobody@contoso.example', 'whatever it is');
    await alertText(el);
    getByRole(el, 'link', { name: 'Set your password' }).click();
    await heading(el, 'Set your password');
  });

  it('sends one request for a double submit', async () => {
    const { el, backend } = await openApp({ scenario: 'slow' });
    let calls = 0;
    const signInOnce = backend.signIn.bind(backend);
    backend.signIn = (...args) => {
      calls += 1;
      return signInOnce(...args);
    };
    await signIn(el, ada.email, ada.password);
    const button = getByRole(el, 'button', { name: 'Sign in' });
    await waitFor(() => expect(button.getAttribute('aria-busy')).to.equal('true'));
    button.click();
    await sendKeys({ press: 'Enter' });
    await heading(el, "You're signed in");
    expect(calls).to.equal(1);
  });

  it('resets a password: wrong code, right code, new password, sign in with it', async () => {
    const { el, backend } = await openApp();
    await startReset(el, ada.email);
    await waitFor(() =>
      expect(document.activeElement).to.equal(
        getByRole(el, 'heading', { name: 'Enter your verification code' }),
      ),
    );
    const code = backend.latestCode(ada.email)!;
    const wrong = code === '000000' ? '111111' : '000000';
    await enterCode(el, wrong);
    expect(await alertText(el)).to.equal('That code is wrong or has expired. Tries left: 4.');
    await enterCode(el, `${code.slice(0, 3)} ${code.slice(3)}`);
    await heading(el, 'Choose a new password');
    expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);

    await choosePassword(el, newPassword, 'something else entirely');
    await waitFor(() => expect(el.textContent).to.contain("The passwords don't match."));

    clearInputs(getByLabelText(el, 'New Password'), getByLabelText(el, 'Confirm New Password'));
    await choosePassword(el, 'passwordpassword');
    await waitFor(() =>
      expect(el.textContent).to.contain(
        'This password is too common. Choose one that is harder to guess.',
      ),
    );

    clearInputs(getByLabelText(el, 'New Password'), getByLabelText(el, 'Confirm New Password'));
    await choosePassword(el, newPassword);
    await heading(el, 'Your password has been changed');
    getByRole(el, 'button', { name: 'Continue' }).click();

    await signIn(el, ada.email, ada.password);
    expect(await alertText(el)).to.equal('Your email address or password is incorrect.');
    await retryPassword(el, newPassword);
    await heading(el, "You're signed in");
  });

  it('answers an unknown address exactly like a known one', async () => {
    const { el, backend } = await openApp();
    await startReset(el, 'nobody@contoso.example');
    expect(backend.outbox).to.have.length(0);
    await enterCode(el, '123456');
    expect(await alertText(el)).to.equal('That code is wrong or has expired. Tries left: 4.');
  });

  it('says so when the code has expired', async () => {
    const { el, backend } = await openApp({ scenario: 'code-expired' });
    await startReset(el, ada.email);
    await enterCode(el, backend.latestCode(ada.email)!);
    expect(await alertText(el)).to.contain('expired');
  });

  it('counts down before a new code may be sent, then sends one', async () => {
    const { el, backend } = await openApp();
    await startReset(el, ada.email);
    const resend = getByRole(el, 'button', { name: 'Send new code' }) as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    expect(el.textContent).to.match(/You can ask for a new code in 0:(30|29)\./);
    const first = backend.latestCode(ada.email);

    offsetMs = 31_000;
    await waitFor(() => expect(resend.disabled).to.equal(false));
    resend.click();
    const notice = await findByRole(el, 'status');
    expect(notice.textContent).to.contain('A new code is on its way.');
    expect(backend.outbox.filter((mail) => mail.kind === 'verification-code')).to.have.length(2);
    await waitFor(() => expect(resend.disabled).to.equal(true));

    if (first !== backend.latestCode(ada.email)) {
      await enterCode(el, first!);
      expect(await alertText(el)).to.equal('That code is wrong or has expired. Tries left: 4.');
    }
    await enterCode(el, backend.latestCode(ada.email)!);
    await heading(el, 'Choose a new password');
  });

  it('goes back to the email step with Change e-mail, and to sign-in with Cancel', async () => {
    const { el } = await openApp();
    await startReset(el, ada.email);
    getByRole(el, 'button', { name: 'Change e-mail' }).click();
    await heading(el, 'Reset your password');
    expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);
    getByRole(el, 'button', { name: 'Cancel' }).click();
    await heading(el, /^Sign in/);
  });

  it('carries a typed email from sign-in to the reset step', async () => {
    const { el } = await openApp();
    await typeInto(await findByLabelText(el, 'Email Address'), ada.email);
    getByRole(el, 'link', { name: "Can't access your account?" }).click();
    await heading(el, 'Reset your password');
    expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);
  });

  it('hides the reset link where the tenant has no self-service reset', async () => {
    const { el } = await openApp({
      tenants: contosoWith({ selfServiceReset: { enabled: 'none' } }),
    });
    await heading(el, /^Sign in/);
    expect(queryByRole(el, 'link', { name: "Can't access your account?" })).to.equal(null);
  });

  it('shows a translated message and keeps the page when the network is down', async () => {
    const { el } = await openApp();
    await heading(el, /^Sign in/);
    await startMockApi({ scenario: 'network-down' });
    await signIn(el, ada.email, ada.password);
    expect(await alertText(el)).to.equal(
      "We couldn't reach the server. Check your connection and try again.",
    );
    expect(getByRole(el, 'button', { name: 'Sign in' })).to.exist;
  });

  it('shows an error state for a malformed response, never a blank page', async () => {
    const { el } = await openApp({ scenario: 'malformed-response' });
    await startReset(el, ada.email).catch(() => undefined);
    expect(await alertText(el)).to.equal(
      'Something went wrong on our side. Try again in a few minutes.',
    );
    expect(getByRole(el, 'heading', { level: 1 })).to.exist;
  });

  it('tells a throttled user how long to wait', async () => {
    const { el } = await openApp({ scenario: 'throttled' });
    await signIn(el, ada.email, ada.password);
    expect(await alertText(el)).to.equal('Too many attempts. Wait 1 minute, then try again.');
  });

  it('shows the error page with a way back when the service is down at load', async () => {
    const { el } = await openApp({ scenario: 'server-down' });
    await heading(el, 'Something went wrong');
    expect(await alertText(el)).to.equal(
      'The service is unavailable right now. Try again in a few minutes.',
    );
    await startMockApi();
    getByRole(el, 'button', { name: 'Start again' }).click();
    await heading(el, /^Sign in/);
  });

  it('shows the error page for an unknown tenant', async () => {
    const { el } = await openApp({}, 'nowhere');
    await heading(el, 'Something went wrong');
    expect(await alertText(el)).to.equal(
      'This sign-in page does not exist. Check the address you followed.',
    );
  });

  describe('with the tenant settings the page carries', () => {
    const configRequests = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('/config')).length;

    async function openWith(preloaded: TenantConfig) {
      await startMockApi();
      performance.clearResourceTimings();
      return fixture<GateApp>(
        html`<gate-app tenant="contoso" .preloadedConfig=${preloaded}></gate-app>`,
      );
    }

    it('shows the first step from them, without asking the API', async () => {
      const contoso = demoTenants()[0]!.tenant;
      // The API says contoso offers a reset; the settings handed over say it does not.
      const el = await openWith({ ...publicTenantConfig(contoso), selfServiceReset: false });
      await heading(el, /^Sign in/);
      expect(queryByRole(el, 'link', { name: "Can't access your account?" })).to.equal(null);
      expect(configRequests()).to.equal(0);
      await signIn(el, ada.email, ada.password);
      await heading(el, "You're signed in");
    });

    it("asks the API when they are another tenant's", async () => {
      const fabrikam = demoTenants().find(({ tenant }) => tenant.id === 'fabrikam')!.tenant;
      const el = await openWith({ ...publicTenantConfig(fabrikam), selfServiceReset: false });
      await heading(el, /^Sign in/);
      getByRole(el, 'link', { name: "Can't access your account?" });
      expect(configRequests()).to.equal(1);
    });
  });
});
