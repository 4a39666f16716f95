/**
 * Headers on every answer (docs/security.md#rule-18), and the hosted pages' Content Security
 * Policy: scripts from this origin only (the build emits no inline script), styles from this origin
 * and the rendered first page's inline styles by hash, no plugins, no <base>, forms post only here,
 * and framing only by the tenant's embedding origins.
 */
import type { MiddlewareHandler } from 'hono';

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

/** `styleHashes`: CSP sources of the inline styles the page carries, and only those. */
export function pageCsp(
  embeddingOrigins: readonly string[],
  styleHashes: readonly string[] = [],
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
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}
