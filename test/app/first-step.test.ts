/**
 * The one decision of where a visit starts, which the server's first rendering and `gate-app`
 * both call (src/app/first-step.ts): a table of settings and routes, each with the step the page
 * starts on. That the server and the app then show the same is tested against the real server
 * (test/server/first-step-agreement.test.ts).
 */
import { expect } from '@open-wc/testing';
import { firstStep, hasResetLink, notFound, shellParts } from '../../src/app/first-step.js';
import { initialFlowState } from '../../src/flow/flow-state.js';
import type { ResolvedTheme } from '../../src/theme/resolved-theme.schema.js';
import type { Route } from '../../src/router/route.js';

const config: Parameters<typeof firstStep>[0] = {
  policies: [
    { id: 'B2C_1_signin', kind: 'sign-in', resetLink: true },
    { id: 'B2C_1_passwordreset', kind: 'password-reset' },
    { id: 'B2C_1_plain', kind: 'sign-in', resetLink: false },
  ],
  redirectUris: ['https://app.example/callback'],
  selfServiceReset: true,
};
const noReset = { ...config, selfServiceReset: false };

const route = (parts: Partial<Route>): Route => ({
  tenant: 'contoso',
  policy: 'B2C_1_signin',
  step: undefined,
  redirectUri: undefined,
  loginHint: '',
  uiLocales: undefined,
  ...parts,
});

describe('app/first-step', () => {
  describe('firstStep: the step a visit starts on', () => {
    const table = [
      ['a sign-in policy', config, {}, { step: 'sign-in', identifier: '' }, true],
      [
        'a login hint, as given',
        config,
        { loginHint: 'ada@contoso.example' },
        { step: 'sign-in', identifier: 'ada@contoso.example' },
        true,
      ],
      [
        'a listed return address',
        config,
        { redirectUri: 'https://app.example/callback' },
        { step: 'sign-in', identifier: '' },
        true,
      ],
      [
        'a return address that is not listed exactly',
        config,
        { redirectUri: 'https://app.example/callback/' },
        { step: 'error', failure: { error: 'redirect_not_allowed' } },
        false,
      ],
      ['a policy the tenant does not have', config, { policy: 'B2C_1_other' }, notFound, false],
      [
        'no policy (an embedded page): the first',
        config,
        { policy: '' },
        { step: 'sign-in', identifier: '' },
        true,
      ],
      [
        'a reset policy, with an email as hint',
        config,
        { policy: 'B2C_1_passwordreset', loginHint: 'ada@contoso.example' },
        { step: 'reset-email', email: 'ada@contoso.example' },
        false,
      ],
      [
        'a reset policy, with a hint that is no email',
        config,
        { policy: 'B2C_1_passwordreset', loginHint: 'ada' },
        { step: 'reset-email', email: '' },
        false,
      ],
      [
        'a reset policy where the tenant allows no reset',
        noReset,
        { policy: 'B2C_1_passwordreset' },
        { step: 'reset-unavailable' },
        false,
      ],
      [
        'sign-in where the tenant allows no reset',
        noReset,
        {},
        { step: 'sign-in', identifier: '' },
        false,
      ],
      [
        'sign-in on a policy without the reset link',
        config,
        { policy: 'B2C_1_plain' },
        { step: 'sign-in', identifier: '' },
        false,
      ],
    ] as const;
    for (const [name, settings, parts, state, resetLink] of table) {
      it(`${name}: ${state.step}${resetLink ? ', with the reset link' : ''}`, () => {
        const start = firstStep(settings, route(parts), true);
        if ('step' in start) {
          expect(start).to.deep.equal(state);
          return;
        }
        expect(initialFlowState(start)).to.deep.equal(state);
        // The sign-in step links to a reset when the policy has one.
        if (state.step === 'sign-in') expect(hasResetLink(start)).to.equal(resetLink);
      });
    }

    it('keeps the allowed return address and the sign-in page of the tenant', () => {
      const start = firstStep(
        config,
        route({
          policy: 'B2C_1_passwordreset',
          redirectUri: 'https://app.example/callback',
          uiLocales: 'nl',
        }),
        true,
      );
      expect(start).to.deep.include({
        redirectUri: 'https://app.example/callback',
        signInUrl:
          '/contoso/B2C_1_signin?redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&ui_locales=nl',
        resetAllowed: true,
      });
      expect(firstStep(config, route({}), false)).to.include({ signInUrl: undefined });
    });
  });

  describe('shellParts: the frame around the step', () => {
    const theme = {
      id: 'contoso',
      name: 'Contoso pack',
      assets: { bannerLogo: '/themes/contoso/logo.svg' },
      bannerLogoSize: { width: 200, height: 48 },
      text: {
        nl: {
          usernameHint: 'Je werkmail',
          footerLinks: { privacy: { label: 'Privacy', href: 'https://contoso.example/privacy' } },
        },
      },
    } as unknown as ResolvedTheme;
    const tenant = { locales: ['sv', 'en', 'xx'], displayName: 'Contoso' };

    it("offers the tenant's shipped locales, names the logo, and gives the step the pack's text in the page's language", () => {
      const parts = shellParts('nl', tenant, theme, (text) => text?.usernameHint as never);
      expect(parts).to.deep.equal({
        locale: 'nl',
        locales: ['en', 'sv'],
        logo: {
          src: '/themes/contoso/logo.svg',
          size: { width: 200, height: 48 },
          label: 'Contoso',
        },
        tenantName: 'Contoso',
        footerLinks: [{ label: 'Privacy', href: 'https://contoso.example/privacy' }],
        step: 'Je werkmail',
      });
    });

    it("names the logo after the pack before the tenant's settings are known", () => {
      const parts = shellParts('en', undefined, theme, () => undefined as never);
      expect(parts).to.deep.include({ locales: [], tenantName: undefined, footerLinks: [] });
      expect(parts.logo?.label).to.equal('Contoso pack');
    });
  });
});
