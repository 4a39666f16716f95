/**
 * Where an embedded `<gate-app>` finds Gatehouse (its `server` attribute, else the page's own
 * origin), and the app's authorization request it completes there (docs/embedding.md). The
 * request's values (state, nonce, PKCE challenge) come from the app's own OpenID Connect library;
 * this only puts them into B2C's authorize URL.
 */
import type { AppHost } from './app-host.js';

/** `path` on Gatehouse's server: relative to `server` when set, else to the page. */
export function onServer(host: Pick<AppHost, 'server'>, path: string): URL {
  if (!host.server) return new URL(path, document.baseURI);
  const base = new URL(host.server);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path.replace(/^\//, ''), base);
}

/** Answers from another origin carry Gatehouse's credentials only when asked for. */
export const credentialsFor = (apiBase: URL): RequestCredentials =>
  apiBase.origin === location.origin ? 'same-origin' : 'include';

/** The authorization request of the app `client-id` names, for the tenant's sign-in `policy`. */
export function authorizeUrl(
  host: Pick<
    AppHost,
    'server' | 'clientId' | 'scope' | 'authState' | 'authNonce' | 'codeChallenge'
  >,
  tenant: string,
  policy: string,
  redirectUri: string,
  locale: string,
): string {
  const url = onServer(
    host,
    `${encodeURIComponent(tenant)}/${encodeURIComponent(policy)}/oauth2/v2.0/authorize`,
  );
  const params = {
    client_id: host.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: host.scope || 'openid',
    state: host.authState,
    nonce: host.authNonce,
    code_challenge: host.codeChallenge,
    code_challenge_method: host.codeChallenge ? 'S256' : '',
    // The user has just signed in here: a session the front door may hold for someone else on
    // this browser must not answer instead.
    prompt: 'login',
    ui_locales: locale,
  };
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return url.href;
}
