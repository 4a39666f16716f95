/**
 * The authorization request of the app an embedded `<gate-app>` signs in for (docs/embedding.md).
 * The app's own OpenID Connect library builds it (client, redirect URI, scope, state, nonce, PKCE
 * challenge); the element only adds the sign-in's ticket, and `prompt=login`, since the user has
 * just signed in here and a session the front door may hold for someone else in this browser
 * must not answer instead.
 */

/**
 * The app's client id, which the sign-in names so that the server issues a ticket; none when the
 * request is not for the front door of the API's own server, where alone a ticket may go.
 */
export function clientIdOf(authorizationUrl: string, apiBase: string): string | undefined {
  const url = new URL(authorizationUrl);
  if (url.origin !== new URL(apiBase).origin) return undefined;
  return url.searchParams.get('client_id') ?? undefined;
}

/**
 * Without a ticket (a sign-in that went through reconfirming the recovery email) the front door
 * asks on its own page, and the app gets its code all the same.
 */
export function authorizeUrl(authorizationUrl: string, ticket: string | undefined): string {
  const url = new URL(authorizationUrl);
  url.searchParams.set('prompt', 'login');
  if (ticket) url.searchParams.set('gatehouse_ticket', ticket);
  return url.href;
}
