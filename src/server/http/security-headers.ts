/**
 * Headers on every answer (docs/security.md#rule-18), and the hosted pages' Content Security
 * Policy: scripts from this origin only (the build emits no inline script), styles from this origin
 * and the rendered first page's inline styles by hash, no plugins, no <base>, forms post only here,
 * and framing only by the tenant's embedding origins.
 */
import type { MiddlewareHandler } from 'hono';
import type { Tenant } from '../../tenant/tenant.schema.js';

export function securityHeaders(https: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!c.res.headers.has('Content-Security-Policy')) {
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
  };
}

/**
 * Where a hosted page's form post may end up: this origin, and the origins of the addresses its
 * sign-in may redirect to (the tenant's return addresses and its apps'), since browsers hold a
 * form's redirects to `form-action` too.
 */
export function formTargets(tenant: Tenant): string[] {
  const uris = [
    ...tenant.redirectUris,
    ...(tenant.clients ?? []).flatMap((client) => [
      ...client.redirectUris,
      ...(client.postLogoutRedirectUris ?? []),
    ]),
  ];
  return [...new Set(uris.map((uri) => new URL(uri).origin))];
}

/**
 * `styleHashes`: CSP sources of the inline styles the page carries, and only those;
 * `formTargets`: origins besides this one that its forms may lead to.
 */
export function pageCsp(
  embeddingOrigins: readonly string[],
  styleHashes: readonly string[] = [],
  formTargets: readonly string[] = [],
): string {
  const ancestors = embeddingOrigins.length > 0 ? embeddingOrigins.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}
