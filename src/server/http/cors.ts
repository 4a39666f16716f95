/**
 * CORS for pages that embed the elements (docs/security.md#rule-33): a grant goes only to an
 * origin on the tenant's `embeddingOrigins`, naming that origin (never `*`), with credentials on
 * the API, and `Vary: Origin` on every answer so that a cache never hands one origin's grant to
 * another. A preflight from any other origin is refused with 403 and no grant. The check that
 * refuses state-changing requests from other sites (cross-site.ts) runs as before: CORS only
 * decides what a browser lets the page read.
 */
import type { MiddlewareHandler } from 'hono';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { TenantRegistry } from '../tenants.js';
import { sendError } from './respond.js';

/** Ours: browsers keep a preflight's answer this long (Chromium caps it at 7200 s). */
const preflightMaxAgeS = 600;

function grant(
  allowedOrigins: (tenantId: string | undefined) => readonly string[],
  { credentials, methods }: { credentials: boolean; methods: string },
): MiddlewareHandler {
  return async (c, next) => {
    c.header('Vary', 'Origin', { append: true });
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && allowedOrigins(c.req.param('tenant')).includes(origin);
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method');
    if (preflight && !allowed) return sendError(c, { error: 'forbidden' });
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      if (credentials) c.header('Access-Control-Allow-Credentials', 'true');
    }
    if (preflight) {
      c.header('Access-Control-Allow-Methods', methods);
      c.header('Access-Control-Allow-Headers', 'content-type, accept-language');
      c.header('Access-Control-Max-Age', String(preflightMaxAgeS));
      return c.body(null, 204);
    }
    await next();
  };
}

/** The contract's routes of one tenant (`/api/v1/tenants/:tenant/*`): that tenant's origins. */
export function apiCors(tenants: TenantRegistry): MiddlewareHandler {
  const origins = (id: string | undefined) => (id && tenants.get(id)?.embeddingOrigins) || [];
  return grant(origins, { credentials: true, methods: 'GET, POST' });
}

/**
 * Theme packs and built assets (fonts need CORS; a pack is JSON read by script): any tenant's
 * embedding origin, since packs are shared between tenants. They carry no credentials.
 */
export function assetCors(tenants: TenantRegistry): MiddlewareHandler {
  const all = [...new Set([...tenants.values()].flatMap((t: Tenant) => t.embeddingOrigins))];
  return grant(() => all, { credentials: false, methods: 'GET' });
}
