/**
 * "Run now", as in B2C: a built-in test client (public, PKCE) that runs a tenant's user flow
 * through the front door and shows the claims of the ID token it receives. It is a relying party
 * like any other, on openid-client: it fetches discovery, checks state, nonce and the token's
 * signature against the published keys. It talks to this very server over loopback.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { HostedPages } from '../http/pages.js';
import { chosenLocaleCookie } from '../../i18n/negotiate-locale.js';
import { runNowPage } from './front-door-pages.js';
import { runNowCallbackPath, runNowClientId } from './clients.js';
import type { FrontDoor } from './front-door.js';

export interface RunNow {
  start(c: Context, tenant: Tenant, policy: string): Promise<Response>;
  callback(c: Context, tenant: Tenant): Promise<Response>;
}

/** What the callback needs to check the answer, kept in the browser that asked. */
interface Pending {
  policy: string;
  verifier: string;
  state: string;
  nonce: string;
}

const cookieName = 'gatehouse_run_now';

export function runNow(options: {
  frontDoor: FrontDoor;
  pages: HostedPages;
  publicBase: string;
  /** Where this server listens: the relying party's requests go there. */
  internalBase: string;
}): RunNow {
  const { frontDoor, pages, publicBase, internalBase } = options;
  const insecure = publicBase.startsWith('http:');

  const configuration = (tenant: Tenant, policy: string) =>
    client.discovery(
      new URL(frontDoor.issuer(tenant.id, policy)),
      runNowClientId,
      undefined,
      client.None(),
      {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        [client.customFetch]: (url, init) =>
          fetch(url.replace(publicBase, internalBase), init as RequestInit),
      },
    );

  const cookieOptions = (tenant: Tenant) => ({
    path: `/${tenant.id}/run-now`,
    httpOnly: true,
    secure: true,
    sameSite: 'Lax' as const,
  });

  return {
    async start(c, tenant, policy) {
      const config = await configuration(tenant, policy);
      const pending: Pending = {
        policy,
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      };
      setCookie(c, cookieName, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        ...cookieOptions(tenant),
        maxAge: 600,
      });
      const uiLocales = c.req.query('ui_locales');
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: `${publicBase}${runNowCallbackPath(tenant.id)}`,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
        ...(uiLocales ? { ui_locales: uiLocales } : {}),
      });
      return c.redirect(url.href, 303);
    },

    async callback(c, tenant) {
      const pending = readPending(getCookie(c, cookieName));
      deleteCookie(c, cookieName, cookieOptions(tenant));
      let claims: Record<string, unknown> | undefined;
      if (pending && tenant.policies.some((policy) => policy.id === pending.policy)) {
        try {
          const config = await configuration(tenant, pending.policy);
          const tokens = await client.authorizationCodeGrant(
            config,
            new URL(`${publicBase}${new URL(c.req.url).pathname}${new URL(c.req.url).search}`),
            {
              pkceCodeVerifier: pending.verifier,
              expectedState: pending.state,
              expectedNonce: pending.nonce,
              idTokenExpected: true,
            },
          );
          claims = tokens.claims() as Record<string, unknown> | undefined;
        } catch {
          claims = undefined;
        }
      }
      const policy = pending?.policy ?? tenant.policies[0]!.id;
      const page = runNowPage(
        pages.shell(tenant, {
          uiLocales: undefined,
          acceptLanguage: c.req.header('Accept-Language'),
          chosenLocale: getCookie(c, chosenLocaleCookie),
        }),
        policy,
        claims,
        `/${tenant.id}/${policy}/run-now`,
      );
      c.header('Content-Security-Policy', page.csp);
      c.header('Cache-Control', 'no-store');
      return c.html(page.html, claims ? 200 : 400);
    },
  };
}

function readPending(value: string | undefined): Pending | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Pending>;
    const fields = [parsed.policy, parsed.verifier, parsed.state, parsed.nonce];
    return fields.every((field) => typeof field === 'string') ? (parsed as Pending) : undefined;
  } catch {
    return undefined;
  }
}
