import { expect } from '@open-wc/testing';
import { html, type LitElement, type TemplateResult } from 'lit';
import { typeInto } from '../support/interaction.js';
import { getByLabelText, getByRole, getByText } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import { expectNoXss } from '../support/xss.js';
import {
  applyTextOverrides,
  getLocale,
  rememberLocale,
  rememberedLocale,
  setLocale,
  syncDocumentLanguage,
} from '../../src/i18n/localization.js';
import {
  chosenLocaleCookie,
  negotiateLocale,
  type SupportedLocale,
} from '../../src/i18n/negotiate-locale.js';
import { parseRoute } from '../../src/router/route.js';
import contoso from '../../tenants/contoso.json';
import fabrikam from '../../tenants/fabrikam.json';
import type { GateResetCodePage } from '../../src/pages/reset-code-page.js';
import '../../src/pages/sign-in-page.js';
import '../../src/pages/reset-email-page.js';
import '../../src/pages/reset-code-page.js';
import '../../src/pages/new-password-page.js';
import '../../src/pages/reset-done-page.js';
import '../../src/pages/reset-unavailable-page.js';
import '../../src/pages/confirm-email-page.js';
import '../../src/pages/signed-in-page.js';
import '../../src/pages/error-page.js';

type Copy = Record<SupportedLocale, string>;

/** Every step page with the copy it shows in each locale (a heading and one more string). */
const pages: ReadonlyArray<readonly [string, () => TemplateResult, Copy, Copy]> = [
  [
    'gate-sign-in-page',
    () => html`<gate-sign-in-page show-reset-link></gate-sign-in-page>`,
    { en: 'Sign in', nl: 'Inloggen', sv: 'Logga in' },
    {
      en: "Can't access your account?",
      nl: 'Kun je niet bij je account?',
      sv: 'Kommer du inte in på ditt konto?',
    },
  ],
  [
    'gate-reset-email-page',
    () => html`<gate-reset-email-page></gate-reset-email-page>`,
    {
      en: 'Reset your password',
      nl: 'Wachtwoord opnieuw instellen',
      sv: 'Återställ ditt lösenord',
    },
    { en: 'Send verification code', nl: 'Verificatiecode versturen', sv: 'Skicka verifieringskod' },
  ],
  [
    'gate-reset-code-page',
    () => html`<gate-reset-code-page email="ada@contoso.example"></gate-reset-code-page>`,
    {
      en: 'Enter your verification code',
      nl: 'Vul je verificatiecode in',
      sv: 'Ange din verifieringskod',
    },
    { en: 'Change e-mail', nl: 'E-mailadres wijzigen', sv: 'Ändra e-postadress' },
  ],
  [
    'gate-new-password-page',
    () => html`<gate-new-password-page email="ada@contoso.example"></gate-new-password-page>`,
    { en: 'Choose a new password', nl: 'Kies een nieuw wachtwoord', sv: 'Välj ett nytt lösenord' },
    { en: 'Confirm New Password', nl: 'Nieuw wachtwoord bevestigen', sv: 'Bekräfta nytt lösenord' },
  ],
  [
    'gate-reset-done-page',
    () => html`<gate-reset-done-page></gate-reset-done-page>`,
    {
      en: 'Your password has been changed',
      nl: 'Je wachtwoord is gewijzigd',
      sv: 'Ditt lösenord har ändrats',
    },
    { en: 'Continue', nl: 'Doorgaan', sv: 'Fortsätt' },
  ],
  [
    'gate-reset-unavailable-page',
    () => html`<gate-reset-unavailable-page></gate-reset-unavailable-page>`,
    {
      en: "Password reset isn't available",
      nl: 'Wachtwoord opnieuw instellen is niet mogelijk',
      sv: 'Det går inte att återställa lösenordet',
    },
    { en: 'Back to sign-in', nl: 'Terug naar inloggen', sv: 'Tillbaka till inloggningen' },
  ],
  [
    'gate-confirm-email-page',
    () => html`<gate-confirm-email-page email="ada@contoso.example"></gate-confirm-email-page>`,
    {
      en: 'Confirm your recovery email',
      nl: 'Bevestig je e-mailadres',
      sv: 'Bekräfta din e-postadress för återställning',
    },
    { en: 'Cancel', nl: 'Annuleren', sv: 'Avbryt' },
  ],
  [
    'gate-signed-in-page',
    () => html`<gate-signed-in-page></gate-signed-in-page>`,
    { en: "You're signed in", nl: 'Je bent ingelogd', sv: 'Du är inloggad' },
    {
      en: 'You can close this page or return to the site that sent you here.',
      nl: 'Je kunt deze pagina sluiten of teruggaan naar de website waar je vandaan kwam.',
      sv: 'Du kan stänga den här sidan eller gå tillbaka till webbplatsen du kom från.',
    },
  ],
  [
    'gate-error-page',
    () => html`<gate-error-page .alert=${{ error: 'network' }}></gate-error-page>`,
    { en: 'Something went wrong', nl: 'Er is iets misgegaan', sv: 'Något gick fel' },
    {
      en: "We couldn't reach the server. Check your connection and try again.",
      nl: 'We kunnen de server niet bereiken. Controleer je internetverbinding en probeer het opnieuw.',
      sv: 'Vi kunde inte nå servern. Kontrollera din internetanslutning och försök igen.',
    },
  ],
];

describe('localization', () => {
  afterEach(async () => {
    applyTextOverrides({});
    await setLocale('en');
  });

  // First, before any test switches: a first load must not fetch a translation.
  it('loads no translation before one is needed', async () => {
    const requested = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/i18n/generated/locales/'));
    expect(requested()).to.equal(false);
    await setLocale('nl');
    expect(requested()).to.equal(true);
  });

  it('starts in English', () => expect(getLocale()).to.equal('en'));

  for (const [tag, template, heading, other] of pages) {
    it(`renders ${tag} in every locale`, async () => {
      const el = await pageFixture<HTMLElement>(template());
      for (const locale of ['nl', 'sv', 'en'] as const) {
        await setLocale(locale);
        expect(getLocale()).to.equal(locale);
        expect(getByRole(el, 'heading', { level: 1 }).textContent?.trim(), locale).to.equal(
          heading[locale],
        );
        expect(getByText(el, other[locale]), locale).to.exist;
      }
    });
  }

  it('keeps placeholders in place in translated text', async () => {
    const el = await pageFixture<GateResetCodePage>(
      html`<gate-reset-code-page email="ada@contoso.example"></gate-reset-code-page>`,
    );
    el.alert = { error: 'code_rejected', attemptsLeft: 2 };
    await setLocale('sv');
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent?.trim()).to.equal(
      'Koden är fel eller har gått ut. Försök kvar: 2.',
    );
    expect(el.textContent).to.include('Om ada@contoso.example hör till ett konto');
  });

  it('says how long to wait in words, with each language’s plural forms', async () => {
    const el = await pageFixture<GateResetCodePage>(
      html`<gate-reset-code-page email="ada@contoso.example"></gate-reset-code-page>`,
    );
    const waits = {
      en: [
        [1, 'Too many attempts. Wait 1 second, then try again.'],
        [42, 'Too many attempts. Wait 42 seconds, then try again.'],
        [60, 'Too many attempts. Wait 1 minute, then try again.'],
        [900, 'Too many attempts. Wait 15 minutes, then try again.'],
        [3600, 'Too many attempts. Wait 1 hour, then try again.'],
      ],
      nl: [
        [1, 'Te veel pogingen. Wacht 1 seconde en probeer het dan opnieuw.'],
        [61, 'Te veel pogingen. Wacht 2 minuten en probeer het dan opnieuw.'],
        [60, 'Te veel pogingen. Wacht 1 minuut en probeer het dan opnieuw.'],
      ],
      sv: [
        [1, 'För många försök. Vänta 1 sekund och försök sedan igen.'],
        [42, 'För många försök. Vänta 42 sekunder och försök sedan igen.'],
        [60, 'För många försök. Vänta 1 minut och försök sedan igen.'],
        [7200, 'För många försök. Vänta 2 timmar och försök sedan igen.'],
      ],
    } as const;
    for (const [locale, cases] of Object.entries(waits)) {
      await setLocale(locale as keyof typeof waits);
      for (const [retryAfter, text] of cases) {
        el.alert = { error: 'too_many_requests', retryAfter };
        await el.updateComplete;
        expect(getByRole(el, 'alert').textContent?.trim(), `${locale} ${retryAfter}`).to.equal(
          text,
        );
      }
    }
  });

  it('keeps typed input when the locale changes', async () => {
    const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
    await typeInto(getByLabelText(el, 'Email Address'), 'ada@contoso.example');
    await typeInto(getByLabelText(el, 'Password'), 'correct horse battery');
    await setLocale('nl');
    expect((getByLabelText(el, 'E-mailadres') as HTMLInputElement).value).to.equal(
      'ada@contoso.example',
    );
    expect((getByLabelText(el, 'Wachtwoord') as HTMLInputElement).value).to.equal(
      'correct horse battery',
    );
    await setLocale('sv');
    expect((getByLabelText(el, 'Lösenord') as HTMLInputElement).value).to.equal(
      'correct horse battery',
    );
    expect(document.activeElement).to.equal(getByLabelText(el, 'Lösenord'));
  });

  it('keeps a half-typed new password and its live rules when the locale changes', async () => {
    const el = await pageFixture<HTMLElement>(
      html`<gate-new-password-page email="ada@contoso.example"></gate-new-password-page>`,
    );
    await typeInto(getByLabelText(el, 'New Password'), 'a long passphrase here');
    await setLocale('nl');
    expect((getByLabelText(el, 'Nieuw wachtwoord') as HTMLInputElement).value).to.equal(
      'a long passphrase here',
    );
    const rule = [...el.querySelectorAll('li')].find((li) =>
      li.textContent?.includes('Minimaal 15'),
    );
    expect(rule?.dataset.met).to.equal('true');
  });

  describe('text overrides', () => {
    it('replaces a message in English, the source locale', async () => {
      const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
      applyTextOverrides({ en: { heading: 'Welcome back' } });
      await el.updateComplete;
      expect(getByRole(el, 'heading', { level: 1, name: 'Welcome back' })).to.exist;
      expect(getByRole(el, 'button', { name: 'Sign in' })).to.exist;
    });

    it('replaces a message in a translation, and only in that locale', async () => {
      applyTextOverrides({ nl: { button_signin: 'Naar binnen' } });
      const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
      expect(getByRole(el, 'button', { name: 'Sign in' })).to.exist;
      await setLocale('nl');
      expect(getByRole(el, 'button', { name: 'Naar binnen' })).to.exist;
      expect(getByRole(el, 'heading', { level: 1, name: 'Inloggen' })).to.exist;
      await setLocale('sv');
      expect(getByRole(el, 'button', { name: 'Logga in' })).to.exist;
    });

    it('fills placeholders in overridden text', async () => {
      const el = await pageFixture<GateResetCodePage>(
        html`<gate-reset-code-page email="ada@contoso.example"></gate-reset-code-page>`,
      );
      await setLocale('nl');
      applyTextOverrides({ nl: { ver_info_msg: 'Code verstuurd naar {0} (als dat klopt).' } });
      await el.updateComplete;
      expect(getByText(el, 'Code verstuurd naar ada@contoso.example (als dat klopt).')).to.exist;
    });

    it('renders override text as text, never as markup', async () => {
      // Validation refuses < and >; this proves the render path would not interpret them anyway.
      const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
      applyTextOverrides({ en: { heading: '<img src=x onerror=window.__gateXss=1>' } });
      await el.updateComplete;
      expect(el.querySelector('img')).to.equal(null);
      expect(getByRole(el, 'heading', { level: 1 }).textContent).to.equal(
        '<img src=x onerror=window.__gateXss=1>',
      );
      await expectNoXss();
    });

    it('goes away when the overrides are replaced', async () => {
      const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
      await setLocale('sv');
      applyTextOverrides({ sv: { heading: 'Välkommen' } });
      await el.updateComplete;
      expect(getByRole(el, 'heading', { level: 1, name: 'Välkommen' })).to.exist;
      applyTextOverrides({});
      await el.updateComplete;
      expect(getByRole(el, 'heading', { level: 1, name: 'Logga in' })).to.exist;
    });
  });

  describe('negotiated from the URL', () => {
    const origin = 'https://id.example.com';
    const localeFor = (path: string, tenant: { locales: string[]; defaultLocale: string }) => {
      const route = parseRoute(new URL(path, origin));
      if (!route.ok) throw new Error(`no route for ${path}`);
      return negotiateLocale({ uiLocales: route.value.uiLocales, tenant });
    };

    it('follows ui_locales', async () => {
      const locale = localeFor('/contoso/B2C_1_signin?ui_locales=sv-SE%20nl', contoso);
      expect(locale).to.equal('sv');
    });

    const malformed = [
      `%3Cscript%3Ewindow.__gateXss%3D1%3C%2Fscript%3E`,
      `..%2F..%2Fsv`,
      encodeURIComponent(`${'xx '.repeat(1000)}sv`),
      `%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__gateXss%3D1%3E`,
    ];
    for (const value of malformed) {
      it(`falls back to the tenant default on ui_locales=${value.slice(0, 30)}`, async () => {
        const locale = localeFor(`/fabrikam/B2C_1_signin?ui_locales=${value}`, fabrikam);
        expect(locale).to.equal('nl');
        const el = await pageFixture<LitElement>(html`<gate-sign-in-page></gate-sign-in-page>`);
        await setLocale(locale);
        expect(getByRole(el, 'heading', { level: 1, name: 'Inloggen' })).to.exist;
        expect(el.textContent).not.to.include('script');
        expect(el.querySelector('img')).to.equal(null);
      });
    }
  });

  describe('the remembered choice', () => {
    afterEach(() => (document.cookie = `${chosenLocaleCookie}=; path=/; max-age=0`));

    it('is remembered in a cookie the server reads too, and read back', () => {
      expect(rememberedLocale()).to.equal(undefined);
      rememberLocale('sv');
      expect(document.cookie.split('; ')).to.include(`${chosenLocaleCookie}=sv`);
      expect(rememberedLocale()).to.equal('sv');
      expect(negotiateLocale({ chosen: rememberedLocale(), tenant: fabrikam })).to.equal('sv');
    });

    it('survives cookies that refuse access', () => {
      Object.defineProperty(document, 'cookie', {
        configurable: true,
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
        set: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      try {
        expect(() => rememberLocale('nl')).not.to.throw();
        expect(rememberedLocale()).to.equal(undefined);
      } finally {
        // The document's own accessor, on Document.prototype, shows again.
        delete (document as { cookie?: string }).cookie;
      }
    });
  });

  it('keeps <html lang> in step with the locale', async () => {
    const root = document.documentElement;
    // The language the page came in stays until a locale is set.
    root.lang = 'nl';
    const stop = syncDocumentLanguage(root);
    expect(root.lang).to.equal('nl');
    await setLocale('sv');
    expect(root.lang).to.equal('sv');
    await setLocale('nl');
    expect(root.lang).to.equal('nl');
    stop();
    await setLocale('en');
    expect(root.lang).to.equal('nl');
    root.lang = 'en';
  });
});
