/**
 * The OpenID Connect front door: one oidc-provider issuer per tenant and policy, at Azure AD B2C's
 * URL shapes (docs/connect-an-app.md), with the hosted pages as its interaction UI. No protocol
 * code is ours: the library signs, checks PKCE, issues and rotates. What is ours is the wiring:
 * clients from the tenant files (clients.ts), state and keys in the database
 * (provider-configuration.ts, signing-key-refresh.ts), the pages it shows, and the bridge from a
 * sign-in on the hosted pages to the interaction that waits for it (interaction-steps.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type JWK } from 'oidc-provider';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import type { HostedPages } from '../http/pages.js';
import { errorFields, type Logger } from '../log.js';
import { claimSetting, readSetting } from '../store/settings.js';
import type { TenantRegistry } from '../tenants.js';
import { tenantClients, type ClientSecrets } from './clients.js';
import { interactionSteps } from './interaction-steps.js';
import { discoveryPath, formAction, providerConfiguration } from './provider-configuration.js';
import { endGatehouseSessionOnSignOut } from './sign-out.js';
import { keepProvidersCurrent } from './signing-key-refresh.js';
import { ensureSigningKey } from './signing-keys.js';

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

const cookieKeySetting = 'oidc_cookie_key';

export async function openFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const { db, clock, tenants, pages, publicBase, https, log } = options;
  const publicUrl = new URL(publicBase);
  await ensureSigningKey(db, new Date(clock.now()));
  await claimSetting(db, cookieKeySetting, randomBytes(32).toString('base64url'));
  const cookieKey = (await readSetting(db, cookieKeySetting))!;

  const issuer = (tenant: string, policy: string) => `${publicBase}/${tenant}/${policy}/v2.0/`;

  const build = (keys: JWK[]) => {
    const providers = new Map<string, Provider>();
    for (const tenant of tenants.values()) {
      const clients = tenantClients(tenant, options.secrets, publicBase);
      for (const policy of tenant.policies) {
        const provider = new Provider(issuer(tenant.id, policy.id), {
          ...providerConfiguration(tenant, policy.id, { db, clock, pages, cookieKey }),
          clients,
          jwks: { keys },
        });
        // URLs are built from PUBLIC_URL, which `serve` puts in the forwarded headers.
        provider.proxy = true;
        provider.use(endGatehouseSessionOnSignOut(db, https, tenant.id));
        provider.on('server_error', (_ctx, error) => log.error('oidc_failed', errorFields(error)));
        providers.set(`${tenant.id}/${policy.id}`, provider);
      }
    }
    return providers;
  };
  const providers = await keepProvidersCurrent({
    db,
    clock,
    log,
    build,
    intervalMs: options.keyRefreshMs ?? 60_000,
  });

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
  const prepare = (req: IncomingMessage, res: ServerResponse, tenant: Tenant) => {
    secureHeaders(res, tenant);
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    req.headers['x-forwarded-host'] = publicUrl.host;
  };

  const interactions = interactionSteps({
    db,
    clock,
    pages,
    providerOf: (tenant) => providers.get(`${tenant.id}/${tenant.policies[0]!.id}`)!,
    prepare,
  });

  return {
    provider: (tenant, policy) => providers.get(`${tenant}/${policy}`),
    issuer,
    async serve(req, res, tenant, policy, path) {
      const provider = providers.get(`${tenant.id}/${policy}`);
      if (!provider) throw new Error(`No provider for ${tenant.id}/${policy}`);
      prepare(req, res, tenant);
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
    showInteraction: interactions.show,
    continueInteraction: interactions.continue,
    close: providers.close,
  };
}
