/**
 * Requests that change something are refused when a browser says another site sent them: by
 * `Origin`, or, where a browser left `Origin` out, by `Sec-Fetch-Site`. Only the server's own
 * origin and the tenant's embedding origins may. A client that sends neither header (not a
 * browser) is not a cross-site forgery and goes on as before. The JSON content type already makes
 * a browser ask first (a CORS preflight); this does not rely on that. The rule is in
 * docs/contract.md.
 */
import type { Context } from 'hono';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the request changes state and comes from a site other than `ownOrigin` (the public
 * address when one is configured, else the address the request was sent to) and `allowed`.
 */
export function fromAnotherSite(
  c: Context,
  allowed: readonly string[],
  ownOrigin: string | undefined,
): boolean {
  if (safeMethods.has(c.req.method)) return false;
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  // A form post from a page under `Referrer-Policy: no-referrer` says `Origin: null`, as do
  // sandboxed frames: only the browser's word that the page was this origin's lets it through.
  if (origin === 'null') return site !== 'same-origin';
  if (origin !== undefined) {
    return origin !== (ownOrigin ?? new URL(c.req.url).origin) && !allowed.includes(origin);
  }
  return site === 'cross-site' || site === 'same-site';
}
