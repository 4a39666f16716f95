/** Who is asking: the client address for throttling and the page's language for email. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { maxLocaleBytes, negotiateLocale } from '../../i18n/negotiate-locale.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { clientIp } from '../security/client-ip.js';
import type { RequestMeta } from '../services/context.js';

/**
 * The pages send their own language as Accept-Language; only locales the tenant enables can come
 * out, and at most 256 bytes of the header are read (docs/security.md#rule-20).
 */
export function requestLocale(acceptLanguage: string | undefined, tenant: Tenant) {
  const tags = (acceptLanguage ?? '')
    .slice(0, maxLocaleBytes)
    .split(',')
    .map((entry) => entry.split(';')[0]!.trim())
    .filter(Boolean);
  return negotiateLocale({ browser: tags, tenant });
}

export function requestMeta(
  c: Context,
  tenant: Tenant,
  trustedProxies: ReadonlySet<string>,
): RequestMeta {
  return {
    ip: clientIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustedProxies),
    locale: requestLocale(c.req.header('accept-language'), tenant),
  };
}
