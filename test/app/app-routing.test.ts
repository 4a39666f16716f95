import { expect, fixture, nextFrame } from '@open-wc/testing';
import { html } from 'lit';
import { findByRole, getByLabelText, getByRole, queryByRole, waitFor } from '../support/dom.js';
import { alertText, enterCode, heading, signIn, startReset } from '../support/app-steps.js';
import { typeInto } from '../support/interaction.js';
import { contosoWith } from '../support/tenants.js';
import { startMockApi, type MockApiOptions } from '../../src/mocks/browser.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import type { DemoTenant } from '../../src/demo/demo-tenants.js';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import { setLocale } from '../../src/i18n/localization.js';
import { chosenLocaleCookie } from '../../src/i18n/negotiate-locale.js';
import type { GateApp } from '../../src/app/app.js';
import { loadTheme } from '../../src/theme/runtime/load-theme.js';
import '../../src/app/app.js';

const ada = { email: 'ada@contoso.example', password: 'correct horse battery staple' };
const grace = { email: 'grace@contoso.example', password: 'compilers are friendly' };
const testPage = location.href;

let redirects: string[] = [];
const catchRedirect = (event: Event) => {
  event.preventDefault();
  redirects.push((event as CustomEvent<{ url: string }>).detail.url);
};

/** Opens the hosted app at `path`, as a browser would after following a link or reloading. */
async function visit(path: string, options: MockApiOptions = {}) {
  const backend = await startMockApi(options);
  history.replaceState(history.state, '', path);
  const el = await fixture<GateApp>(html`<gate-app routing="history"></gate-app>`);
  return { el, backend };
}

/** A reload: the same URL and history entry, a new app, the same server. */
async function reload(old: GateApp) {
  old.remove();
  return fixture<GateApp>(html`<gate-app routing="history"></gate-app>`);
}

const pathNow = () => location.pathname + location.search;

async function popTo(move: () => void) {
  const popped = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
  move();
  await popped;
}

describe('gate-app routing', () => {
  beforeEach(() => {
    redirects = [];
    document.addEventListener('gate-redirect', catchRedirect);
  });

  afterEach(async () => {
    document.removeEventListener('gate-redirect', catchRedirect);
    history.replaceState(null, '', testPage);
    document.cookie = `${chosenLocaleCookie}=; path=/; max-age=0`;
    await setLocale('en');
  });

  describe('Back, Forward and reload', () => {
    it('puts each step in the URL and moves between steps with Back and Forward', async () => {
      const { el, backend } = await visit('/contoso/B2C_1_signin');
      await startReset(el, ada.email);
      expect(pathNow()).to.equal('/contoso/B2C_1_signin/reset-code');

      await popTo(() => history.back());
      await heading(el, 'Reset your password');
      expect(pathNow()).to.equal('/contoso/B2C_1_signin/reset-email');
      expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);

      await popTo(() => history.back());
      await heading(el, /^Sign in/);
      expect(pathNow()).to.equal('/contoso/B2C_1_signin');

      await popTo(() => history.forward());
      await heading(el, 'Reset your password');
      await popTo(() => history.forward());
      await heading(el, 'Enter your verification code');

      await enterCode(el, backend.latestCode(ada.email)!);
      await heading(el, 'Choose a new password');
      expect(pathNow()).to.equal('/contoso/B2C_1_signin/new-password');

      // The code is spent: Back to the code step resumes where the server is, at the new password.
      await popTo(() => history.back());
      await heading(el, 'Choose a new password');
      await waitFor(() => expect(pathNow()).to.equal('/contoso/B2C_1_signin/new-password'));
    });

    it('resumes a reset where the server still knows it after a reload', async () => {
      const { el, backend } = await visit('/contoso/B2C_1_signin');
      await startReset(el, ada.email);
      const reloaded = await reload(el);
      await heading(reloaded, 'Enter your verification code');
      expect(reloaded.textContent).to.contain(ada.email);
      await enterCode(reloaded, backend.latestCode(ada.email)!);
      await heading(reloaded, 'Choose a new password');

      const again = await reload(reloaded);
      await heading(again, 'Choose a new password');
      expect((getByLabelText(again, 'Email Address') as HTMLInputElement).value).to.equal(
        ada.email,
      );
    });

    it('restarts cleanly when the server no longer knows the flow', async () => {
      const { el } = await visit('/contoso/B2C_1_signin');
      await startReset(el, ada.email);
      await startMockApi();
      const reloaded = await reload(el);
      await heading(reloaded, /^Sign in/);
      expect(pathNow()).to.equal('/contoso/B2C_1_signin');
    });

    it('starts a deep link to a later step at the first step', async () => {
      const { el } = await visit('/contoso/B2C_1_passwordreset/new-password');
      await heading(el, 'Reset your password');
      expect(pathNow()).to.equal('/contoso/B2C_1_passwordreset');
    });

    it('prefills the email from login_hint', async () => {
      const { el } = await visit(
        `/contoso/B2C_1_signin?login_hint=${encodeURIComponent(ada.email)}`,
      );
      await heading(el, /^Sign in/);
      expect((getByLabelText(el, 'Email Address') as HTMLInputElement).value).to.equal(ada.email);
    });
  });

  describe('error pages', () => {
    const cases = [
      ['/', 'This page does not exist. Check the address you followed.'],
      ['/contoso', 'This page does not exist. Check the address you followed.'],
      ['/contoso/B2C_1_nope', 'This page does not exist. Check the address you followed.'],
      ['/contoso/B2C_1_signin/bogus', 'This page does not exist. Check the address you followed.'],
      [
        '/contoso/B2C_1_passwordreset/sign-in',
        'This page does not exist. Check the address you followed.',
      ],
      [
        '/nowhere/B2C_1_signin',
        'This sign-in page does not exist. Check the address you followed.',
      ],
      [
        `/contoso/B2C_1_signin?redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
        'The site that sent you here asked us to return you to an address this sign-in page does not trust. To keep your account safe, you were not sent there. Go back to that site and try again.',
      ],
      [
        `/contoso/B2C_1_signin?redirect_uri=${encodeURIComponent('https://contoso.example/auth/callback/')}`,
        'The site that sent you here asked us to return you to an address this sign-in page does not trust. To keep your account safe, you were not sent there. Go back to that site and try again.',
      ],
    ] as const;
    for (const [path, message] of cases) {
      it(`explains ${path}`, async () => {
        const { el } = await visit(path);
        await heading(el, 'Something went wrong');
        expect(await alertText(el)).to.equal(message);
        expect(redirects).to.deep.equal([]);
      });
    }

    it('is accessible', async () => {
      const { el } = await visit('/nowhere/B2C_1_signin');
      await heading(el, 'Something went wrong');
      await expect(el).to.be.accessible();
    });
  });

  describe('return addresses', () => {
    it('returns to an allowed redirect_uri after sign-in, and only then', async () => {
      const target = 'https://contoso.example/auth/callback';
      const { el } = await visit(
        `/contoso/B2C_1_signin?redirect_uri=${encodeURIComponent(target)}`,
      );
      await signIn(el, ada.email, ada.password);
      await waitFor(() => expect(redirects).to.deep.equal([target]));
    });

    it('sends a finished standalone reset back to the sign-in page', async () => {
      const { el } = await visit('/contoso/B2C_1_passwordreset?ui_locales=en');
      await heading(el, 'Reset your password');
      getByRole(el, 'button', { name: 'Cancel' }).click();
      await waitFor(() => expect(redirects).to.deep.equal(['/contoso/B2C_1_signin?ui_locales=en']));
    });
  });

  describe('self-service reset switch', () => {
    it('none: no reset link, and the reset policy says to ask an administrator', async () => {
      const tenants = contosoWith({ selfServiceReset: { enabled: 'none' } });
      const { el } = await visit('/contoso/B2C_1_signin', { tenants });
      await heading(el, /^Sign in/);
      expect(queryByRole(el, 'link', { name: "Can't access your account?" })).to.equal(null);

      const reset = await visit('/contoso/B2C_1_passwordreset', { tenants });
      await heading(reset.el, "Password reset isn't available");
      expect(reset.el.textContent).to.contain('Contact your administrator');
      el.remove();
      getByRole(reset.el, 'button', { name: 'Back to sign-in' }).click();
      await waitFor(() => expect(redirects).to.deep.equal(['/contoso/B2C_1_signin']));
    });

    it('selected: outsiders see the same pages and get a notice instead of a code', async () => {
      const { el, backend } = await visit('/fabrikam/B2C_1_passwordreset?ui_locales=en');
      await heading(el, 'Reset your password');
      await typeInto(getByLabelText(el, 'Email Address'), 'joan@fabrikam.example');
      getByRole(el, 'button', { name: 'Send verification code' }).click();
      await heading(el, 'Enter your verification code');
      expect(backend.outbox.map((mail) => mail.kind)).to.deep.equal(['reset-not-allowed']);
      el.remove();

      const member = await visit('/fabrikam/B2C_1_passwordreset?ui_locales=en');
      await heading(member.el, 'Reset your password');
      await typeInto(getByLabelText(member.el, 'Email Address'), 'alan@fabrikam.example');
      getByRole(member.el, 'button', { name: 'Send verification code' }).click();
      await heading(member.el, 'Enter your verification code');
      await enterCode(member.el, member.backend.latestCode('alan@fabrikam.example')!);
      await heading(member.el, 'Choose a new password');
    });

    it('all: anyone with an account gets a code', async () => {
      const { el, backend } = await visit('/contoso/B2C_1_signin');
      await startReset(el, grace.email);
      expect(backend.outbox.map((mail) => mail.kind)).to.deep.equal(['verification-code']);
    });
  });

  describe('recovery email reconfirmation', () => {
    const confirmedDaysAgo = (days: number): DemoTenant[] =>
      demoTenants().map((entry) => ({
        ...entry,
        users: entry.users.map((user) => ({ ...user, emailConfirmedDaysAgo: days })),
      }));

    const withDays = (setting: number, confirmed: number) => {
      const [contoso] = contosoWith({ reconfirmEmailAfterDays: setting });
      return confirmedDaysAgo(confirmed).map((entry) =>
        entry.tenant.id === 'contoso' ? { ...entry, tenant: contoso!.tenant } : entry,
      );
    };

    async function signInWith(tenants: DemoTenant[]) {
      const { el, backend } = await visit('/contoso/B2C_1_signin', { tenants });
      await signIn(el, ada.email, ada.password);
      return { el, backend: backend as MockBackend };
    }

    it('0 days never asks', async () => {
      const { el } = await signInWith(withDays(0, 3000));
      await heading(el, "You're signed in");
    });

    it('1 day asks a user confirmed 2 days ago, and signs in after the code', async () => {
      const { el, backend } = await signInWith(withDays(1, 2));
      await heading(el, 'Confirm your recovery email');
      expect(el.textContent).to.contain(ada.email);
      getByRole(el, 'button', { name: 'Send verification code' }).click();
      await heading(el, 'Enter your verification code');
      expect(queryByRole(el, 'button', { name: 'Change e-mail' })).to.equal(null);
      await enterCode(el, backend.latestCode(ada.email)!);
      await heading(el, "You're signed in");
    });

    it('730 days does not ask a user confirmed 729 days ago', async () => {
      const { el } = await signInWith(withDays(730, 729));
      await heading(el, "You're signed in");
    });

    it('730 days asks a user confirmed 731 days ago', async () => {
      const { el } = await signInWith(withDays(730, 731));
      await heading(el, 'Confirm your recovery email');
      getByRole(el, 'button', { name: 'Cancel' }).click();
      await heading(el, /^Sign in/);
    });
  });

  describe('languages', () => {
    it('speaks the language ui_locales asks for, and the picker switches it in place', async () => {
      const { el } = await visit('/contoso/B2C_1_signin?ui_locales=nl');
      await heading(el, 'Inloggen bij Contoso');
      await waitFor(() =>
        expect(el.querySelector('.gate-shell')?.getAttribute('lang')).to.equal('nl'),
      );
      await typeInto(getByLabelText(el, 'E-mailadres'), ada.email);

      const picker = el.querySelector('gate-locale-picker')!;
      const select = picker.shadowRoot!.querySelector('select')!;
      select.value = 'sv';
      select.dispatchEvent(new Event('change'));
      await heading(el, /^Logga in/);
      expect((getByLabelText(el, 'E-postadress') as HTMLInputElement).value).to.equal(ada.email);
      await waitFor(() => expect(pathNow()).to.equal('/contoso/B2C_1_signin?ui_locales=sv'));
    });

    for (const [locale, page] of [
      [
        'nl',
        {
          email: 'E-mailadres',
          password: 'Wachtwoord',
          signIn: 'Inloggen',
          link: 'Stel je wachtwoord in',
          why: 'Een wachtwoord van het oude inlogsysteem werkt hier niet.',
        },
      ],
      [
        'sv',
        {
          email: 'E-postadress',
          password: 'Lösenord',
          signIn: 'Logga in',
          link: 'Välj ditt lösenord',
          why: 'Ett lösenord från den gamla inloggningen fungerar inte här.',
        },
      ],
    ] as const) {
      it(`explains in ${locale} why a password must be set`, async () => {
        const { el } = await visit(`/contoso/B2C_1_signin?ui_locales=${locale}`);
        await heading(el, new RegExp(`^${page.signIn}`));
        await typeInto(getByLabelText(el, page.email), ada.email);
        await typeInto(getByLabelText(el, page.password), 'from the old system');
        getByRole(el, 'button', { name: page.signIn }).click();
        (await findByRole(el, 'link', { name: page.link })).click();
        await heading(el, page.link);
        expect(el.textContent).to.contain(page.why);
      });
    }

    it('falls back for a malformed ui_locales', async () => {
      const { el } = await visit(
        `/contoso/B2C_1_signin?ui_locales=${encodeURIComponent('<b>../ x')}`,
      );
      await heading(el, /^Sign in/);
      expect(el.innerHTML).not.to.contain('<b>');
    });

    it('shows a tenant override of a single message', async () => {
      const { el } = await visit('/fabrikam/B2C_1_signin?ui_locales=en');
      await heading(el, /^Sign in/);
      expect(el.textContent).to.contain('Sign in with your Fabrikam account.');
    });
  });
});

describe('gate-app themes', () => {
  afterEach(() => history.replaceState(null, '', testPage));

  it("applies the tenant's pack, and swaps packs at run time keeping typed input", async () => {
    const { el } = await visit('/contoso/B2C_1_signin?ui_locales=en');
    await heading(el, 'Sign in to Contoso');
    expect(el.textContent).to.contain('The address we send your order confirmations to.');
    await waitFor(() =>
      expect(el.querySelector('gate-theme-footer')?.shadowRoot?.textContent).to.contain(
        'Privacy statement',
      ),
    );
    expect(el.getAttribute('data-gate-theme')).to.equal('contoso');
    const email = el.querySelector<HTMLInputElement>('#signInName')!;
    await typeInto(email, ada.email);
    const submit = el.querySelector<HTMLElement>('button[type="submit"]')!;
    const contosoBrand = getComputedStyle(submit).backgroundColor;

    el.theme = 'midnight';
    await waitFor(() => expect(el.getAttribute('data-gate-theme')).to.equal('midnight'));
    await waitFor(() =>
      expect(getComputedStyle(submit).backgroundColor).not.to.equal(contosoBrand),
    );
    expect(getComputedStyle(el.querySelector('.gate-card')!).backgroundColor).not.to.equal(
      'rgb(255, 255, 255)',
    );
    expect(email.value).to.equal(ada.email);
    await expect(el).to.be.accessible();
  });

  it('fetches the packs a preview names while the page idles, so that a switch to one paints in the next frame', async () => {
    // The buffer of timings holds 250 entries, fewer than the test server's modules.
    performance.clearResourceTimings();
    await startMockApi();
    history.replaceState(history.state, '', '/contoso/B2C_1_signin?ui_locales=en');
    const el = await fixture<GateApp>(
      html`<gate-app routing="history" themes="default"></gate-app>`,
    );
    await heading(el, 'Sign in to Contoso');
    const requests = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === '/themes/default.json').length;
    expect(requests(), 'fetched before the first page showed').to.equal(0);
    await waitFor(() => expect(requests()).to.equal(1), { timeout: 3000 });
    await loadTheme('default');

    el.theme = 'default';
    await nextFrame();
    expect(el.getAttribute('data-gate-theme')).to.equal('default');
    expect(requests()).to.equal(1);
  });
});
