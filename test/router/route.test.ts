import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { allowedRedirect, parseRoute, routeUrl, type Route } from '../../src/router/route.js';
import { urlSteps } from '../../src/flow/policy-steps.js';

const origin = 'https://id.example.com';
const parse = (path: string) => parseRoute(new URL(path, origin));

describe('route', () => {
  describe('parseRoute', () => {
    const found = [
      ['/contoso/B2C_1_signin', 'contoso', 'B2C_1_signin', undefined],
      ['/contoso/B2C_1_signin/', 'contoso', 'B2C_1_signin', undefined],
      ['/contoso/B2C_1_passwordreset/reset-code', 'contoso', 'B2C_1_passwordreset', 'reset-code'],
      ['/fabrikam/B2C_1_signin/new-password?x=1', 'fabrikam', 'B2C_1_signin', 'new-password'],
    ] as const;
    for (const [path, tenant, policy, step] of found) {
      it(`maps ${path}`, () => {
        const result = parse(path);
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        expect(result.value).to.include({ tenant, policy, step });
      });
    }

    const notFound = [
      '/',
      '/contoso',
      '/contoso/B2C_1_signin/reset-code/extra',
      '/contoso/B2C_1_signin/unknown-step',
      '/contoso/B2C_1_signin/error',
      '/Contoso/B2C_1_signin',
      '/con%2Ftoso/B2C_1_signin',
      '/%E0%A4%A/B2C_1_signin',
      '/contoso/B2C-1 signin',
      '/contoso/%3Cscript%3E',
      '/..%2F..%2Fetc/passwd',
      `/${'a'.repeat(64)}/B2C_1_signin`,
    ];
    for (const path of notFound) {
      it(`refuses ${path}`, () => expect(parse(path).ok).to.equal(false));
    }

    it('reads the query: redirect_uri as given, login_hint trimmed, ui_locales bounded', () => {
      const result = parse(
        `/contoso/B2C_1_signin?redirect_uri=${encodeURIComponent('https://a.example/cb?x=1')}&login_hint=%20ada%40contoso.example%20&ui_locales=${'nl '.repeat(200)}`,
      );
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.value.redirectUri).to.equal('https://a.example/cb?x=1');
      expect(result.value.loginHint).to.equal('ada@contoso.example');
      expect(result.value.uiLocales).to.have.length(256);
    });

    it('drops a login_hint longer than an email address can be', () => {
      const result = parse(`/contoso/B2C_1_signin?login_hint=${'a'.repeat(255)}`);
      expect(result.ok && result.value.loginHint).to.equal('');
    });

    it('never throws and maps anything to a route or to not found (property)', () => {
      fc.assert(
        fc.property(fc.webPath(), fc.string(), (path, query) => {
          const url = new URL(origin);
          url.pathname = path;
          url.search = query;
          const result = parseRoute(url);
          if (result.ok) {
            expect(result.value.tenant).to.match(/^[a-z0-9][a-z0-9-]*$/);
            expect(
              result.value.step === undefined || urlSteps.includes(result.value.step),
            ).to.equal(true);
          }
        }),
      );
    });
  });

  describe('routeUrl', () => {
    const route: Route = {
      tenant: 'contoso',
      policy: 'B2C_1_signin',
      step: undefined,
      redirectUri: 'https://contoso.example/auth/callback',
      loginHint: 'ada@contoso.example',
      uiLocales: 'nl',
    };

    it('omits the first step and keeps redirect_uri and ui_locales but not login_hint', () => {
      expect(routeUrl(route, undefined)).to.equal(
        '/contoso/B2C_1_signin?redirect_uri=https%3A%2F%2Fcontoso.example%2Fauth%2Fcallback&ui_locales=nl',
      );
      expect(
        routeUrl({ ...route, redirectUri: undefined, uiLocales: undefined }, 'reset-code'),
      ).to.equal('/contoso/B2C_1_signin/reset-code');
    });

    it('round-trips through parseRoute for every step (property)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...urlSteps),
          fc.option(fc.webUrl(), { nil: undefined }),
          (step, redirectUri) => {
            const result = parse(routeUrl({ ...route, redirectUri }, step));
            expect(result.ok).to.equal(true);
            if (!result.ok) return;
            expect(result.value.step).to.equal(step);
            expect(result.value.redirectUri).to.equal(redirectUri);
          },
        ),
      );
    });
  });

  describe('allowedRedirect', () => {
    const allowed = ['https://contoso.example/auth/callback', 'http://localhost:3000/signed-in'];
    it('accepts an exact match and no redirect at all', () => {
      expect(allowedRedirect(allowed[0], allowed)).to.deep.equal({ ok: true, value: allowed[0] });
      expect(allowedRedirect(undefined, allowed)).to.deep.equal({ ok: true, value: undefined });
    });

    const refused = [
      'https://evil.example/auth/callback',
      'https://contoso.example.evil.example/auth/callback',
      'https://contoso.example@evil.example/auth/callback',
      '//evil.example/auth/callback',
      'https://contoso.example\\@evil.example/auth/callback',
      'https:\\\\evil.example',
      'HTTPS://CONTOSO.EXAMPLE/auth/callback',
      'https://contoso.example/Auth/Callback',
      'https://contoso.example/auth/callback/extra',
      'https://contoso.example/auth/callback?next=https://evil.example',
      'https://contoso.example/auth/callback#x',
      'https://contoso.example/auth/callback/',
      'https://contoso.example:443/auth/callback',
      ' https://contoso.example/auth/callback',
      'javascript:window.__gateXss=1',
      'data:text/html,<script>window.__gateXss=1</script>',
      '',
    ];
    for (const uri of refused) {
      it(`refuses ${JSON.stringify(uri)}`, () =>
        expect(allowedRedirect(uri, allowed).ok).to.equal(false));
    }

    it('never lets a redirect leave the allow-list (property)', () => {
      fc.assert(
        fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom(...allowed)), (uri) => {
          const result = allowedRedirect(uri, allowed);
          if (result.ok) expect(allowed).to.include(result.value);
        }),
      );
    });
  });
});
