/**
 * The oidc-provider configuration of one tenant and policy: B2C's endpoint paths and claims, the
 * database as its storage, the hosted pages as its sign-in, and the front door's own pages for
 * signing out and for the requests it refuses.
 */
import type Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { chosenLocaleCookie } from '../../i18n/negotiate-locale.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import type { HostedPages } from '../http/pages.js';
import { findUserById, recoveryAddress, type User } from '../store/users.js';
import { DatabaseAdapter } from './database-adapter.js';
import {
  refusalPage,
  signOutPage,
  signedOutPage,
  type RefusalReason,
  type RenderedPage,
} from './front-door-pages.js';
import { continuePath } from './interaction-paths.js';
import { loginPrompts } from './login-prompts.js';
import { ticketParam } from './ticket-login.js';
import { formTargets } from '../http/security-headers.js';

/**
 * Who the user is, for the app: an email account's address; a username account's username, and
 * its recovery email only once proven.
 */
function identityClaims(user: User): Record<string, string | boolean> {
  if (user.recoveryEmail === null && user.email.includes('@')) {
    return { email: user.email, email_verified: true };
  }
  const email = recoveryAddress(user);
  return {
    preferred_username: user.email,
    ...(email !== null && user.emailConfirmedAt !== null ? { email, email_verified: true } : {}),
  };
}

/** B2C's endpoint paths under `/{tenant}/{policy}`. */
const routes = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  end_session: '/oauth2/v2.0/logout',
  jwks: '/discovery/v2.0/keys',
  userinfo: '/openid/v2.0/userinfo',
  revocation: '/oauth2/v2.0/revoke',
} as const;
export const discoveryPath = '/v2.0/.well-known/openid-configuration';

/** Whether a path under `/{tenant}/{policy}` is the provider's. */
export function isProtocolPath(path: string): boolean {
  const pathname = path.replace(/\?.*$/, '');
  return pathname === discoveryPath || /^\/(oauth2|discovery|openid)\/v2\.0\//.test(pathname);
}

/**
 * Forms of the front door post here, and may be redirected on to a registered address of the
 * tenant's apps (a form_post answer, the return after signing out): CSP's form-action covers
 * those redirects too. The provider adds its form_post script's hash to script-src itself.
 */
export function formAction(tenant: Tenant): string {
  return ["form-action 'self'", ...formTargets(tenant)].join(' ');
}

const dayS = 24 * 60 * 60;
/** Ours: how long an app's authorize request waits for the user (a reset by email fits in it). */
export const interactionTtlS = 60 * 60;

/** The account's grant for a client, extended to the scopes of this request. */
export async function grantFor(
  provider: Provider,
  accountId: string,
  clientId: string,
  grantId: string | undefined,
  scope: unknown,
) {
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant =
    existing?.accountId === accountId ? existing : new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
  await grant.save();
  return grant;
}

export interface ConfigurationContext {
  db: Database;
  clock: Clock;
  pages: HostedPages;
  /** Signs the provider's cookies; one per installation, kept in the database. */
  cookieKey: string;
}

/** The visit's language, as the hosted pages would choose it. */
const shellOf = (pages: HostedPages, ctx: KoaContextWithOIDC, tenant: Tenant) =>
  pages.shell(tenant, {
    uiLocales: (ctx.oidc?.params?.ui_locales as string | undefined)?.slice(0, 256),
    acceptLanguage: ctx.get('accept-language') || undefined,
    chosenLocale: ctx.cookies.get(chosenLocaleCookie, { signed: false }),
  });

const show = (ctx: KoaContextWithOIDC, page: RenderedPage) => {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', page.csp);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page.html;
};

/** Everything but the clients and keys, which the front door adds when it builds a provider. */
export function providerConfiguration(
  tenant: Tenant,
  policy: string,
  { db, clock, pages, cookieKey }: ConfigurationContext,
): Configuration {
  return {
    adapter: (model: string) => new DatabaseAdapter(db, clock, tenant.id, model),
    findAccount: async (_ctx, sub) => {
      const user = await findUserById(db, sub);
      if (!user || user.tenant !== tenant.id) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, ...identityClaims(user), tfp: policy }),
      };
    },
    // As B2C does: how and when the user signed in, and the policy, in every ID token.
    claims: {
      openid: ['sub', 'tfp', 'acr', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    // As B2C does: the scopes' claims in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    acrValues: [policy],
    responseTypes: ['code'],
    extraParams: [ticketParam],
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false,
    routes,
    cookies: {
      names: {
        session: `gatehouse_oidc_session_${tenant.id}`,
        interaction: `gatehouse_oidc_interaction`,
        resume: `gatehouse_oidc_resume`,
      },
      // One provider session per tenant, shared by its policies (single sign-on across them).
      long: { path: `/${tenant.id}/`, httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
      keys: [cookieKey],
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx) => {
          const action = ctx.oidc.urlFor('end_session_confirm');
          const xsrf = (ctx.oidc.session!.state as { secret: string }).secret;
          show(ctx, signOutPage(shellOf(pages, ctx, tenant), action, xsrf, formAction(tenant)));
        },
        postLogoutSuccessSource: async (ctx) =>
          show(ctx, signedOutPage(shellOf(pages, ctx, tenant))),
      },
    },
    interactions: {
      policy: loginPrompts(db, {
        passwordChange: tenant.policies.find((p) => p.id === policy)?.kind === 'password-change',
        requireRegistration: tenant.requireRecoveryRegistration === true,
      }),
      // A sign-in is asked for on the hosted pages; consent (prompt=consent, which offline_access
      // needs) is given at once, since the clients are the tenant's own apps.
      url: (_ctx, interaction) =>
        interaction.prompt.name === 'consent'
          ? continuePath(tenant.id, interaction.uid)
          : `/${tenant.id}/interaction/${interaction.uid}`,
    },
    // The tenant's own apps: no consent screen, as in B2C. The grant covers what was asked.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      if (!accountId || !oidc.client) return undefined;
      const grantId =
        oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client.clientId);
      return grantFor(oidc.provider, accountId, oidc.client.clientId, grantId, oidc.params!.scope);
    },
    renderError: async (ctx, out) => {
      const reason: RefusalReason =
        out.error === 'invalid_client'
          ? 'unknown_client'
          : out.error === 'invalid_redirect_uri'
            ? 'redirect_not_registered'
            : 'bad_request';
      show(ctx, refusalPage(shellOf(pages, ctx, tenant), reason, String(out.error)));
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      Interaction: interactionTtlS,
      Grant: 14 * dayS,
      Session: 14 * dayS,
      RefreshToken: 14 * dayS,
    },
  };
}
