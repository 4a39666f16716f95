/**
 * The OpenID Connect front door: one oidc-provider issuer per tenant and policy, at Azure AD B2C's
 * URL shapes (docs/connect-an-app.md), with the hosted pages as its interaction UI. No protocol
 * code is ours: the library signs, checks PKCE, issues and rotates. What is ours is the wiring:
 * clients from the tenant files, state and keys in the database, the pages it shows, and the
 * bridge from a sign-in on the hosted pages to the interaction that waits for it.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, {
  errors,
  type ClientMetadata,
  type Configuration,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { chosenLocaleCookie } from '../../i18n/negotiate-locale.js';
import type { Client, Tenant } from '../../tenant/tenant.schema.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import type { HostedPages } from '../http/pages.js';
import { sessionCookieName } from '../http/session-cookie.js';
import { errorFields, type Logger } from '../log.js';
import { claimSetting, readSetting } from '../store/settings.js';
import { endSession, findSession } from '../store/sessions.js';
import { findUserById } from '../store/users.js';
import type { TenantRegistry } from '../tenants.js';
import { DatabaseAdapter, endGrants } from './database-adapter.js';
import { continuePath } from './interaction-paths.js';
import { loginPrompts } from './login-prompts.js';
import {
  refusalPage,
  signOutPage,
  signedOutPage,
  type RefusalReason,
  type RenderedPage,
} from './front-door-pages.js';
import { ensureSigningKey, publishedSigningKeys } from './signing-keys.js';

export interface FrontDoorOptions {
  db: Database;
  clock: Clock;
  tenants: TenantRegistry;
  pages: HostedPages;
  /** Where users reach the server, e.g. https://login.contoso.com (no trailing slash). */
  publicBase: string;
  https: boolean;
  log: Logger;
  /** The confidential clients' secrets (`clientSecrets`). */
  secrets: ClientSecrets;
  /** How often the published keys are compared with the database (a rotation is then served). */
  keyRefreshMs?: number;
}

export interface FrontDoor {
  provider(tenant: string, policy: string): Provider | undefined;
  /** `{public base}/{tenant}/{policy}/v2.0/`, after B2C's policy-scoped issuers. */
  issuer(tenant: string, policy: string): string;
  /** Serves a protocol request: `path` is what follows `/{tenant}/{policy}`, with its query. */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    policy: string,
    path: string,
  ): Promise<void>;
  /**
   * The first stop of an interaction (`/{tenant}/interaction/{uid}`): on to the hosted page of
   * its policy, which returns to `continueInteraction` once the user has signed in.
   */
  showInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    uid: string,
  ): Promise<void>;
  /**
   * Ends the interaction `uid` with the sign-in that the hosted pages made during it (their
   * session cookie); without one, sends the user to a sign-in page that returns here.
   */
  continueInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    uid: string,
    sessionId: string | undefined,
  ): Promise<void>;
  close(): void;
}

/** The built-in test client of "Run now" (public, PKCE), on tenants that enable it. */
export const runNowClientId = 'gatehouse-run-now';
export const runNowCallbackPath = (tenant: string) => `/${tenant}/run-now/callback`;

/** B2C's endpoint paths under `/{tenant}/{policy}`. */
const routes = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  end_session: '/oauth2/v2.0/logout',
  jwks: '/discovery/v2.0/keys',
  userinfo: '/openid/v2.0/userinfo',
  revocation: '/oauth2/v2.0/revoke',
} as const;
const discoveryPath = '/v2.0/.well-known/openid-configuration';

/**
 * Forms of the front door post here, and may be redirected on to a registered address of the
 * tenant's apps (a form_post answer, the return after signing out): CSP's form-action covers
 * those redirects too. The provider adds its form_post script's hash to script-src itself.
 */
export function formAction(tenant: Tenant): string {
  const origins = new Set(
    (tenant.clients ?? []).flatMap((client) =>
      [...client.redirectUris, ...(client.postLogoutRedirectUris ?? [])].map(
        (uri) => new URL(uri).origin,
      ),
    ),
  );
  return ["form-action 'self'", ...origins].join(' ');
}

/** Whether a path under `/{tenant}/{policy}` is the provider's. */
export function isProtocolPath(path: string): boolean {
  const pathname = path.replace(/\?.*$/, '');
  return pathname === discoveryPath || /^\/(oauth2|discovery|openid)\/v2\.0\//.test(pathname);
}

const cookieKeySetting = 'oidc_cookie_key';
const dayS = 24 * 60 * 60;
/** Ours: how long an app's authorize request waits for the user (a reset by email fits in it). */
const interactionTtlS = 60 * 60;

/** The secrets of the confidential clients, by tenant and client id. */
export type ClientSecrets = ReadonlyMap<string, string>;

/**
 * Reads each confidential client's secret from the environment variable its tenant file names
 * (docs/security.md#rule-32). A variable that is not set stops the start, naming file and field.
 */
export function clientSecrets(
  tenants: TenantRegistry,
  tenantsDir: string,
  env: Readonly<Record<string, string | undefined>>,
): ClientSecrets {
  const secrets = new Map<string, string>();
  const problems: string[] = [];
  for (const tenant of tenants.values()) {
    (tenant.clients ?? []).forEach((client, index) => {
      if (client.type !== 'confidential') return;
      const secret = env[client.secretEnv!];
      if (secret) secrets.set(`${tenant.id}/${client.id}`, secret);
      else {
        problems.push(
          `${tenantsDir}/${tenant.id}.json: clients[${index}].secretEnv: the environment variable ${client.secretEnv} is not set`,
        );
      }
    });
  }
  if (problems.length > 0) throw new Error(`Client secrets missing:\n  ${problems.join('\n  ')}`);
  return secrets;
}

function clientMetadata(tenant: Tenant, client: Client, secrets: ClientSecrets): ClientMetadata {
  const common = {
    client_id: client.id,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code' as const],
  };
  if (client.type === 'public') return { ...common, token_endpoint_auth_method: 'none' };
  return {
    ...common,
    client_secret: secrets.get(`${tenant.id}/${client.id}`)!,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
  };
}

export async function openFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const { db, clock, tenants, pages, publicBase, https, log } = options;
  const publicUrl = new URL(publicBase);
  await ensureSigningKey(db, new Date(clock.now()));
  await claimSetting(db, cookieKeySetting, randomBytes(32).toString('base64url'));
  const cookieKey = (await readSetting(db, cookieKeySetting))!;

  const issuer = (tenant: string, policy: string) => `${publicBase}/${tenant}/${policy}/v2.0/`;

  /** The visit's language, as the hosted pages would choose it. */
  const shellOf = (ctx: KoaContextWithOIDC, tenant: Tenant) =>
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

  const build = (keys: JWK[]) => {
    const providers = new Map<string, Provider>();
    for (const tenant of tenants.values()) {
      const clients = (tenant.clients ?? []).map((client) =>
        clientMetadata(tenant, client, options.secrets),
      );
      if (tenant.runNow) {
        clients.push({
          client_id: runNowClientId,
          client_name: 'Run now',
          redirect_uris: [`${publicBase}${runNowCallbackPath(tenant.id)}`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        });
      }
      for (const policy of tenant.policies) {
        const provider = new Provider(issuer(tenant.id, policy.id), {
          ...configuration(tenant, policy.id),
          clients,
          jwks: { keys },
        });
        // URLs are built from PUBLIC_URL, which `serve` puts in the forwarded headers.
        provider.proxy = true;
        provider.use(endGatehouseSessionOnSignOut(tenant));
        provider.on('server_error', (_ctx, error) => log.error('oidc_failed', errorFields(error)));
        providers.set(`${tenant.id}/${policy.id}`, provider);
      }
    }
    return providers;
  };

  /** Signing out of the front door ends the hosted pages' session too: one session concept. */
  const endGatehouseSessionOnSignOut =
    (tenant: Tenant) => async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
      await next();
      if (ctx.oidc?.route !== 'end_session_confirm' || !ctx.oidc.params?.logout) return;
      // Refresh tokens asked for with offline_access outlive a sign-out in the library's default;
      // ours end with it (docs/security.md#rule-30).
      const grants = Object.values(ctx.oidc.session?.authorizations ?? {}).flatMap(
        (authorization) => authorization.grantId ?? [],
      );
      await endGrants(db, tenant.id, grants);
      const name = sessionCookieName(https);
      const id = ctx.cookies.get(name, { signed: false });
      if (id) await endSession(db, id);
      ctx.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`);
    };

  const configuration = (tenant: Tenant, policy: string): Configuration => ({
    adapter: (model: string) => new DatabaseAdapter(db, clock, tenant.id, model),
    findAccount: async (_ctx, sub) => {
      const user = await findUserById(db, sub);
      if (!user || user.tenant !== tenant.id) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: user.email, email_verified: true, tfp: policy }),
      };
    },
    // As B2C does: how and when the user signed in, and the policy, in every ID token.
    claims: {
      openid: ['sub', 'tfp', 'acr', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    // As B2C does: the scopes' claims in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    acrValues: [policy],
    responseTypes: ['code'],
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
          show(ctx, signOutPage(shellOf(ctx, tenant), action, xsrf, formAction(tenant)));
        },
        postLogoutSuccessSource: async (ctx) => show(ctx, signedOutPage(shellOf(ctx, tenant))),
      },
    },
    interactions: {
      policy: loginPrompts(
        db,
        tenant.policies.find((p) => p.id === policy)?.kind === 'password-change',
      ),
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
      show(ctx, refusalPage(shellOf(ctx, tenant), reason, String(out.error)));
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
  });

  let keyIds = '';
  let providers = new Map<string, Provider>();
  const refresh = async () => {
    const keys = await publishedSigningKeys(db, new Date(clock.now()));
    const ids = keys.map((key) => key.kid).join(' ');
    if (ids === keyIds) return;
    providers = build(keys);
    keyIds = ids;
  };
  await refresh();
  const timer = setInterval(
    () =>
      void refresh().catch((error: unknown) => log.warn('keys_refresh_failed', errorFields(error))),
    options.keyRefreshMs ?? 60_000,
  ).unref();

  /** Answers that the provider writes itself get the hosted pages' headers. */
  const secureHeaders = (res: ServerResponse, tenant: Tenant) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        "script-src 'self'",
        formAction(tenant),
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  };

  const forward = (req: IncomingMessage) => {
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    req.headers['x-forwarded-host'] = publicUrl.host;
  };

  const refuse = (res: ServerResponse, tenant: Tenant, req: IncomingMessage, code: string) => {
    const shell = pages.shell(tenant, {
      uiLocales: undefined,
      acceptLanguage: req.headers['accept-language'],
      chosenLocale: undefined,
    });
    const page = refusalPage(shell, 'bad_request', code);
    res.writeHead(400, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': page.csp,
    });
    res.end(page.html);
  };

  /**
   * The interaction this browser holds (its cookie) and the policy it was started for; an
   * expired or foreign one gets the error page.
   */
  const interactionOf = async (
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    uid: string,
  ) => {
    // Any provider of the tenant reads its interactions: they share the tenant's rows.
    const provider = providers.get(`${tenant.id}/${tenant.policies[0]!.id}`)!;
    secureHeaders(res, tenant);
    forward(req);
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
    }
    // The policy is the one whose authorize endpoint the interaction resumes at.
    const policy = details && new URL(details.returnTo).pathname.split('/')[2];
    if (!details || details.uid !== uid || !policy) {
      refuse(res, tenant, req, 'interaction_expired');
      return undefined;
    }
    return { provider, details, policy };
  };

  return {
    provider: (tenant, policy) => providers.get(`${tenant}/${policy}`),
    issuer,
    async serve(req, res, tenant, policy, path) {
      const provider = providers.get(`${tenant.id}/${policy}`);
      if (!provider) throw new Error(`No provider for ${tenant.id}/${policy}`);
      secureHeaders(res, tenant);
      forward(req);
      const prefix = `/${tenant.id}/${policy}`;
      const [pathname, search = ''] = path.split(/\?(.*)/s);
      const query = search ? `?${search}` : '';
      const discovery = pathname === discoveryPath;
      // oidc-provider builds its URLs from the part of `originalUrl` before `url`: the mount path.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = discovery
        ? `${prefix}/.well-known/openid-configuration${query}`
        : `${prefix}${path}`;
      req.url = discovery ? `/.well-known/openid-configuration${query}` : path;
      await provider.callback()(req, res);
    },
    async showInteraction(req, res, tenant, uid) {
      const found = await interactionOf(req, res, tenant, uid);
      if (!found) return;
      const { details, policy } = found;
      res.writeHead(303, { Location: interactionPageUrl(tenant, policy, uid, details.params) });
      res.end();
    },
    async continueInteraction(req, res, tenant, uid, sessionId) {
      const found = await interactionOf(req, res, tenant, uid);
      if (!found) return;
      const { provider, details, policy } = found;
      if (details.prompt.name === 'consent') {
        const grant = await grantFor(
          provider,
          details.session!.accountId,
          String(details.params.client_id),
          details.grantId,
          details.params.scope,
        );
        await provider.interactionFinished(req, res, { consent: { grantId: grant.jti } });
        return;
      }
      const session = sessionId
        ? await findSession(db, sessionId, new Date(clock.now()))
        : undefined;
      // Only a sign-in made during this interaction ends it: prompt=login and max_age mean that.
      const fresh =
        session?.tenant === tenant.id &&
        session.createdAt.getTime() >= (details.exp - interactionTtlS) * 1000 - 1000;
      if (!fresh) {
        // A reset policy ends here without a sign-in: the user signs in with the new password
        // on the tenant's sign-in page, which returns here (no automatic sign-in after a reset).
        const signIn = tenant.policies.some((p) => p.id === policy && p.kind === 'sign-in')
          ? policy
          : tenant.policies.find((p) => p.kind === 'sign-in')?.id;
        if (!signIn) return refuse(res, tenant, req, 'interaction_unfinished');
        res.writeHead(303, { Location: interactionPageUrl(tenant, signIn, uid, details.params) });
        res.end();
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        {
          login: {
            accountId: session.userId,
            acr: policy,
            amr: ['pwd'],
            ts: Math.floor(session.createdAt.getTime() / 1000),
          },
        },
        { mergeWithLastSubmission: false },
      );
    },
    close: () => clearInterval(timer),
  };
}

/** The account's grant for a client, extended to the scopes of this request. */
async function grantFor(
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

/**
 * The hosted page that signs the user in for an interaction, in the language the app asked for:
 * its `redirect_uri` leads back to the interaction (the pages allow it, see `isInteractionReturn`).
 */
function interactionPageUrl(
  tenant: Tenant,
  policy: string,
  uid: string,
  params: Record<string, unknown>,
): string {
  const query = new URLSearchParams({ redirect_uri: continuePath(tenant.id, uid) });
  if (typeof params.ui_locales === 'string') query.set('ui_locales', params.ui_locales);
  if (typeof params.login_hint === 'string') query.set('login_hint', params.login_hint);
  return `/${tenant.id}/${policy}?${query}`;
}
